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

/**
 * Finds the possible duplicates of a person in an index of people: the {@link CandidateQuery}'s best
 * {@link #CANDIDATES} hits (never the person themself, by the long field {@code id}), each scored by the
 * {@link MatchModel}; those at or above the threshold, best first.
 */
public final class DuplicateFinder {

    /** How many candidates are scored at most: the query ranks by shared keys, true duplicates come first. */
    public static final int CANDIDATES = 50;

    private DuplicateFinder() {
    }

    public static List<ScoredCandidate> find(IndexSearcher searcher, MatchRecord r, NameFrequencies tf,
            MatchThresholds t) {
        List<ScoredCandidate> found = new ArrayList<>();
        for (ScoredCandidate candidate : scoreCandidates(searcher, r, tf)) {
            if (candidate.score().weight() >= t.possibleDuplicate()) {
                found.add(candidate);
            }
        }
        found.sort(Comparator.comparingDouble((ScoredCandidate c) -> c.score().weight()).reversed());
        return found;
    }

    /** Every candidate the query returns, scored, in the query's order (for measuring the blocking). */
    static List<ScoredCandidate> scoreCandidates(IndexSearcher searcher, MatchRecord r, NameFrequencies tf) {
        Query query = new BooleanQuery.Builder()
                .add(CandidateQuery.of(r), Occur.SHOULD)
                .add(LongPoint.newExactQuery("id", r.id()), Occur.MUST_NOT)
                .build();
        try {
            ScoreDoc[] hits = searcher.search(query, CANDIDATES).scoreDocs;
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
}
