package org.populus.person;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a person's state-machine guards need besides the person: today's date and the age from which a person may
 * be a member ({@code populus.census.minimum-age}, default 18). Callers ask whether an event is allowed without
 * fetching either; {@link Registrants} applies events with the same inputs.
 */
@Component
public class MembershipPolicy {

    private final Clock clock;
    private final int minimumAge;

    MembershipPolicy(Clock clock, @Value("${populus.census.minimum-age:18}") int minimumAge) {
        this.clock = clock;
        this.minimumAge = minimumAge;
    }

    /** Whether the event is allowed for the person now (see {@link Registrant#may}). */
    public boolean allows(Registrant person, PersonEvent event) {
        return person.may(event, today(), minimumAge);
    }

    /** Whether the person has reached the members' minimum age today. */
    public boolean adult(Registrant person) {
        return person.adult(today(), minimumAge);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The time a change takes effect, to the microsecond: what PostgreSQL stores, so the history's copy of the
     * person and the person's row agree exactly.
     */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Applies the event, or refuses it ({@link org.populus.shared.RuleViolation}) leaving the person as it was. */
    void apply(Registrant person, PersonEvent event) {
        person.apply(event, today(), minimumAge, now());
    }

    /** Applies the event when it is allowed now; says whether it did. */
    boolean applyIfAllowed(Registrant person, PersonEvent event) {
        LocalDate today = today();
        if (!person.may(event, today, minimumAge)) {
            return false;
        }
        person.apply(event, today, minimumAge, now());
        return true;
    }
}
