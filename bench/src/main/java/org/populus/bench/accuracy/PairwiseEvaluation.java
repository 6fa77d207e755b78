package org.populus.bench.accuracy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a clustering of records against the truth. A pair of records is predicted
 * to match when both fall in one predicted cluster, and truly matches when both belong to one person; a true
 * positive is a pair that is both. Counted from the cluster sizes (n records give n·(n−1)/2 pairs), never pair by
 * pair, so a cluster of thousands costs no more than a small one.
 */
public final class PairwiseEvaluation {

    /** One record: the person it truly belongs to, and the cluster it was put in. */
    public record Labelled(String truth, long predicted) {
    }

    /** The counts and the figures derived from them. */
    public record Result(long records, long truePairs, long predictedPairs, long truePositives) {

        public long falsePositives() {
            return predictedPairs - truePositives;
        }

        public long falseNegatives() {
            return truePairs - truePositives;
        }

        /** Share of the predicted pairs that are true; NaN when nothing was predicted. */
        public double precision() {
            return predictedPairs == 0 ? Double.NaN : (double) truePositives / predictedPairs;
        }

        /** Share of the true pairs that were predicted; NaN when there are none. */
        public double recall() {
            return truePairs == 0 ? Double.NaN : (double) truePositives / truePairs;
        }

        /** Harmonic mean of precision and recall; 0 when no true pair was found. */
        public double f1() {
            return truePositives == 0 ? 0 : 2 * precision() * recall() / (precision() + recall());
        }
    }

    private PairwiseEvaluation() {
    }

    public static Result evaluate(List<Labelled> records) {
        Map<String, Long> byTruth = new HashMap<>();
        Map<Long, Long> byPrediction = new HashMap<>();
        Map<Labelled, Long> byBoth = new HashMap<>();
        for (Labelled r : records) {
            byTruth.merge(r.truth(), 1L, Long::sum);
            byPrediction.merge(r.predicted(), 1L, Long::sum);
            byBoth.merge(r, 1L, Long::sum);
        }
        return new Result(records.size(), pairs(byTruth), pairs(byPrediction), pairs(byBoth));
    }

    private static long pairs(Map<?, Long> sizes) {
        long sum = 0;
        for (long n : sizes.values()) {
            sum += n * (n - 1) / 2;
        }
        return sum;
    }
}
