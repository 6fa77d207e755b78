package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The accuracy targets on the full FEBRL files, with the model and threshold fitted on FEBRL 4a+4b
 * (docs/matching.md). Run only when asked: {@code -Dfebrl.dir=<directory of dataset3.csv, dataset4a.csv,
 * dataset4b.csv>}.
 */
@EnabledIfSystemProperty(named = "febrl.dir", matches = ".+")
class FebrlAccuracyEvaluation {

    private static final Path DIR = Path.of(System.getProperty("febrl.dir", "."));
    private static final double THRESHOLD = MatchThresholds.DEFAULT.possibleDuplicate();

    @Test
    void febrl3AsShippedReachesF1Of0996() {
        PairwiseAccuracy accuracy = evaluate("FEBRL 3 as shipped", true);
        assertThat(accuracy.f1()).isGreaterThanOrEqualTo(0.996);
    }

    @Test
    void febrl3WithoutIdentityNumbersReachesF1Of095AtPrecision099() {
        PairwiseAccuracy accuracy = evaluate("FEBRL 3 without soc_sec_id", false);
        assertThat(accuracy.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(accuracy.f1()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void candidatesAndTimePerRecordAtTenThousandRecords() throws IOException {
        List<FebrlData.Row> rows = FebrlData.read(true, DIR.resolve("dataset4a.csv"), DIR.resolve("dataset4b.csv"));
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (FebrlData.Row row : rows) {
                writer.addDocument(OneAtATimeMatching.document(row.record()));
            }
            writer.forceMerge(1);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                NameFrequencies tf = new IndexNameFrequencies(reader);
                for (int i = 0; i < 500; i++) { // warm-up
                    DuplicateFinder.scoreCandidates(searcher, rows.get(i).record(), tf);
                }
                int[] candidates = new int[rows.size()];
                long[] nanos = new long[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    long start = System.nanoTime();
                    candidates[i] = DuplicateFinder.scoreCandidates(searcher, rows.get(i).record(), tf).size();
                    nanos[i] = System.nanoTime() - start;
                }
                double mean = Arrays.stream(candidates).average().orElse(0);
                Arrays.sort(candidates);
                Arrays.sort(nanos);
                double p95Ms = nanos[(int) (nanos.length * 0.95)] / 1e6;
                System.out.printf(Locale.ROOT, "at %d records: candidates per record mean %.1f, p95 %d; "
                        + "query + scoring per record p95 %.2f ms, p50 %.2f ms (java %s)%n", rows.size(), mean,
                        candidates[(int) (candidates.length * 0.95)], p95Ms, nanos[nanos.length / 2] / 1e6,
                        System.getProperty("java.version"));
                assertThat(candidates[candidates.length - 1]).isLessThanOrEqualTo(DuplicateFinder.CANDIDATES);
            }
        }
    }

    private static PairwiseAccuracy evaluate(String name, boolean withDocuments) {
        List<FebrlData.Row> rows = FebrlData.read(withDocuments, DIR.resolve("dataset3.csv"));
        OneAtATimeMatching run = OneAtATimeMatching.run(rows);
        for (double t = THRESHOLD - 6; t <= THRESHOLD + 6; t += 2) {
            System.out.printf(Locale.ROOT, "%s, threshold %.1f: %s%n", name, t,
                    PairwiseAccuracy.of(run.clusters(t), rows));
        }
        PairwiseAccuracy accuracy = PairwiseAccuracy.of(run.clusters(THRESHOLD), rows);
        System.out.printf(Locale.ROOT, "%s at the default threshold %.1f: %s%n", name, THRESHOLD, accuracy);
        return accuracy;
    }
}
