package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The time of one person's matching against a real search index (for instance the bench's million people, its app
 * stopped): people drawn at random from the index are matched one after the other, on one thread, as the queue
 * does. Run only when asked: {@code -Dsearch.index.dir=<POPULUS_DATA_DIR/search>}; prints the percentiles.
 */
@EnabledIfSystemProperty(named = "search.index.dir", matches = ".+")
class MatchingCostEvaluation {

    private static final Path DIR = Path.of(System.getProperty("search.index.dir", "."));
    private static final int WARM_UP = 3000;
    private static final int MEASURED = 3000;
    private static final int EXAMPLES = 8;

    @Test
    void matchingOnePersonAgainstTheIndex() throws IOException {
        try (FSDirectory directory = FSDirectory.open(DIR); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            List<MatchRecord> people = sample(reader, WARM_UP + MEASURED, new Random(42));
            long[] nanos = new long[MEASURED];
            int[] found = new int[MEASURED];
            int examples = 0;
            for (int i = 0; i < people.size(); i++) {
                long started = System.nanoTime();
                List<ScoredCandidate> possible = DuplicateFinder.find(searcher, people.get(i),
                        new IndexNameFrequencies(reader), MatchThresholds.DEFAULT);
                int n = possible.size();
                if (n > 0 && examples++ < EXAMPLES) {
                    System.out.println(people.get(i) + "\n  ~ " + possible.get(0));
                }
                if (i >= WARM_UP) {
                    nanos[i - WARM_UP] = System.nanoTime() - started;
                    found[i - WARM_UP] = n;
                }
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%d people in the index, %d matched: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms,"
                    + " mean %.2f ms; %d with a possible duplicate (java %s)%n", reader.numDocs(), MEASURED,
                    nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 95 / 100] / 1e6, nanos[MEASURED * 99 / 100] / 1e6,
                    Arrays.stream(nanos).average().orElse(0) / 1e6, Arrays.stream(found).filter(n -> n > 0).count(),
                    System.getProperty("java.version"));
            assertThat(nanos[0]).isPositive();
        }
    }

    /** Live individuals of the index (those with matching fields), as the model reads them. */
    private static List<MatchRecord> sample(DirectoryReader reader, int size, Random random) throws IOException {
        StoredFields stored = reader.storedFields();
        List<MatchRecord> people = new ArrayList<>(size);
        while (people.size() < size) {
            int doc = random.nextInt(reader.maxDoc());
            Document d = stored.document(doc);
            if (d.get("m_raw_given") != null || d.get("m_raw_family") != null) {
                people.add(MatchFields.read(d, d.getField("id").numericValue().longValue()));
            }
        }
        return people;
    }
}
