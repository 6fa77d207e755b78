package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parsing of Census qualified ids and normalising of document values (docs/census-api.md#qualified-ids). */
class CensusQualifiedIdTest {

    @Test
    void censusIdsAreRegistrantIds() {
        assertThat(QualifiedId.parse("12@census")).contains(new QualifiedId.Census(12));
        assertThat(QualifiedId.parse("12abc@census")).contains(new QualifiedId.Census(12));
        assertThat(QualifiedId.parse("9223372036854775807@census")).contains(new QualifiedId.Census(Long.MAX_VALUE));
    }

    @Test
    void otherSystemsAreExternalIds() {
        assertThat(QualifiedId.parse("8926202@participa2_application-1"))
                .contains(new QualifiedId.External("participa2_application-1", 8926202));
        assertThat(QualifiedId.parse("1@potato")).contains(new QualifiedId.External("potato", 1));
    }

    @Test
    void documentIdsKeepTheirValue() {
        assertThat(QualifiedId.parse("1R@document_id")).contains(new QualifiedId.Document("1R"));
    }

    @Test
    void idsThatNameNobody() {
        assertThat(QualifiedId.parse("")).isEmpty();
        assertThat(QualifiedId.parse("0")).isEmpty();
        assertThat(QualifiedId.parse("12")).isEmpty();
        assertThat(QualifiedId.parse("potato@decidim")).isEmpty();
        assertThat(QualifiedId.parse("0@census")).isEmpty();
        assertThat(QualifiedId.parse("-3@census")).isEmpty();
        assertThat(QualifiedId.parse("12@")).isEmpty();
        assertThat(QualifiedId.parse("@document_id")).isEmpty();
        assertThat(QualifiedId.parse("99999999999999999999999@census")).isEmpty();
        assertThat(QualifiedId.parse(null)).isEmpty();
    }

    @Test
    void documentValuesAreNormalisedLikeRegistration() {
        assertThat(DocumentIds.dni("1R")).isEqualTo("00000001R");
        assertThat(DocumentIds.dni("1234-567 8z")).isEqualTo("12345678Z");
        assertThat(DocumentIds.dni("123")).isEqualTo("00000123");
        assertThat(DocumentIds.nie("x-123_4567.l")).isEqualTo("X1234567L");
        assertThat(DocumentIds.candidates("1r")).containsExactly("00000001R", "1R", "1r");
        assertThat(DocumentIds.candidates("AB123456")).containsExactly("AB123456");
    }
}
