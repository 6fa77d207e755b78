package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
    void theIndexLexemesAreQuotedAsTheyAre() {
        assertThat(RegistrantRepository.tsquery(List.of("o'brien", "a\\b", "garc")))
                .isEqualTo("'o''brien' & 'a\\\\b' & 'garc'");
    }

    @Test
    void aOneLetterWordIsCheckedOnTheCandidatesNotLookedUp() {
        var c = RegistrantRepository.conditions(PeopleSearch.of("J García", false));
        assertThat(c.params()).containsExactly("'garcia'", "j");
        assertThat(c.where()).contains("party_name_has_word_prefix").contains("discarded_at is null");
    }

    @Test
    void aSubstringOfSeveralWordsLooksUpEveryWordButTheFirst() {
        var c = RegistrantRepository.conditions(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "arcía Lop"), 0);
        assertThat(c.params()).containsExactly(false, 0L, "'lop'", "arcia lop");
        var single = RegistrantRepository.conditions(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "arcía"), 0);
        assertThat(single.where()).doesNotContain("name_prefixes");
    }
}
