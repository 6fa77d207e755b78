create or replace function est(words text[]) returns float8 language sql stable as $$
  select c.reltuples * coalesce((select exp(sum(ln(coalesce((select f from unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) u(e, f) where e = w),
                                                 s.most_common_elem_freqs[array_length(s.most_common_elems::text::text[], 1) + 1]))))
                        from unnest(words) w), 1)
  from pg_class c left join pg_stats s on s.schemaname = current_schema() and s.tablename = 'party' and s.attname = 'name_prefixes'
  where c.oid = 'party'::regclass
$$;
