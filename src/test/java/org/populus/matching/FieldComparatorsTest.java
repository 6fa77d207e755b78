package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The levels each field of two records reaches. */
class FieldComparatorsTest {

    private static final LocalDate BIRTH = LocalDate.of(1956, 4, 9);

    @Test
    void identicalNamesAreExact() {
        assertThat(FieldComparators.name("given_name", "mitchell", "mitchell").level()).isEqualTo("exact");
    }

    @Test
    void oneTypingErrorInALongNameIsClose() {
        Comparison c = FieldComparators.name("family_name", "mccarthy", "mccarhty");
        assertThat(c.level()).isEqualTo("close");
        assertThat(c.label()).startsWith("close (Jaro-Winkler 0.9");
    }

    @Test
    void namesFurtherApartAreSimilar() {
        assertThat(FieldComparators.name("given_name", "steven", "stephen").level()).isEqualTo("similar");
    }

    @Test
    void namesThatSoundAlikeAreSimilarEvenWhenSpelledApart() {
        Comparison c = FieldComparators.name("given_name", "jimenez", "gimenes");
        assertThat(c.level()).isEqualTo("similar");
        assertThat(c.label()).startsWith("sounds alike (Double Metaphone)");
    }

    @Test
    void unrelatedNamesAreDifferent() {
        assertThat(FieldComparators.name("given_name", "harley", "madeline").level()).isEqualTo("different");
    }

    @Test
    void anEmptyNameIsMissing() {
        assertThat(FieldComparators.name("family_name", "", "green").level()).isEqualTo("missing");
    }

    @Test
    void givenAndFamilyNamesSwappedCountAsExact() {
        List<Comparison> fields = FieldComparators.compare(person("green", "mitchell"), person("mitchell", "green"));
        assertThat(fields.get(0).level()).isEqualTo("exact");
        assertThat(fields.get(1).level()).isEqualTo("exact");
        assertThat(fields.get(0).label()).contains("swapped");
    }

    @Test
    void secondFamilyNamesAreComparedOnlyWhenBothHaveOne() {
        MatchRecord both = new MatchRecord(1, "ana", "garcia", "lopez", null, null, null, null, null, null);
        MatchRecord other = new MatchRecord(2, "ana", "garcia", "perez", null, null, null, null, null, null);
        MatchRecord none = new MatchRecord(3, "ana", "garcia", null, null, null, null, null, null, null);
        assertThat(FieldComparators.compare(both, other).get(1).level()).isNotEqualTo("exact");
        assertThat(FieldComparators.compare(both, none).get(1).level()).isEqualTo("exact");
    }

    @Test
    void sameBirthDateIsExact() {
        assertThat(FieldComparators.birthdate(BIRTH, LocalDate.of(1956, 4, 9)).level()).isEqualTo("exact");
    }

    @Test
    void dayAndMonthSwappedIsItsOwnLevel() {
        assertThat(FieldComparators.birthdate(BIRTH, LocalDate.of(1956, 9, 4)).level())
                .isEqualTo("day_month_swapped");
    }

    @Test
    void oneDigitWrongInTheDateIsATypingError() {
        assertThat(FieldComparators.birthdate(BIRTH, LocalDate.of(1958, 4, 9)).level())
                .isEqualTo("one_typing_error");
        assertThat(FieldComparators.birthdate(BIRTH, LocalDate.of(1956, 4, 19)).level())
                .isEqualTo("one_typing_error");
    }

    @Test
    void twoNeighbouringDigitsSwappedInTheDateIsATypingError() {
        assertThat(FieldComparators.birthdate(BIRTH, LocalDate.of(1965, 4, 9)).level())
                .isEqualTo("one_typing_error");
    }

    @Test
    void datesTwoErrorsApartAreDifferent() {
        assertThat(FieldComparators.birthdate(BIRTH, LocalDate.of(1966, 4, 19)).level()).isEqualTo("different");
    }

    @Test
    void anAbsentDateIsMissing() {
        assertThat(FieldComparators.birthdate(BIRTH, null).level()).isEqualTo("missing");
    }

    @Test
    void documentsAgreeWhenAnyPairIsEqualIgnoringPunctuationAndCase() {
        assertThat(FieldComparators.identifiers("document", MatchFields.documentKeys(List.of("12.345.678-z")),
                MatchFields.documentKeys(List.of("X1", "12345678Z"))).level()).isEqualTo("exact");
    }

    @Test
    void documentsOneCharacterApartAreATypingError() {
        assertThat(FieldComparators.identifiers("document", List.of("1804974"), List.of("1804947")).level())
                .isEqualTo("one_typing_error");
        assertThat(FieldComparators.identifiers("document", List.of("1804974"), List.of("1814974")).level())
                .isEqualTo("one_typing_error");
    }

    @Test
    void documentsFurtherApartAreDifferentAndNoneIsMissing() {
        assertThat(FieldComparators.identifiers("document", List.of("1804974"), List.of("6089216")).level())
                .isEqualTo("different");
        assertThat(FieldComparators.identifiers("document", List.of(), List.of("6089216")).level())
                .isEqualTo("missing");
    }

    @Test
    void phonesAreComparedOnTheirLastNineDigits() {
        assertThat(FieldComparators.identifiers("phone", MatchFields.phoneKeys(List.of("+34 612 345 678")),
                MatchFields.phoneKeys(List.of("612345678"))).level()).isEqualTo("exact");
    }

    @Test
    void addressesAreExactCloseSimilarOrDifferent() {
        String address = "7 wallaby place, delmar, cleveland, sa";
        assertThat(FieldComparators.address(address, address).level()).isEqualTo("exact");
        assertThat(FieldComparators.address(address, "7 wallaby plcae, delmar, cleveland, sa").level())
                .isEqualTo("close");
        assertThat(FieldComparators.address(address, "7 wallaby place, cleveland, sa").level())
                .isEqualTo("similar");
        assertThat(FieldComparators.address(address, "177 pridhamstreet, milton, marsden, nsw").level())
                .isEqualTo("different");
    }

    @Test
    void genderIsExactOrDifferent() {
        assertThat(FieldComparators.gender("female", "female").level()).isEqualTo("exact");
        assertThat(FieldComparators.gender("female", "male").level()).isEqualTo("different");
        assertThat(FieldComparators.gender("", "male").level()).isEqualTo("missing");
    }

    private static MatchRecord person(String given, String family) {
        return new MatchRecord(1, given, family, null, null, null, null, null, null, null);
    }
}
