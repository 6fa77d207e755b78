-- procedure module: Census procedures (requests to change a person, processed automatically or by staff), the
-- durable queue that processes them, and the issues (duplicates, fraud signals) that hold them for review.
create table procedure (
    id                    bigserial primary key,
    party_id              bigint      not null references party (id),
    type                  text        not null check (type in ('registration', 'person_data_change', 'cancellation',
                              'membership_level_change', 'document_verification', 'phone_verification')),
    state                 text        not null check (state in ('pending', 'accepted', 'rejected', 'dismissed')),
    information           jsonb       not null default '{}',
    comment               text,
    prioritized_at        timestamptz,
    location              jsonb,
    claimed_by            text,
    claimed_at            timestamptz,
    processed_by          text,
    processed_at          timestamptz,
    -- the person's version before and after this procedure took effect (for undo)
    person_version_before integer,
    person_version_after  integer,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               integer     not null
);
-- one pending procedure per type and person
create unique index procedure_one_pending on procedure (party_id, type) where state = 'pending';
create index procedure_party on procedure (party_id, created_at desc);
create index procedure_pending_review on procedure (type, prioritized_at, created_at) where state = 'pending';

-- The queue: a row per procedure waiting for automatic processing. Workers take rows with
-- "for update skip locked", so several instances never process one procedure at once; a row is deleted in the
-- transaction that processes its procedure, so a crash before that commit leaves it queued.
create table procedure_task (
    procedure_id bigint      primary key references procedure (id),
    available_at timestamptz not null,
    attempts     integer     not null default 0,
    last_error   text
);
create index procedure_task_available on procedure_task (available_at, procedure_id);

create table issue (
    id          bigserial primary key,
    type        text        not null check (type in ('duplicated_document', 'duplicated_person', 'untrusted_email',
                    'untrusted_phone', 'duplicated_verified_phone')),
    -- what makes two detections the same issue (e.g. the document), so an open issue is not raised twice
    key         text        not null,
    state       text        not null check (state in ('open', 'resolved')),
    information jsonb       not null default '{}',
    resolution  text,
    comment     text,
    resolved_by text,
    resolved_at timestamptz,
    created_at  timestamptz not null,
    version     integer     not null
);
create unique index issue_one_open on issue (type, key) where state = 'open';
create index issue_open on issue (created_at) where state = 'open';

create table issue_person (
    issue_id bigint not null references issue (id),
    party_id bigint not null references party (id),
    primary key (issue_id, party_id)
);
create index issue_person_party on issue_person (party_id);

create table issue_procedure (
    issue_id     bigint not null references issue (id),
    procedure_id bigint not null references procedure (id),
    primary key (issue_id, procedure_id)
);
create index issue_procedure_procedure on issue_procedure (procedure_id);

-- duplicate checks look people up by phone as given; "<doc>@document_id" looks documents up by value alone
create index party_phone_number on party_phone (phone_no);
create index party_identifier_value_any_type on party_identifier (value);
-- Registering looks every Census person up by external id: without a pending list (fastupdate), that look-up
-- never has to read a list of recent insertions that grows to megabytes between clean-ups.
alter index party_external_ids set (fastupdate = off);
-- Processing a procedure updates the person's states, which no index covers: room left on each page lets
-- PostgreSQL update the row in place (HOT) instead of adding entries to every index (the name trigrams above all).
alter table party set (fillfactor = 85);
-- the duplicated-person check: same birth date and normalised full name
create index party_birthdate_name on party (birthdate, search_name);

-- Procedures pile up fast from an empty table: keep the planner's statistics fresh, so look-ups by person keep to
-- the person's indexes instead of a pending-procedures index that would read the whole backlog.
alter table procedure set (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 500);

-- The queue table churns (a row in, a row out per procedure): vacuum it often, so workers looking for the next
-- task do not wade through dead rows.
alter table procedure_task set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000, autovacuum_vacuum_cost_delay = 0);
