-- Name search moved to the search index (Lucene, org.populus.search), derived from the registry. The PostgreSQL
-- indexes that served only name search leave the write path: the word-prefix column with its GIN index, and the
-- trigram index. While the search index is rebuilt, searches read the table in id order (slower, same answers);
-- party_name_has_word_prefix stays for that.
alter table party drop column name_prefixes;
drop function party_name_prefixes(text);
drop index party_search_name_trgm;
alter table party alter column search_name set statistics -1;
