package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The threshold rises with the registry's size, by log2 of its ratio to the training set's. */
class MatchThresholdsTest {

    private static final MatchThresholds DEFAULT = MatchThresholds.DEFAULT;

    @Test
    void upToTheTrainingSetsSizeTheConfiguredThresholdHolds() {
        assertThat(DEFAULT.among(0)).isEqualTo(14.5);
        assertThat(DEFAULT.among(5_000)).isEqualTo(14.5);
        assertThat(DEFAULT.among(MatchThresholds.TRAINING_PEOPLE)).isEqualTo(14.5);
    }

    @Test
    void twiceThePeopleAddOneToTheThreshold() {
        assertThat(DEFAULT.among(2 * MatchThresholds.TRAINING_PEOPLE)).isCloseTo(15.5, within(1e-9));
    }

    @Test
    void aMillionPeopleAddLog2OfAHundred() {
        assertThat(DEFAULT.among(1_000_000)).isCloseTo(14.5 + 6.6439, within(1e-4));
    }
}
