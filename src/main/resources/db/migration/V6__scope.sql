-- scope module: territorial scopes (countries, regions, provinces, municipalities, …) for the Census API.
-- The default set (ES, XX and every ISO 3166-1 country) is inserted by the Java migration 6.1
-- (org.populus.scope.ScopeDefaultsMigration); full hierarchies are loaded from TSV/CSV files.
create table scope_type (
    id     bigserial primary key,
    code   text  not null unique,
    -- locale → text, e.g. {"es": "Provincia", "en": "Province"}
    name   jsonb not null default '{}',
    plural jsonb not null default '{}'
);

create table scope (
    id             bigserial primary key,
    code           text    not null unique,
    -- locale → text
    name           jsonb   not null default '{}',
    scope_type_id  bigint  not null references scope_type (id),
    parent_id      bigint references scope (id),
    -- the scope's own id followed by its ancestors' ids, root last (as the original Census):
    -- ES-CL-LE-001 → {id(ES-CL-LE-001), id(ES-CL-LE), id(ES-CL), id(ES)}. Derived from parent_id on every load.
    part_of        bigint[] not null default '{}',
    -- number of scopes whose parent this is. Derived on every load.
    children_count integer not null default 0,
    -- code in other encodings, e.g. {"INE-PROV": "24", "ISO-3166-2": "ES-LE"}
    mappings       jsonb   not null default '{}',
    metadata       jsonb   not null default '{}',
    version        integer not null default 0,
    check (parent_id is null or parent_id <> id)
);
create index scope_parent on scope (parent_id);
-- descendants of a scope: part_of @> array[id]
create index scope_part_of on scope using gin (part_of);
-- reverse lookups such as "the scope whose INE-MUNI is 24089": mappings @> '{"INE-MUNI": "24089"}'
create index scope_mappings on scope using gin (mappings jsonb_path_ops);

insert into scope_type (code, name, plural) values
    ('zone', '{"es": "Zona", "ca": "Zona", "eu": "Eremua", "en": "Zone", "gl": "Zona"}',
             '{"es": "Zonas", "ca": "Zones", "eu": "Eremuak", "en": "Zones", "gl": "Zonas"}'),
    ('country', '{"es": "País", "ca": "País", "eu": "Herrialdea", "en": "Country", "gl": "País"}',
                '{"es": "Países", "ca": "Països", "eu": "Herrialdeak", "en": "Countries", "gl": "Países"}'),
    ('autonomous community',
     '{"es": "Comunidad autónoma", "ca": "Comunitat autònoma", "eu": "Autonomia erkidegoa", "en": "Autonomous community", "gl": "Comunidade autónoma"}',
     '{"es": "Comunidades autónomas", "ca": "Comunitats autònomes", "eu": "Autonomia erkidegoak", "en": "Autonomous communities", "gl": "Comunidades autónomas"}'),
    ('autonomous city',
     '{"es": "Ciudad autónoma", "ca": "Ciutat autònoma", "eu": "Hiri autonomoa", "en": "Autonomous city", "gl": "Cidade autónoma"}',
     '{"es": "Ciudades autónomas", "ca": "Ciutats autònomes", "eu": "Hiri autonomoak", "en": "Autonomous cities", "gl": "Cidades autónomas"}'),
    ('province', '{"es": "Provincia", "ca": "Província", "eu": "Probintzia", "en": "Province", "gl": "Provincia"}',
                 '{"es": "Provincias", "ca": "Províncies", "eu": "Probintziak", "en": "Provinces", "gl": "Provincias"}'),
    ('island', '{"es": "Isla", "ca": "Illa", "eu": "Uhartea", "en": "Island", "gl": "Illa"}',
               '{"es": "Islas", "ca": "Illes", "eu": "Uharteak", "en": "Islands", "gl": "Illas"}'),
    ('region', '{"es": "Región", "ca": "Regió", "eu": "Eskualdea", "en": "Region", "gl": "Rexión"}',
               '{"es": "Regiones", "ca": "Regions", "eu": "Eskualdeak", "en": "Regions", "gl": "Rexións"}'),
    ('municipality', '{"es": "Municipio", "ca": "Municipi", "eu": "Udalerria", "en": "Municipality", "gl": "Concello"}',
                     '{"es": "Municipios", "ca": "Municipis", "eu": "Udalerriak", "en": "Municipalities", "gl": "Concellos"}'),
    ('district', '{"es": "Distrito", "ca": "Districte", "eu": "Barrutia", "en": "District", "gl": "Distrito"}',
                 '{"es": "Distritos", "ca": "Districtes", "eu": "Barrutiak", "en": "Districts", "gl": "Distritos"}');
