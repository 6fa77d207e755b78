package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Estimates the model's m and u on the training set, FEBRL 4a and 4b as one set of 10,000 records, and prints
 * them as the table of {@link MatchWeights}: m over the true pairs (records of one person), u over random pairs
 * of different people, one added to every count. Then runs the one-at-a-time procedure on the training set and
 * prints the F1 at each threshold, to choose {@link MatchThresholds#DEFAULT}. Run with
 * {@code -Dfebrl.dir=<the FEBRL files>}.
 */
@EnabledIfSystemProperty(named = "febrl.dir", matches = ".+")
class FebrlTraining {

    private static final int RANDOM_PAIRS = 1_000_000;

    @Test
    void estimatesMAndUAndTheThreshold() {
        Path dir = Path.of(System.getProperty("febrl.dir"));
        List<FebrlData.Row> rows = FebrlData.read(true, dir.resolve("dataset4a.csv"), dir.resolve("dataset4b.csv"));
        Map<String, List<Integer>> byPerson = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byPerson.computeIfAbsent(rows.get(i).person(), p -> new java.util.ArrayList<>()).add(i);
        }
        Map<String, Map<String, Integer>> m = new TreeMap<>();
        int truePairs = 0;
        for (List<Integer> records : byPerson.values()) {
            for (int i = 0; i < records.size(); i++) {
                for (int j = i + 1; j < records.size(); j++) {
                    count(m, rows.get(records.get(i)).record(), rows.get(records.get(j)).record());
                    truePairs++;
                }
            }
        }
        Map<String, Map<String, Integer>> u = new TreeMap<>();
        Random random = new Random(21);
        int randomPairs = 0;
        while (randomPairs < RANDOM_PAIRS) {
            FebrlData.Row a = rows.get(random.nextInt(rows.size()));
            FebrlData.Row b = rows.get(random.nextInt(rows.size()));
            if (!a.person().equals(b.person())) {
                count(u, a.record(), b.record());
                randomPairs++;
            }
        }
        System.out.println("true pairs " + truePairs + ", random pairs " + randomPairs);
        for (String field : m.keySet()) {
            Map<String, Integer> mf = m.get(field);
            Map<String, Integer> uf = u.getOrDefault(field, Map.of());
            java.util.Set<String> levels = new java.util.TreeSet<>(mf.keySet());
            levels.addAll(uf.keySet());
            levels.remove(FieldComparators.MISSING);
            int mTotal = levels.stream().mapToInt(l -> mf.getOrDefault(l, 0) + 1).sum();
            int uTotal = levels.stream().mapToInt(l -> uf.getOrDefault(l, 0) + 1).sum();
            for (String level : levels) {
                double mp = (mf.getOrDefault(level, 0) + 1) / (double) mTotal;
                double up = (uf.getOrDefault(level, 0) + 1) / (double) uTotal;
                System.out.printf(java.util.Locale.ROOT, "%-12s %-18s m %.6g u %.6g weight %+.2f  (counts %d / %d)%n",
                        field, level, mp, up, Math.log(mp / up) / Math.log(2), mf.getOrDefault(level, 0),
                        uf.getOrDefault(level, 0));
            }
        }
        OneAtATimeMatching run = OneAtATimeMatching.run(rows);
        for (double t = 0; t <= 30; t += 1) {
            System.out.printf(java.util.Locale.ROOT, "training threshold %5.1f: %s%n", t,
                    PairwiseAccuracy.of(run.clusters(t), rows));
        }
        assertThat(PairwiseAccuracy.of(run.clusters(MatchThresholds.DEFAULT.possibleDuplicate()), rows).f1())
                .isGreaterThanOrEqualTo(0.99);
    }

    private static void count(Map<String, Map<String, Integer>> counts, MatchRecord a, MatchRecord b) {
        for (Comparison c : FieldComparators.compare(a, b)) {
            counts.computeIfAbsent(c.field(), f -> new TreeMap<>()).merge(c.level(), 1, Integer::sum);
        }
    }
}
