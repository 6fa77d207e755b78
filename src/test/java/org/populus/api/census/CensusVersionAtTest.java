package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@code version_at} formats (docs/census-api.md#reading-a-person). */
class CensusVersionAtTest {

    @Test
    void acceptsTheDocumentedTheClientsAndIsoFormats() {
        assertThat(VersionAt.parse("2019-10-28 10:57 +01:00")).contains(Instant.parse("2019-10-28T09:57:00Z"));
        assertThat(VersionAt.parse("2019-10-28 10:57  01:00")).contains(Instant.parse("2019-10-28T09:57:00Z"));
        assertThat(VersionAt.parse("2019-10-28 10:57:29 UTC")).contains(Instant.parse("2019-10-28T10:57:29Z"));
        assertThat(VersionAt.parse("2019-10-28T10:57:29.123Z")).contains(Instant.parse("2019-10-28T10:57:29.123Z"));
        assertThat(VersionAt.parse("2019-10-28T10:57:29+02:00")).contains(Instant.parse("2019-10-28T08:57:29Z"));
        assertThat(VersionAt.parse("2019-10-28T10:57:29")).contains(Instant.parse("2019-10-28T10:57:29Z"));
        assertThat(VersionAt.parse("2019-10-28")).contains(Instant.parse("2019-10-28T00:00:00Z"));
    }

    @Test
    void anyOtherTextOrAnImpossibleDateIsNoInstant() {
        assertThat(VersionAt.parse("potato")).isEmpty();
        assertThat(VersionAt.parse("")).isEmpty();
        assertThat(VersionAt.parse("2019-13-45 10:00 +01:00")).isEmpty();
    }
}
