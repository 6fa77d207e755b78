-- household module: groups (their kind) and who belongs to them, with member kinds.
create table household (
    party_id         bigint primary key references party (id),
    kind_id          bigint references group_kind (id),
    is_partial_group boolean,
    version          integer not null
);

create table group_membership (
    id            bigserial primary key,
    group_id      bigint not null references household (party_id),
    individual_id bigint not null references party (id),
    start_date    date   not null,
    ended_date    date,
    unique (group_id, individual_id),
    check (ended_date is null or ended_date >= start_date)
);
create index group_membership_individual on group_membership (individual_id);

create table group_membership_kind (
    membership_id  bigint  not null references group_membership (id) on delete cascade,
    group_id       bigint  not null,
    member_kind_id bigint  not null references member_kind (id),
    unique_kind    boolean not null,
    primary key (membership_id, member_kind_id)
);
-- one Head (or any kind flagged unique) per group
create unique index group_membership_kind_unique on group_membership_kind (group_id, member_kind_id) where unique_kind;

create function household_must_be_versioned() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from record_version
                   where subject_type = 'household' and subject_id = new.party_id and version = new.version) then
        raise exception 'household % version % written without its history version', new.party_id, new.version
            using errcode = 'P0001';
    end if;
    return null;
end $$;

create constraint trigger household_versioned after insert or update on household
    deferrable initially deferred for each row execute function household_must_be_versioned();
