package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/** The warm-up stops once its requests per second stop rising. */
class WarmUpPlateauTest {

    @Test
    void throughputStillClimbingIsNoPlateau() {
        AtomicLongArray perSecond = new AtomicLongArray(new long[] {50, 60, 70, 100, 110, 120, 0});
        assertThat(WarmUp.rising(perSecond, 6)).isGreaterThan(1.05);
    }

    @Test
    void throughputWithinFivePercentOfTheThreeSecondsBeforeIsAPlateau() {
        AtomicLongArray perSecond = new AtomicLongArray(new long[] {100, 100, 100, 100, 101, 104, 0});
        assertThat(WarmUp.rising(perSecond, 6)).isLessThanOrEqualTo(1.05);
    }

    @Test
    void secondsWithoutAnyRequestBeforeAreNoPlateau() {
        AtomicLongArray perSecond = new AtomicLongArray(new long[] {0, 0, 0, 10, 10, 10, 0});
        assertThat(WarmUp.rising(perSecond, 6)).isGreaterThan(1.05);
    }
}
