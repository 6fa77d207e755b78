-- Census client isolation (docs/census-api.md#client-isolation): every client application's API key belongs to one
-- origin (the calling system's name as its qualified ids write it: 8926202@decidim-1 has origin decidim-1), and a
-- client reaches only the people of its origin (external ids holding it, or a registration that came through it)
-- and those explicitly shared with it.

-- access module: the key's origin. Existing keys get the system their registrations named most often
-- (origin_qualified_id N@<system>, read from the history their key recorded as client:<name>); a key that named
-- none gets its name made an origin as new keys do (runs of other characters become '-': "Decidim BCN" ->
-- "Decidim-BCN"), else key-<id>. Admins see the origin in the key list.
alter table api_key add column origin text;
with named as (
    select substr(v.actor, 8) as key_name, e.system, count(distinct v.subject_id) as people
    from record_version v
    cross join lateral jsonb_object_keys(case when jsonb_typeof(v.snapshot -> 'externalIds') = 'object'
                                              then v.snapshot -> 'externalIds' else '{}'::jsonb end) as e(system)
    where v.subject_type = 'registrant' and v.actor like 'client:%'
    group by 1, 2
), best as (
    select distinct on (key_name) key_name, system from named
    where system ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' and system not in ('census', 'document_id')
    order by key_name, people desc, system
), slug as (
    select id, regexp_replace(regexp_replace(btrim(name), '[^A-Za-z0-9._:-]+', '-', 'g'), '^[^A-Za-z0-9]+|-+$', '',
                              'g') as origin
    from api_key
)
update api_key k set origin = coalesce(
    (select b.system from best b where b.key_name = k.name),
    (select s.origin from slug s where s.id = k.id
       and s.origin ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' and s.origin not in ('census', 'document_id')),
    'key-' || k.id);
alter table api_key alter column origin set not null;
alter table api_key add constraint api_key_origin_format
    check (origin ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' and origin not in ('census', 'document_id'));

-- procedure module: the origin a registration came through (null: made by a caller trusted with every origin).
-- Registrations made earlier through a key get that key's origin.
alter table procedure add column origin text;
update procedure p set origin = k.origin
from record_version v, api_key k
where p.type = 'registration'
  and v.subject_type = 'registrant' and v.subject_id = p.party_id
  and v.version = (select min(w.version) from record_version w
                   where w.subject_type = 'registrant' and w.subject_id = p.party_id)
  and v.actor = 'client:' || k.name
  and k.id = (select min(k2.id) from api_key k2 where k2.name = k.name);
-- Registrations made earlier by callers without a key (recorded as 'anonymous') get 'local', the default origin of
-- keyless callers (POPULUS_CENSUS_NETWORK_ORIGIN), so a keyless connector keeps reaching its people.
update procedure p set origin = 'local'
from record_version v
where p.type = 'registration' and p.origin is null
  and v.subject_type = 'registrant' and v.subject_id = p.party_id
  and v.version = (select min(w.version) from record_version w
                   where w.subject_type = 'registrant' and w.subject_id = p.party_id)
  and v.actor = 'anonymous';
create index procedure_registration_origin on procedure (party_id, origin) where type = 'registration';

-- procedure module: people shared with an origin, one by one (party_id) or every person of another origin
-- (person_origin), by an admin through the Admin API.
create table census_share (
    id            bigserial primary key,
    origin        text        not null check (origin ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$'),
    party_id      bigint      references party (id),
    person_origin text        check (person_origin ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$'),
    created_at    timestamptz not null default now(),
    created_by    text,
    check ((party_id is null) <> (person_origin is null))
);
create unique index census_share_person on census_share (origin, party_id) where party_id is not null;
create unique index census_share_origin on census_share (origin, person_origin) where person_origin is not null;
create index census_share_party on census_share (party_id) where party_id is not null;
