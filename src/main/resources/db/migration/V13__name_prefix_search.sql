-- Word-prefix name search (registrars' search; a candidate pre-filter for the OpenG2P substring filter).
-- Everything is derived in the database from search_name (the normalised name: lower case, no accents, single
-- spaces), so every way of writing party (the application, a bulk COPY) keeps it right.

-- The words of a normalised name are its space-separated words and, when a word holds punctuation
-- ("garcia-lopez", "o'brien"), the runs of letters and digits inside it too. This gives every prefix of 2 to 30
-- characters of every word, as tsvector lexemes taken as they are (no dictionary, no stemming): "garcia" gives ga,
-- gar, garc, garci, garcia. A query word is then one exact lexeme lookup in the GIN index, however common it is.
create function party_name_prefixes(search_name text) returns tsvector
    language plpgsql immutable strict parallel safe
as $$
declare
    words text[] := string_to_array(search_name, ' ') || regexp_split_to_array(search_name, '[^[:alnum:]]+');
    w text;
    lexemes text[] := '{}';
begin
    foreach w in array words loop
        for n in 2 .. least(length(w), 30) loop
            lexemes := lexemes || left(w, n);
        end loop;
    end loop;
    return array_to_tsvector(lexemes);
end $$;

-- Whether a word of the name (as above) starts with this prefix: for the query words the lexemes do not hold
-- exactly (one letter, or longer than 30), checked on the candidates the index gives.
create function party_name_has_word_prefix(search_name text, prefix text) returns boolean
    language sql immutable strict parallel safe
as $$
    select exists (select 1 from unnest(string_to_array(search_name, ' ')
                                        || regexp_split_to_array(search_name, '[^[:alnum:]]+')) as w
                   where starts_with(w, prefix))
$$;

-- Stored, not an expression index: a filter or an index recheck then reads the lexemes instead of computing them
-- again (about 20 µs a name), so walking the primary key in id order stays cheap for a common name. An update that
-- keeps the name (every state change) writes the same value, so it stays a HOT update.
alter table party add column name_prefixes tsvector generated always as (party_name_prefixes(search_name)) stored;
create index party_name_prefixes on party using gin (name_prefixes) with (fastupdate = off);

-- Enough statistics for the planner to tell a common word (garcia, maria) from a rare one: 10,000 most common
-- lexemes, and a histogram of names fine enough to estimate substrings.
alter table party alter column name_prefixes set statistics 1000;
alter table party alter column search_name set statistics 1000;
