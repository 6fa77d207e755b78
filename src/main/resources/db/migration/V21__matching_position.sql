-- procedure module: how far the matching of the change feed (procedure.DuplicateWatch) has read. One row. It starts
-- at the feed's end when this migration runs: people registered before are not matched against each other by it
-- (every later change is).
create table matching_position (
    only_row boolean primary key default true check (only_row),
    txid     bigint  not null,
    seq      bigint  not null
);
insert into matching_position (txid, seq)
select coalesce((select txid::text::bigint from record_version order by txid desc, id desc limit 1), 0),
       coalesce((select id from record_version order by txid desc, id desc limit 1), 0);

-- the issue raised by the matching model
alter table issue drop constraint issue_type_check;
alter table issue add constraint issue_type_check check (type in ('duplicated_document', 'duplicated_person',
    'untrusted_email', 'untrusted_phone', 'duplicated_verified_phone', 'possible_duplicate'));
