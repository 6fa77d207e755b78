-- catalog module: the registry's reference lists. Entries must exist before a registrant may use them.
create extension if not exists pg_trgm;

create table id_type (
    id               bigserial primary key,
    name             text    not null unique,
    validation_regex text,
    -- when true, one value of this type may belong to one registrant only (duplicates are refused at the door)
    unique_values    boolean not null default true,
    version          integer not null default 0
);

create table gender (
    id      bigserial primary key,
    code    text    not null,
    value   text    not null,
    active  boolean not null default true,
    version integer not null default 0
);
create unique index gender_code_ci on gender (lower(code));

create table group_kind (
    id      bigserial primary key,
    name    text    not null unique,
    version integer not null default 0
);

create table member_kind (
    id        bigserial primary key,
    name      text    not null unique,
    is_unique boolean not null default false,
    version   integer not null default 0
);

create table programme (
    id          bigserial primary key,
    name        text    not null,
    target_type text    not null check (target_type in ('individual', 'group')),
    description text,
    active      boolean not null default true,
    version     integer not null default 0,
    unique (name, target_type)
);

insert into gender (code, value) values ('female', 'Female'), ('male', 'Male'), ('other', 'Other'), ('undisclosed', 'Undisclosed');
insert into group_kind (name) values ('Household'), ('Family');
insert into member_kind (name, is_unique) values ('Head', true);
insert into id_type (name) values ('National ID'), ('Passport'), ('dni'), ('nie'), ('passport');
