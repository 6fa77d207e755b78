set maintenance_work_mem = '256MB';
insert into party (is_group, name, search_name, given_name, family_name, second_family_name, gender, birthdate,
  email, address, postal_code, registration_date, state, verification, membership_level, phone_verification,
  created_at, updated_at, version)
select false, nm, lower(translate(nm, 'ÁÉÍÓÚáéíóúÀÈÌÒÙàèìòùÄËÏÖÜäëïöüÂÊÎÔÛâêîôûÑñÇçÃÕãõŞşŚśŹźŻżĆćŃń',
                                       'AEIOUaeiouAEIOUaeiouAEIOUaeiouAEIOUaeiouNnCcAOaoSsSsZzZzCcNn')),
  gname, f1, f2, case when g % 2 = 0 then 'female' else 'male' end, date '1940-01-01' + (g % 25000),
  'person' || g || '@example.org', 'Calle Mayor ' || (g % 200) || ', ' || (g % 7) || 'º', lpad((g % 52000)::text, 5, '0'),
  current_date, 'enabled', 'not_verified', 'follower', 'not_verified', now(), now(), 1
from (
  select g, gn.n, f1.n as f1, case when s then f2.n end as f2,
         gn.n || ' ' || f1.n || case when s then ' ' || f2.n else '' end as nm
  from (select g, random() < 0.6 as s,
               floor(5 * ((145 + 5) / 5.0) ^ random() - 5)::int + 1 as gi,
               floor(5 * ((234 + 5) / 5.0) ^ random() - 5)::int + 1 as fi1,
               floor(5 * ((234 + 5) / 5.0) ^ random() - 5)::int + 1 as fi2
        from generate_series(1, 1000000) g) r
  join given_names gn on gn.i = r.gi join family_names f1 on f1.i = r.fi1 join family_names f2 on f2.i = r.fi2
) x(g, gname, f1, f2, nm);
