package org.populus.person;

import java.util.List;
import java.util.Optional;

/**
 * Where name searches are answered fast: a search index derived from the registry (the {@code search} module
 * provides it). Its answers are ids; the people themselves are read from PostgreSQL, the source of truth. When no
 * index is there, or it cannot answer yet (being rebuilt), the searches run in PostgreSQL instead: the same answers,
 * slower.
 */
public interface NameIndex {

    /**
     * The ids of a page of registrants whose normalised name holds the query's name as a substring, of the query's
     * kind (and id, when given), in id order after {@code afterId}, skipping {@code offset}; empty when the index
     * cannot answer now.
     */
    Optional<List<Long>> containing(RegistrantQuery query, long afterId, long offset, int limit);

    /**
     * The registrars' search (see {@link PeopleSearch}): the best matches first (more words matched whole, then id);
     * when no name has every word, the names closest to the words, flagged fuzzy. Empty when the index cannot
     * answer now.
     */
    Optional<Hits> startingWords(PeopleSearch search, long offset, int limit);

    /** A page of ids found, with the count of all matches (up to {@link PeopleSearch#MAX_TOTAL}). */
    record Hits(List<Long> ids, int total, boolean totalCapped, boolean fuzzy) {

        public Hits {
            ids = List.copyOf(ids);
        }
    }
}
