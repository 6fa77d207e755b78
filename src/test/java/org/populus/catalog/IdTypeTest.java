package org.populus.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdTypeTest {

    @Test
    void theRegexMustMatchTheWholeValue() {
        IdType digits = new IdType(1, "Test ID Type", "[0-9]+", true, 0);
        assertThat(digits.accepts("12345")).isTrue();
        assertThat(digits.accepts("abc")).isFalse();
        assertThat(digits.accepts("123abc")).as("re.match would accept this; a whole-value match does not")
                .isFalse();
        assertThat(digits.accepts("abc123")).isFalse();
    }

    @Test
    void withoutARegexAnyValueIsAccepted() {
        assertThat(new IdType(1, "Free", null, true, 0).accepts("anything at all")).isTrue();
        assertThat(new IdType(1, "Free", " ", true, 0).accepts("x")).isTrue();
    }
}
