-- access module: API keys of the Census API's client applications (one per application, managed by admins).
-- The secret is never stored: only its SHA-256 (hex) and its first characters, to tell keys apart.
create table api_key (
    id           bigserial primary key,
    name         text        not null check (btrim(name) <> ''),
    key_hash     text        not null unique,
    prefix       text        not null,
    created_at   timestamptz not null default now(),
    created_by   text,
    revoked_at   timestamptz,
    revoked_by   text,
    -- when the key was last accepted, to the minute (written at most once a minute per key and instance)
    last_used_at timestamptz,
    version      integer     not null default 0,
    check (revoked_by is null or revoked_at is not null)
);
-- a name is unique among the keys in use (case-insensitively); a revoked key's name may be given again
create unique index api_key_active_name on api_key (lower(name)) where revoked_at is null;
