package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Name shares read from the index: docFreq over numDocs, once there are enough people to say. */
class IndexNameFrequenciesTest {

    @Test
    void theShareIsThePartOfPeopleWithTheName() throws IOException {
        MatchRecord[] people = IntStream.range(0, IndexNameFrequencies.MIN_PEOPLE)
                .mapToObj(i -> person(i, i % 10 == 0 ? "james" : "name" + i, "smith"))
                .toArray(MatchRecord[]::new);
        try (InMemoryPeople index = new InMemoryPeople(people)) {
            IndexNameFrequencies tf = new IndexNameFrequencies(index.reader());
            assertThat(tf.share("given_name", "james")).isEqualTo(0.1);
            assertThat(tf.share("family_name", "smith")).isEqualTo(1.0);
            assertThat(tf.share("given_name", "nobody")).isZero();
        }
    }

    @Test
    void aSmallIndexGivesNoShares() throws IOException {
        try (InMemoryPeople index = new InMemoryPeople(person(1, "james", "smith"))) {
            assertThat(new IndexNameFrequencies(index.reader()).share("given_name", "james")).isZero();
        }
    }

    private static MatchRecord person(long id, String given, String family) {
        return new MatchRecord(id, given, family, null, null, null, null, null, null, null);
    }
}
