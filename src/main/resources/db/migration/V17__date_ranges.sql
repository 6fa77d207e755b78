-- Dates (issue 20): every date column that clients set holds a day from 1900-01-01 to 9999-12-31, checked by the
-- database itself so that no write path can skip it. The application's ranges are tighter (a birth date up to
-- today, a document's expiry up to today + 100 years: org.populus.shared.DateRanges, docs/dates.md); a check
-- constraint must be immutable, so it keeps fixed bounds that the application's ranges always lie within.
--
-- A database may already hold dates outside these bounds (the code before this migration let clients store
-- -infinity, year -4713 or year 5000000). The migration does not fail on them: the constraints are added NOT VALID
-- (every new write is checked, existing rows are not), check_date_ranges() records each such date in
-- date_out_of_range and raises a warning, and validates the constraint of every column that holds none. Once an
-- operator has fixed the rows reported (docs/dates.md), running "select check_date_ranges();" again validates the
-- remaining constraints.

create table date_out_of_range (
    table_name  text        not null,
    column_name text        not null,
    row_id      bigint      not null,
    value       text        not null,
    found_at    timestamptz not null default now(),
    primary key (table_name, column_name, row_id)
);

alter table party
    add constraint party_birthdate_range
        check (birthdate between date '1900-01-01' and date '9999-12-31') not valid,
    add constraint party_registration_date_range
        check (registration_date between date '1900-01-01' and date '9999-12-31') not valid;
alter table party_identifier
    add constraint party_identifier_expiry_date_range
        check (expiry_date between date '1900-01-01' and date '9999-12-31') not valid;
alter table party_phone
    add constraint party_phone_date_collected_range
        check (date_collected between date '1900-01-01' and date '9999-12-31') not valid,
    add constraint party_phone_disabled_range
        check (disabled between date '1900-01-01' and date '9999-12-31') not valid;
alter table programme_membership
    add constraint programme_membership_enrollment_date_range
        check (enrollment_date between date '1900-01-01' and date '9999-12-31') not valid,
    add constraint programme_membership_exit_date_range
        check (exit_date between date '1900-01-01' and date '9999-12-31') not valid;
alter table group_membership
    add constraint group_membership_start_date_range
        check (start_date between date '1900-01-01' and date '9999-12-31') not valid,
    add constraint group_membership_ended_date_range
        check (ended_date between date '1900-01-01' and date '9999-12-31') not valid;

-- Reports every date outside the bounds into date_out_of_range (and forgets the ones fixed since), raises a warning
-- per column holding any, and validates the range constraint of every column holding none. Returns how many dates
-- are outside. Safe to run at any time: validating takes a lock that lets reads and writes go on.
create function check_date_ranges() returns integer language plpgsql as $$
declare
    c       record;
    outside integer;
    total   integer := 0;
begin
    for c in select t.table_name, t.column_name, t.table_name || '_' || t.column_name || '_range' as constraint_name
             from (values ('party', 'birthdate'), ('party', 'registration_date'),
                          ('party_identifier', 'expiry_date'), ('party_phone', 'date_collected'),
                          ('party_phone', 'disabled'), ('programme_membership', 'enrollment_date'),
                          ('programme_membership', 'exit_date'), ('group_membership', 'start_date'),
                          ('group_membership', 'ended_date')) as t (table_name, column_name)
    loop
        execute format('delete from date_out_of_range r where r.table_name = %L and r.column_name = %L
                          and not exists (select 1 from %I x where x.id = r.row_id
                                          and not (x.%I between date %L and date %L))',
                       c.table_name, c.column_name, c.table_name, c.column_name, '1900-01-01', '9999-12-31');
        execute format('insert into date_out_of_range (table_name, column_name, row_id, value)
                        select %L, %L, x.id, x.%I::text from %I x
                        where not (x.%I between date %L and date %L)
                        on conflict (table_name, column_name, row_id) do update set value = excluded.value',
                       c.table_name, c.column_name, c.column_name, c.table_name, c.column_name,
                       '1900-01-01', '9999-12-31');
        get diagnostics outside = row_count;
        total := total + outside;
        if outside > 0 then
            raise warning '% row(s) of %.% hold a date outside 1900-01-01..9999-12-31, listed in date_out_of_range; % stays NOT VALID until they are fixed (docs/dates.md)',
                          outside, c.table_name, c.column_name, c.constraint_name;
        elsif exists (select 1 from pg_constraint
                      where conname = c.constraint_name and conrelid = c.table_name::regclass and not convalidated)
        then
            execute format('alter table %I validate constraint %I', c.table_name, c.constraint_name);
        end if;
    end loop;
    return total;
end $$;

select check_date_ranges();
