-- history module: every committed change to a registrant or household appends one immutable version here,
-- in the same transaction. Rows are never updated or deleted.
create table record_version (
    subject_type text        not null,
    subject_id   bigint      not null,
    version      integer     not null,
    recorded_at  timestamptz not null,
    actor        text        not null,
    reason       text        not null,
    snapshot     jsonb       not null,
    primary key (subject_type, subject_id, version)
);

create function record_version_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'record_version rows are immutable' using errcode = 'P0001';
end $$;

create trigger record_version_immutable before update or delete on record_version
    for each row execute function record_version_is_immutable();
