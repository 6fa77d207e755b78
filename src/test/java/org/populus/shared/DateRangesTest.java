package org.populus.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The ranges of the dates and instants Populus accepts, in one place (issue 20, point 1). */
class DateRangesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aDayThatHasComeLiesBetweenNineteenHundredAndToday() {
        assertThat(DateRanges.accepts(LocalDate.of(1900, 1, 1), DateRanges.Kind.PAST, TODAY)).isTrue();
        assertThat(DateRanges.accepts(TODAY, DateRanges.Kind.PAST, TODAY)).isTrue();
        assertThat(DateRanges.accepts(LocalDate.of(1899, 12, 31), DateRanges.Kind.PAST, TODAY)).isFalse();
        assertThat(DateRanges.accepts(TODAY.plusDays(1), DateRanges.Kind.PAST, TODAY)).isFalse();
        assertThat(DateRanges.accepts(LocalDate.MIN, DateRanges.Kind.PAST, TODAY)).isFalse();
        assertThat(DateRanges.accepts(LocalDate.MAX, DateRanges.Kind.PAST, TODAY)).isFalse();
    }

    @Test
    void aDayThatMayLieAheadLiesBetweenNineteenHundredAndAHundredYearsFromToday() {
        assertThat(DateRanges.accepts(LocalDate.of(1900, 1, 1), DateRanges.Kind.AHEAD, TODAY)).isTrue();
        assertThat(DateRanges.accepts(LocalDate.of(2126, 12, 7), DateRanges.Kind.AHEAD, TODAY)).isTrue();
        assertThat(DateRanges.accepts(LocalDate.of(2126, 12, 8), DateRanges.Kind.AHEAD, TODAY)).isFalse();
        assertThat(DateRanges.accepts(LocalDate.of(-4713, 1, 1), DateRanges.Kind.AHEAD, TODAY)).isFalse();
        assertThat(DateRanges.accepts(LocalDate.of(6_000_000, 1, 1), DateRanges.Kind.AHEAD, TODAY)).isFalse();
    }

    @Test
    void noDateIsAlwaysAccepted() {
        assertThat(DateRanges.accepts(null, DateRanges.Kind.PAST, TODAY)).isTrue();
        assertThat(DateRanges.check("birthdate", null, DateRanges.Kind.PAST, TODAY)).isNull();
    }

    @Test
    void aDayAfterTodayWhereOnlyPastDaysAreAllowedIsAFutureDateAndAnyOtherDayOutsideIsOutOfRange() {
        assertThatThrownBy(() -> DateRanges.check("birthdate", TODAY.plusDays(1), DateRanges.Kind.PAST, TODAY))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.rule()).isEqualTo(Rule.FUTURE_DATE);
                    assertThat(v.field()).isEqualTo("birthdate");
                });
        assertThatThrownBy(() -> DateRanges.check("birthdate", LocalDate.MIN, DateRanges.Kind.PAST, TODAY))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.rule()).isEqualTo(Rule.DATE_OUT_OF_RANGE);
                    assertThat(v.getMessage()).isEqualTo(
                            "Field 'birthdate' must be a date from 1900-01-01 to 2026-12-07.");
                });
        assertThatThrownBy(() -> DateRanges.check("expiry_date", LocalDate.MAX, DateRanges.Kind.AHEAD, TODAY))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.getMessage()).isEqualTo(
                        "Field 'expiry_date' must be a date from 1900-01-01 to 2126-12-07."));
    }

    @Test
    void aStoredDayOutsideWhatTheDatabaseAcceptsReadsAsNoDate() {
        assertThat(DateRanges.readable(LocalDate.of(1980, 2, 29))).isEqualTo(LocalDate.of(1980, 2, 29));
        assertThat(DateRanges.readable(LocalDate.of(9999, 12, 31))).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(DateRanges.readable(LocalDate.MIN)).isNull();
        assertThat(DateRanges.readable(LocalDate.MAX)).isNull();
        assertThat(DateRanges.readable(LocalDate.of(-4713, 1, 1))).isNull();
        assertThat(DateRanges.readable(LocalDate.of(1899, 12, 31))).isNull();
        assertThat(DateRanges.readable(null)).isNull();
    }

    @Test
    void anInstantIsAcceptedWhenPostgresqlCanHoldIt() {
        assertThat(DateRanges.holds(Instant.parse("1970-01-01T00:00:00Z"))).isTrue();
        assertThat(DateRanges.holds(DateRanges.EARLIEST_INSTANT)).isTrue();
        assertThat(DateRanges.holds(DateRanges.LATEST_INSTANT)).isTrue();
        assertThat(DateRanges.holds(DateRanges.EARLIEST_INSTANT.minusNanos(1))).isFalse();
        assertThat(DateRanges.holds(DateRanges.LATEST_INSTANT.plusNanos(1))).isFalse();
        assertThat(DateRanges.holds(Instant.MIN)).isFalse();
        assertThat(DateRanges.holds(Instant.MAX)).isFalse();
        assertThat(DateRanges.holds(null)).isFalse();
    }
}
