package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the OpenG2P name filter normalises its text and escapes it for PostgreSQL (its fallback while the index is rebuilt). */
class NameSearchIndexTest {

    @Test
    void searchMatchesSubstringsIgnoringCaseAndAccents() {
        assertThat(RegistrantRepository.likeEscape("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
        var query = RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "  ÁNGEL  Núñez ");
        assertThat(query.normalizedName()).isEqualTo("angel nunez");
    }
}
