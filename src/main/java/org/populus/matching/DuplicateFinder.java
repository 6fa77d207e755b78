package org.populus.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Finds the possible duplicates of a person in an index of people: the {@link CandidateQuery}'s best
 * {@link #CANDIDATES} hits (never the person themself, by the long field {@code id}), each scored by the
 * {@link MatchModel}; those at or above the threshold ({@link MatchThresholds#among}), best first.
 */
public final class DuplicateFinder {

    /** How many candidates are scored at most: the query ranks by shared keys, true duplicates come first. */
    public static final int CANDIDATES = 20;

    private DuplicateFinder() {
    }

    /** The candidates at or above the threshold for a registry of the index's size, best first. */
    public static List<ScoredCandidate> find(IndexSearcher searcher, MatchRecord r, NameFrequencies tf,
            MatchThresholds t) {
        double threshold = t.among(MatchFields.people(searcher.getIndexReader()));
        List<ScoredCandidate> found = new ArrayList<>();
        for (ScoredCandidate candidate : scoreCandidates(searcher, r, tf)) {
            if (candidate.score().weight() >= threshold) {
                found.add(candidate);
            }
        }
        found.sort(Comparator.comparingDouble((ScoredCandidate c) -> c.score().weight()).reversed());
        return found;
    }

    /**
     * Every candidate the queries return, scored, in the query's order (for measuring the blocking): the first
     * pass's ({@link CandidateQuery#exact}), or, when it finds fewer than {@link #CANDIDATES}, the full query's.
     */
    static List<ScoredCandidate> scoreCandidates(IndexSearcher searcher, MatchRecord r, NameFrequencies tf) {
        try {
            ScoreDoc[] hits = top(searcher, CandidateQuery.exact(r), r.id());
            if (hits.length < CANDIDATES) {
                hits = top(searcher, CandidateQuery.of(r), r.id());
            }
            StoredFields stored = searcher.storedFields();
            List<ScoredCandidate> scored = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                Document doc = stored.document(hit.doc);
                long id = doc.getField("id").numericValue().longValue();
                MatchRecord candidate = MatchFields.read(doc, id);
                scored.add(new ScoredCandidate(id, MatchModel.score(r, candidate, tf)));
            }
            return scored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The best {@link #CANDIDATES} hits of {@code keys}, never the person themself; counting stops there, so that
     * the search may skip the people who cannot make the top (keys shared by many weigh little).
     */
    private static ScoreDoc[] top(IndexSearcher searcher, Query keys, long self) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(keys, Occur.SHOULD)
                .add(LongPoint.newExactQuery("id", self), Occur.MUST_NOT)
                .build();
        return searcher.search(query, new TopScoreDocCollectorManager(CANDIDATES, null, CANDIDATES)).scoreDocs;
    }
}
