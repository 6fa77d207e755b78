package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

class LastAccessWritesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static LastAccessWrites.Stored accessedAt(Instant at) {
        MapSession session = new MapSession();
        session.setLastAccessedTime(at);
        return new LastAccessWrites.Stored(session);
    }

    @Test
    void givenAnAccessWithinAMinuteOfTheStoredOneTheStoredLastAccessIsKept() {
        LastAccessWrites.Stored session = accessedAt(T0);
        session.setLastAccessedTime(T0.plusSeconds(59));
        assertThat(session.getLastAccessedTime()).isEqualTo(T0);
    }

    @Test
    void givenAnAccessAMinuteOrMoreLaterTheLastAccessIsSet() {
        LastAccessWrites.Stored session = accessedAt(T0);
        session.setLastAccessedTime(T0.plus(LastAccessWrites.GRANULARITY));
        assertThat(session.getLastAccessedTime()).isEqualTo(T0.plus(Duration.ofSeconds(60)));
    }
}
