package org.populus.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The original's {@code document_id_validator_spec.rb} and the document normalizer. */
class DocumentRulesTest {

    private static String typeOf(String value) {
        if (value.matches("^[XYZ].*") || value.matches("^0X.*") || value.equals("X1R")) {
            return "nie";
        }
        if (value.matches("^\\d.*")) {
            return "dni";
        }
        return "passport";
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000001R", "X0000001R", "ABC123456", "AB123456", "A0000000100"})
    void validUnderSpain(String value) {
        assertThat(PersonDataForm.validDocument(typeOf(value), value, "ES")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000001r", "x0000001r", "abc123456", "1R", "ABCD12345", "000000001R", "00000001T",
        "X1R", "0X0000001R", "123456ABC", "1234", "0A000000100"})
    void invalidUnderSpain(String value) {
        assertThat(PersonDataForm.validDocument(typeOf(value), value, "ES")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"passport,AB123456,true", "passport,123,false", "dni,AB123456,true", "nie,1234,true"})
    void elsewhereOnlyTheLengthCounts(String type, String value, boolean valid) {
        assertThat(PersonDataForm.validDocument(type, value, "EU")).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"dni,1R,00000001R", "dni,1234,00001234", "dni,'00.000.001-r',00000001R", "nie,X1R,X0000001R",
        "nie,x-1234567-l,X1234567L", "passport,ab 123456,AB123456"})
    void normalization(String type, String given, String normalized) {
        assertThat(PersonDataForm.normalizeDocument(type, given)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource({"'1234',ES-CL-LE,01234", "' 24 234 ',ES-CL-LE,24 234", "1234,FR,1234", "28001,ES-MD,28001"})
    void postalCodes(String given, String scope, String normalized) {
        assertThat(PersonDataForm.normalizePostalCode(given, scope)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource({"1980-01-02,1980-01-02", "1980/1/2,1980-01-02", "02/01/1980,1980-01-02", "1980-01-02T00:00:00Z,1980-01-02"})
    void dates(String given, String expected) {
        assertThat(PersonDataForm.parseDate(given)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"potato", "1980-13-01", "1980-02-30", "31/31/1980"})
    void notDates(String given) {
        assertThat(PersonDataForm.parseDate(given)).isNull();
    }
}
