package org.populus.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Name frequencies read from the index that holds the {@link MatchFields}: the share of documents whose
 * {@code m_given} or {@code m_family} key is the name (Lucene's docFreq over numDocs). Below
 * {@link #MIN_PEOPLE} people the shares say more about chance than about the population, so none are given.
 * Each name is looked up once per instance: make one per search (not thread-safe), so that its candidates share the
 * look-ups.
 */
public final class IndexNameFrequencies implements NameFrequencies {

    /** The fewest people in the index for their name shares to be used. */
    public static final int MIN_PEOPLE = 1000;

    private final IndexReader reader;
    private final Map<Term, Double> shares = new HashMap<>();
    private long people = -1;

    public IndexNameFrequencies(IndexReader reader) {
        this.reader = reader;
    }

    @Override
    public double share(String field, String value) {
        String luceneField = switch (field) {
            case "given_name" -> MatchFields.GIVEN;
            case "family_name" -> MatchFields.FAMILY;
            default -> null;
        };
        long people = people();
        if (luceneField == null || value == null || value.isEmpty() || people < MIN_PEOPLE) {
            return 0;
        }
        return shares.computeIfAbsent(new Term(luceneField, value), name -> docFreq(name) / (double) people);
    }

    private long people() {
        if (people < 0) {
            people = MatchFields.people(reader);
        }
        return people;
    }

    private int docFreq(Term name) {
        try {
            return reader.docFreq(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
