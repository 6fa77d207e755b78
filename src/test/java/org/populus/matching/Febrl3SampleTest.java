package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-at-a-time procedure of the product's write path on a labelled sample of FEBRL 3 (477 records of 140
 * people, 793 true pairs; src/test/resources/matching/README.md), on an in-memory Lucene index.
 */
class Febrl3SampleTest {

    private static List<FebrlData.Row> sample(boolean withDocuments) {
        try {
            Path file = Path.of(Febrl3SampleTest.class.getResource("/matching/febrl3-sample.csv").toURI());
            return FebrlData.read(withDocuments, file);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PairwiseAccuracy accuracy(boolean withDocuments) {
        List<FebrlData.Row> rows = sample(withDocuments);
        PairwiseAccuracy accuracy = PairwiseAccuracy.of(
                OneAtATimeMatching.run(rows).clusters(MatchThresholds.DEFAULT.possibleDuplicate()), rows);
        System.out.println((withDocuments ? "with" : "without") + " identity numbers: " + accuracy);
        return accuracy;
    }

    @Test
    void withIdentityNumbersEveryDuplicateIsFoundAndNothingElse() {
        PairwiseAccuracy accuracy = accuracy(true);
        assertThat(accuracy.truePairs()).isEqualTo(793);
        assertThat(accuracy.precision()).isGreaterThanOrEqualTo(0.999);
        assertThat(accuracy.recall()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void withoutIdentityNumbersNamesDatesAndAddressesStillFindAlmostAll() {
        PairwiseAccuracy accuracy = accuracy(false);
        assertThat(accuracy.precision()).isGreaterThanOrEqualTo(0.99);
        assertThat(accuracy.recall()).isGreaterThanOrEqualTo(0.96);
    }
}
