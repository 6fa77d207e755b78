\set id random(1, 1000000)
select quote_literal(quote_literal('xoan') || ' & ' || quote_literal(left(split_part(search_name, ' ', 2), 4) || 'zq')) as q, quote_literal('xoan ' || left(split_part(search_name, ' ', 2), 4) || 'zq') as t from party where id = :id \gset
select count(*) from (select p.id from party p where p.name_prefixes @@ :q::tsquery and not p.is_group and p.discarded_at is null limit 1001) s;
select p.id, word_similarity(:t, p.search_name) from party p where :t <% p.search_name and not p.is_group and p.discarded_at is null limit 1001;
