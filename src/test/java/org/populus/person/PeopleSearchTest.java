package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a registrar's search text becomes, and which texts are no search. */
class PeopleSearchTest {

    @Test
    void aSearchIsTheNormalisedWordsOfTheTextWithoutRepeats() {
        assertThat(PeopleSearch.of("  JOSÉ  García garcia Ñ ", false).words())
                .containsExactly("jose", "garcia", "n");
    }

    @Test
    void aSearchWhoseWordsAllHaveOneLetterIsRefused() {
        assertThatThrownBy(() -> PeopleSearch.of("j g", false)).isInstanceOf(PeopleSearch.Invalid.class)
                .hasMessageContaining("two letters");
    }

    @Test
    void anEmptySearchIsRefused() {
        assertThatThrownBy(() -> PeopleSearch.of("   ", false)).isInstanceOf(PeopleSearch.Invalid.class);
        assertThatThrownBy(() -> PeopleSearch.of(null, false)).isInstanceOf(PeopleSearch.Invalid.class);
    }

    @Test
    void aSearchOfMoreThanTenWordsIsRefused() {
        assertThatThrownBy(() -> PeopleSearch.of("aa bb cc dd ee ff gg hh ii jj kk", false))
                .isInstanceOf(PeopleSearch.Invalid.class).hasMessageContaining("10");
    }

    @Test
    void aTextLongerThanANameOrHoldingNulIsRefused() {
        assertThatThrownBy(() -> PeopleSearch.of("a".repeat(301), false)).isInstanceOf(PeopleSearch.Invalid.class);
        assertThatThrownBy(() -> PeopleSearch.of("ana\u0000", false)).isInstanceOf(PeopleSearch.Invalid.class);
    }

    @Test
    void theWordsOfANameIncludeTheRunsOfLettersInsidePunctuatedWords() {
        assertThat(PeopleSearch.wordsOf("jean-pierre o'brien"))
                .containsExactlyInAnyOrder("jean-pierre", "o'brien", "jean", "pierre", "o", "brien");
    }

    @Test
    void aPersonMatchesWhenEveryWordStartsAWordOfTheirName() {
        Registrant jose = new Registrant(1L, 1, RegistrantKind.INDIVIDUAL, new PersonalData("José García-López", "José",
                "García-López", null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.Map.of(), CensusStatus.enabled(),
                null, null, null);
        assertThat(PeopleSearch.of("lop jos", false).matches(jose)).isTrue();
        assertThat(PeopleSearch.of("garcia-l", false).matches(jose)).isTrue();
        assertThat(PeopleSearch.of("arcia", false).matches(jose)).isFalse();
        assertThat(PeopleSearch.of("jose perez", false).matches(jose)).isFalse();
    }

    @Test
    void aSubstringSearchInPostgresqlTestsTheNormalisedNameEscaped() {
        var c = RegistrantRepository.conditions(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "arcía_Lop"), 0);
        assertThat(c.params()).containsExactly(false, 0L, "%arcia\\_lop%");
        assertThat(c.where()).contains("search_name like ?").contains("discarded_at is null");
    }
}
