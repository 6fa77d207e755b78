package org.populus.shared;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The range of every date and instant Populus accepts, in one place; every surface checks its dates here and answers
 * a value outside with its own 4xx, before anything is written.
 *
 * <ul>
 * <li>A day that has come (a birth, a registration, when a phone was collected): from {@link #EARLIEST}
 * (1900-01-01) to today.</li>
 * <li>A day that may lie ahead (an identity document's expiry, a programme enrolment): from {@link #EARLIEST} to
 * {@value #YEARS_AHEAD} years after today.</li>
 * <li>An instant asked about ("as of"): any instant PostgreSQL's {@code timestamptz} holds, from
 * {@link #EARLIEST_INSTANT} to {@link #LATEST_INSTANT}.</li>
 * </ul>
 *
 * <p>The database keeps a fixed, wider range on every date column ({@link #EARLIEST} to {@link #LATEST_STORED}, check
 * constraints of migration V17; a check constraint cannot say "today"), so no write path can store an impossible
 * date. A date stored before those constraints existed and outside them reads as no date ({@link #readable}), so
 * reading never fails on it.
 */
public final class DateRanges {

    /** The first day of every range: no date the registry keeps lies before it. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The last day the database accepts in any date column (the application's ranges end sooner). */
    public static final LocalDate LATEST_STORED = LocalDate.of(9999, 12, 31);
    /** How many years after today a day that may lie ahead may be. */
    public static final int YEARS_AHEAD = 100;
    /** The first instant PostgreSQL's {@code timestamptz} holds: 4714-11-24 BC, 00:00 UTC. */
    public static final Instant EARLIEST_INSTANT = Instant.parse("-4713-11-24T00:00:00Z");
    /** The last instant PostgreSQL's {@code timestamptz} holds, to its microsecond. */
    public static final Instant LATEST_INSTANT = Instant.parse("+294276-12-31T23:59:59.999999Z");

    /** The kinds of date, each with its range. */
    public enum Kind {
        /** A day that has come: from {@link #EARLIEST} to today. */
        PAST,
        /** A day that may lie ahead: from {@link #EARLIEST} to {@value #YEARS_AHEAD} years after today. */
        AHEAD;

        /** The last day of the range on {@code today}. */
        public LocalDate latest(LocalDate today) {
            return this == PAST ? today : today.plusYears(YEARS_AHEAD);
        }
    }

    private DateRanges() {
    }

    /** Whether the day lies in the range of its kind on {@code today}; no date (null) always does. */
    public static boolean accepts(LocalDate value, Kind kind, LocalDate today) {
        return value == null || !value.isBefore(EARLIEST) && !value.isAfter(kind.latest(today));
    }

    /**
     * The day if it lies in its range.
     *
     * @param field the attribute, as the domain names it ({@code birthdate}, {@code expiry_date}, …)
     * @throws RuleViolation {@link Rule#FUTURE_DATE} for a day after today where only days that have come are
     *         allowed, {@link Rule#DATE_OUT_OF_RANGE} for any other day outside the range
     */
    public static LocalDate check(String field, LocalDate value, Kind kind, LocalDate today) {
        if (accepts(value, kind, today)) {
            return value;
        }
        if (kind == Kind.PAST && value.isAfter(today) && !value.isAfter(LATEST_STORED)) {
            throw new RuleViolation(Rule.FUTURE_DATE, field, value.toString(), futureMessage(field));
        }
        throw new RuleViolation(Rule.DATE_OUT_OF_RANGE, field, TextLimits.shown(value.toString()),
                "Field '" + field + "' must be a date from " + EARLIEST + " to " + kind.latest(today) + ".");
    }

    private static String futureMessage(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " cannot be in the future";
    }

    /**
     * A stored day as the registry reads it: itself within what the database accepts ({@link #EARLIEST} to
     * {@link #LATEST_STORED}); no date (null) outside — only a date stored before the database's constraints existed
     * can be there.
     */
    public static LocalDate readable(LocalDate stored) {
        return stored == null || stored.isBefore(EARLIEST) || stored.isAfter(LATEST_STORED) ? null : stored;
    }

    /** Whether PostgreSQL can hold the instant (so it may be asked "as of"); null cannot. */
    public static boolean holds(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }
}
