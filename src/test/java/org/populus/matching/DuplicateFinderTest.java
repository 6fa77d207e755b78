package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The finder returns the candidates at or above the threshold, best first, never the person themself. */
class DuplicateFinderTest {

    private static final MatchRecord PERSON = new MatchRecord(1, "madeline", "mason", null,
            LocalDate.of(1908, 11, 28), "female", List.of("2185997"), List.of(),
            "54 hoseason street, lakefront retrmnt vlge, granville, nsw", "4881");
    private static final MatchRecord TYPO = new MatchRecord(2, "madeleine", "mason", null,
            LocalDate.of(1908, 11, 28), "female", List.of("2185997"), List.of(),
            "54 hoseason street, granville, nsw", "4881");
    private static final MatchRecord EXACT_COPY = new MatchRecord(3, "madeline", "mason", null,
            LocalDate.of(1908, 11, 28), "female", List.of("2185997"), List.of(),
            "54 hoseason street, lakefront retrmnt vlge, granville, nsw", "4881");
    private static final MatchRecord NAMESAKE = new MatchRecord(4, "madeline", "mason", null,
            LocalDate.of(1971, 2, 3), "female", List.of("9911223"), List.of(), "3 light street, windermere, vic",
            "3212");

    @Test
    void candidatesAtOrAboveTheThresholdComeBestFirst() throws IOException {
        try (InMemoryPeople people = new InMemoryPeople(PERSON, TYPO, EXACT_COPY, NAMESAKE)) {
            List<ScoredCandidate> found = DuplicateFinder.find(people.searcher(), PERSON, NameFrequencies.NONE,
                    MatchThresholds.DEFAULT);
            assertThat(found).extracting(ScoredCandidate::id).containsExactly(3L, 2L);
            assertThat(found.get(0).score().weight()).isGreaterThan(found.get(1).score().weight());
        }
    }

    @Test
    void aNamesakeBornAnotherDayElsewhereIsScoredButBelowTheThreshold() throws IOException {
        try (InMemoryPeople people = new InMemoryPeople(PERSON, NAMESAKE)) {
            List<ScoredCandidate> scored = DuplicateFinder.scoreCandidates(people.searcher(), PERSON,
                    NameFrequencies.NONE);
            assertThat(scored).extracting(ScoredCandidate::id).containsExactly(4L);
            assertThat(scored.get(0).score().weight()).isLessThan(MatchThresholds.DEFAULT.possibleDuplicate());
            assertThat(DuplicateFinder.find(people.searcher(), PERSON, NameFrequencies.NONE,
                    MatchThresholds.DEFAULT)).isEmpty();
        }
    }

    @Test
    void theThresholdDecidesWhatIsReported() throws IOException {
        try (InMemoryPeople people = new InMemoryPeople(PERSON, NAMESAKE)) {
            double weight = DuplicateFinder.scoreCandidates(people.searcher(), PERSON, NameFrequencies.NONE)
                    .get(0).score().weight();
            assertThat(DuplicateFinder.find(people.searcher(), PERSON, NameFrequencies.NONE,
                    new MatchThresholds(weight))).hasSize(1);
            assertThat(DuplicateFinder.find(people.searcher(), PERSON, NameFrequencies.NONE,
                    new MatchThresholds(weight + 0.01))).isEmpty();
        }
    }

    @Test
    void theSameEvidenceIsNotReportedInARegistryFourTimesTheTrainingSetsSize() throws IOException {
        double weight;
        try (InMemoryPeople people = new InMemoryPeople(PERSON, NAMESAKE)) {
            weight = DuplicateFinder.scoreCandidates(people.searcher(), PERSON, NameFrequencies.NONE)
                    .get(0).score().weight();
        }
        List<MatchRecord> registry = new ArrayList<>(List.of(PERSON, NAMESAKE));
        for (int i = 0; i < 4 * MatchThresholds.TRAINING_PEOPLE; i++) {
            registry.add(new MatchRecord(100 + i, "stranger" + i, "other" + i, null, null, null, List.of(),
                    List.of(), null, null));
        }
        try (InMemoryPeople people = new InMemoryPeople(registry.toArray(MatchRecord[]::new))) {
            assertThat(DuplicateFinder.find(people.searcher(), PERSON, NameFrequencies.NONE,
                    new MatchThresholds(weight))).isEmpty();
            assertThat(DuplicateFinder.find(people.searcher(), PERSON, NameFrequencies.NONE,
                    new MatchThresholds(weight - 2.01))).extracting(ScoredCandidate::id).containsExactly(4L);
        }
    }
}
