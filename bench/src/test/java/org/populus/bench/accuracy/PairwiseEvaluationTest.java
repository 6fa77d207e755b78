package org.populus.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-made example: six records of three people, A (r1, r2, r3), B (r4, r5) and C (r6), each record its own
 * registry person p1..p6; matching linked p1–p2 (right) and p4–p6 (wrong).
 *
 * <pre>
 * predicted clusters {r1,r2} {r3} {r4,r6} {r5}
 * true pairs       A: 3 (r1r2, r1r3, r2r3) + B: 1 (r4r5) + C: 0        = 4
 * predicted pairs  r1r2, r4r6                                          = 2
 * true positives   r1r2                                                = 1
 * precision 1/2, recall 1/4, F1 = 2·(1/2)(1/4)/(1/2 + 1/4) = 1/3; false positives 1, false negatives 3
 * </pre>
 */
class PairwiseEvaluationTest {

    private static PairwiseEvaluation.Result example() {
        PersonClusters clusters = new PersonClusters();
        clusters.join(1, 2);
        clusters.join(4, 6);
        String[] truth = {"A", "A", "A", "B", "B", "C"};
        List<PairwiseEvaluation.Labelled> records = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            records.add(new PairwiseEvaluation.Labelled(truth[i], clusters.find(i + 1)));
        }
        return PairwiseEvaluation.evaluate(records);
    }

    @Test
    void countsTruePredictedAndCorrectPairsOfTheHandMadeExample() {
        PairwiseEvaluation.Result r = example();
        assertEquals(6, r.records());
        assertEquals(4, r.truePairs());
        assertEquals(2, r.predictedPairs());
        assertEquals(1, r.truePositives());
        assertEquals(1, r.falsePositives());
        assertEquals(3, r.falseNegatives());
    }

    @Test
    void precisionRecallAndF1OfTheHandMadeExample() {
        PairwiseEvaluation.Result r = example();
        assertEquals(0.5, r.precision(), 1e-12);
        assertEquals(0.25, r.recall(), 1e-12);
        assertEquals(1.0 / 3, r.f1(), 1e-12);
    }

    @Test
    void linksJoinPeopleTransitively() {
        PersonClusters clusters = new PersonClusters();
        clusters.join(7, 3);
        clusters.join(3, 9);
        clusters.join(20, 21);
        assertEquals(clusters.find(7), clusters.find(9));
        assertEquals(clusters.find(20), clusters.find(21));
        org.junit.jupiter.api.Assertions.assertNotEquals(clusters.find(7), clusters.find(20));
    }

    @Test
    void recordsGivenTheSamePersonAreOneClusterWithoutAnyLink() {
        // two records the registry refused as one person (document already registered) map to one person id
        PersonClusters clusters = new PersonClusters();
        PairwiseEvaluation.Result r = PairwiseEvaluation.evaluate(List.of(
                new PairwiseEvaluation.Labelled("A", clusters.find(5)),
                new PairwiseEvaluation.Labelled("A", clusters.find(5)),
                new PairwiseEvaluation.Labelled("B", clusters.find(6))));
        assertEquals(1, r.truePositives());
        assertEquals(1.0, r.precision(), 1e-12);
        assertEquals(1.0, r.recall(), 1e-12);
    }

    @Test
    void nothingPredictedHasNoPrecisionAndZeroF1() {
        PairwiseEvaluation.Result r = PairwiseEvaluation.evaluate(List.of(
                new PairwiseEvaluation.Labelled("A", 1), new PairwiseEvaluation.Labelled("A", 2)));
        assertEquals(0, r.predictedPairs());
        assertEquals(Double.NaN, r.precision());
        assertEquals(0.0, r.recall(), 1e-12);
        assertEquals(0.0, r.f1(), 1e-12);
    }
}
