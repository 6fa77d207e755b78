-- events module: the transactional outbox, and the change feed's order over history.

-- History (record_version) gets the order the change feed reads it in: the id of the transaction that wrote each
-- version and a sequence number. A reader asks only for versions whose transaction is older than every transaction
-- still running (pg_snapshot_xmin of its snapshot), so a version committed late is never behind its cursor.
alter table record_version
    add column txid xid8 not null default pg_current_xact_id(),
    add column id bigint generated always as identity;
create unique index record_version_feed on record_version (txid, id);

-- The outbox: one row per committed version, written by the trigger below in the version's own transaction, so
-- nothing that changes a registrant or household can skip it (every such write must append its version: see
-- V3/V4's deferred history checks). A row only points at the version; the relay derives the events from that
-- version and the one before it (both immutable), and deletes the row once the broker confirmed them.
create table event_outbox (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null default gen_random_uuid(),
    subject_type text        not null,
    subject_id   bigint      not null,
    version      integer     not null,
    created_at   timestamptz not null default now()
);

-- One statement-level trigger per insert statement (a bulk COPY included): the new versions arrive as a transition
-- table and become outbox rows in one insert, not one trigger call per row.
create function event_outbox_append() returns trigger language plpgsql as $$
begin
    insert into event_outbox (subject_type, subject_id, version)
    select subject_type, subject_id, version from new_versions order by subject_type, subject_id, version;
    return null;
end $$;

create trigger record_version_outbox after insert on record_version
    referencing new table as new_versions
    for each statement execute function event_outbox_append();
