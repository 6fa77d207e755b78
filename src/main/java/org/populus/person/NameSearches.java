package org.populus.person;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The two name searches over registrants: the OpenG2P substring filter and the registrars' word search. The
 * search index ({@link NameIndex}) finds the ids; the people are read from the registry, and each is checked
 * against the search once more, so an index a moment behind a change never shows someone who no longer matches.
 * Without an index able to answer, PostgreSQL answers (the same answers, slower).
 */
@Service
public class NameSearches {

    private final RegistrantRepository repository;
    private final Registrants registrants;
    private final ObjectProvider<NameIndex> index;

    NameSearches(RegistrantRepository repository, Registrants registrants, ObjectProvider<NameIndex> index) {
        this.repository = repository;
        this.registrants = registrants;
        this.index = index;
    }

    /**
     * A page of matches in id order: those after {@code afterId} (keyset paging for streaming), skipping
     * {@code offset}. The name is a case- and accent-insensitive substring of the registrant's name.
     */
    public List<Registrant> search(RegistrantQuery query, long afterId, long offset, int limit) {
        NameIndex names = index.getIfAvailable();
        Optional<List<Long>> ids = query.name() == null || names == null ? Optional.empty()
                : names.containing(query, afterId, offset, limit);
        if (ids.isEmpty()) {
            return repository.search(query, afterId, offset, limit);
        }
        return registrants.findAll(ids.get()).stream().filter(query::matches).toList();
    }

    /**
     * The registrars' name search: the people whose name has a word starting with each word of the search
     * ({@code jose garc} finds "José García López"), counted up to {@link PeopleSearch#MAX_TOTAL}, the best
     * matches first (more words matched whole, then id); when none match, the names closest to the words instead
     * (typos), flagged fuzzy. See {@link PeopleSearch}.
     */
    public PeopleSearch.Result find(PeopleSearch search, long offset, int limit) {
        NameIndex names = index.getIfAvailable();
        Optional<NameIndex.Hits> hits = names == null ? Optional.empty() : names.startingWords(search, offset, limit);
        if (hits.isEmpty()) {
            return repository.search(search, offset, limit);
        }
        NameIndex.Hits h = hits.get();
        Map<Long, Registrant> byId = registrants.findAll(h.ids()).stream()
                .filter(r -> h.fuzzy() ? search.admits(r) : search.matches(r))
                .collect(Collectors.toMap(Registrant::id, Function.identity()));
        return new PeopleSearch.Result(h.ids().stream().map(byId::get).filter(Objects::nonNull).toList(), h.total(),
                h.totalCapped(), h.fuzzy());
    }
}
