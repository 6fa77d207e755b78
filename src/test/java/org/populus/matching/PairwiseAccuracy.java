package org.populus.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision and recall of a clustering: every pair of records inside one predicted cluster is a
 * predicted pair, every pair of records of one person a true pair.
 */
record PairwiseAccuracy(long predicted, long truePairs, long correct) {

    static PairwiseAccuracy of(int[] clusterOf, List<FebrlData.Row> rows) {
        Map<Integer, Integer> clusterSizes = new HashMap<>();
        Map<String, Integer> personSizes = new HashMap<>();
        Map<String, Integer> bothSizes = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            clusterSizes.merge(clusterOf[i], 1, Integer::sum);
            personSizes.merge(rows.get(i).person(), 1, Integer::sum);
            bothSizes.merge(clusterOf[i] + "/" + rows.get(i).person(), 1, Integer::sum);
        }
        return new PairwiseAccuracy(pairs(clusterSizes.values()), pairs(personSizes.values()),
                pairs(bothSizes.values()));
    }

    private static long pairs(Iterable<Integer> sizes) {
        long pairs = 0;
        for (int size : sizes) {
            pairs += (long) size * (size - 1) / 2;
        }
        return pairs;
    }

    double precision() {
        return predicted == 0 ? 1 : (double) correct / predicted;
    }

    double recall() {
        return truePairs == 0 ? 1 : (double) correct / truePairs;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "precision %.4f recall %.4f F1 %.4f (predicted %d, true %d, correct %d)",
                precision(), recall(), f1(), predicted, truePairs, correct);
    }
}
