-- person module: registrants (individuals, and the registrant part of groups) with their identity
-- documents, phones and programme memberships. One row in party per registrant; individuals and groups
-- share one id space, as in OpenG2P.
create table party (
    id                      bigserial primary key,
    is_group                boolean     not null,
    name                    text        not null,
    search_name             text        not null,
    given_name              text,
    family_name             text,
    second_family_name      text,
    addl_name               text,
    gender                  text,
    birthdate               date,
    birth_place             text,
    email                   text,
    address                 text,
    postal_code             text,
    scope_code              text,
    address_scope_code      text,
    document_scope_code     text,
    registration_date       date        not null,
    notification_preference text        not null default 'none',
    additional_info         jsonb,
    external_ids            jsonb       not null default '{}',
    state                   text        not null,
    verification            text        not null,
    membership_level        text        not null,
    phone_verification      text        not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    discarded_at            timestamptz,
    version                 integer     not null
);
-- name search: substring, case- and accent-insensitive, on a normalized copy of the display name
create index party_search_name_trgm on party using gin (search_name gin_trgm_ops) with (fastupdate = off);
create index party_external_ids on party using gin (external_ids jsonb_path_ops);
create index party_birthdate on party (birthdate);

create table party_identifier (
    id               bigserial primary key,
    party_id         bigint  not null references party (id),
    id_type_id       bigint  not null references id_type (id),
    value            text    not null,
    expiry_date      date,
    primary_document boolean not null default false,
    unique (party_id, id_type_id)
);
create index party_identifier_value on party_identifier (id_type_id, value);
create unique index party_identifier_one_primary on party_identifier (party_id) where primary_document;

create table party_phone (
    id              bigserial primary key,
    party_id        bigint  not null references party (id),
    position        integer not null,
    phone_no        text    not null,
    phone_sanitized text,
    date_collected  date,
    disabled        date
);
create index party_phone_party on party_phone (party_id, position);
create index party_phone_sanitized on party_phone (phone_sanitized);

create table programme_membership (
    id              bigserial primary key,
    party_id        bigint not null references party (id),
    programme_id    bigint not null references programme (id),
    state           text   not null,
    enrollment_date date,
    exit_date       date,
    unique (party_id, programme_id)
);

-- Nothing may write a registrant without recording the version in history in the same transaction.
create function party_must_be_versioned() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from record_version
                   where subject_type = 'registrant' and subject_id = new.id and version = new.version) then
        raise exception 'registrant % version % written without its history version', new.id, new.version
            using errcode = 'P0001';
    end if;
    return null;
end $$;

create constraint trigger party_versioned after insert or update on party
    deferrable initially deferred for each row execute function party_must_be_versioned();
