-- verification module: document-verification files (encrypted) and SMS phone-verification codes (hashed).

-- One row per file of a document verification. procedure_id names the procedure in another module's table
-- (no foreign key: that table is not ours). The content is AES-256-GCM ciphertext with its tag appended,
-- bound to (procedure_id, filename) as associated data; sha256 is of the plaintext.
create table attachment (
    id           bigserial   primary key,
    procedure_id bigint      not null,
    filename     text        not null,
    content_type text        not null,
    size         bigint      not null,
    sha256       bytea       not null,
    key_id       text        not null,
    nonce        bytea       not null,
    ciphertext   bytea       not null,
    created_at   timestamptz not null
);
create index attachment_procedure on attachment (procedure_id);
-- ciphertext does not compress: store it out of line without trying
alter table attachment alter column ciphertext set storage external;

-- The live SMS code of a person: only an HMAC of (person, phone, code) is kept. One row per person at most
-- (a new code replaces the previous one).
create table phone_code (
    id              bigserial   primary key,
    party_id        bigint      not null references party (id),
    phone           text        not null,
    code_hash       bytea       not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    failed_attempts integer     not null default 0,
    used_at         timestamptz
);
create index phone_code_party on phone_code (party_id);

-- SMS handed to the gateway, for the per-person rate limit; rows older than the window are pruned.
create table sms_sent (
    party_id bigint      not null references party (id),
    phone    text        not null,
    sent_at  timestamptz not null
);
create index sms_sent_party on sms_sent (party_id, sent_at);
