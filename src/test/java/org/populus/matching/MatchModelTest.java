package org.populus.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weights of the Fellegi–Sunter model and the adjustment for common names. */
class MatchModelTest {

    private static final MatchRecord MITCHELL = new MatchRecord(1, "Mitchell", "Green", null,
            LocalDate.of(1956, 4, 9), null, List.of("1804974"), List.of(), "7 wallaby place, delmar, cleveland, sa",
            "2119");

    @Test
    void theWeightIsTheSumOfTheFieldsWeights() {
        MatchScore score = MatchModel.score(MITCHELL, copyOf(MITCHELL, "mitchell"), NameFrequencies.NONE);
        double sum = score.fields().stream().mapToDouble(FieldComparison::weight).sum();
        assertThat(score.weight()).isCloseTo(sum, within(1e-9));
        assertThat(score.fields()).extracting(FieldComparison::field).containsExactly("given_name", "family_name",
                "birthdate", "document", "phone", "address", "postcode", "gender");
    }

    @Test
    void eachLevelWeighsLog2OfMOverU() {
        MatchScore score = MatchModel.score(MITCHELL, copyOf(MITCHELL, "mitchell"), NameFrequencies.NONE);
        FieldComparison birthdate = score.fields().get(2);
        assertThat(birthdate.level()).isEqualTo("exact");
        assertThat(birthdate.weight()).isCloseTo(Math.log(0.944 / 0.0000301) / Math.log(2), within(1e-9));
    }

    @Test
    void agreementWeighsForAndDisagreementAgainst() {
        MatchRecord stranger = new MatchRecord(2, "harley", "mccarthy", null, LocalDate.of(1908, 4, 19), null,
                List.of("6089216"), List.of(), "177 pridhamstreet, milton, marsden, nsw", "3165");
        MatchScore same = MatchModel.score(MITCHELL, copyOf(MITCHELL, "mitchell"), NameFrequencies.NONE);
        MatchScore different = MatchModel.score(MITCHELL, stranger, NameFrequencies.NONE);
        assertThat(same.fields()).filteredOn(f -> !f.level().equals("missing") && !f.level().startsWith("not counted"))
                .allMatch(f -> f.weight() > 0);
        assertThat(different.fields()).filteredOn(f -> !f.level().equals("missing")).allMatch(f -> f.weight() < 0);
    }

    @Test
    void aPostcodeIsNotCountedAgainWhenTheAddressesAgree() {
        MatchScore same = MatchModel.score(MITCHELL, copyOf(MITCHELL, "mitchell"), NameFrequencies.NONE);
        FieldComparison postcode = same.fields().get(6);
        assertThat(postcode.field()).isEqualTo("postcode");
        assertThat(postcode.level()).isEqualTo("not counted (the address agrees)");
        assertThat(postcode.weight()).isZero();
    }

    @Test
    void aParentAndChildAtOneAddressAreNoPossibleDuplicates() {
        MatchRecord parent = new MatchRecord(1, "Carmen", "Ruiz", "Soler", LocalDate.of(1961, 2, 3), "female",
                List.of(), List.of(), "Calle del Olmo 4, 2º B, Zaragoza", "50001");
        MatchRecord child = new MatchRecord(2, "Pablo", "Ruiz", "Soler", LocalDate.of(1990, 7, 21), "male",
                List.of(), List.of(), "Calle del Olmo 4, 2º B, Zaragoza", "50001");
        MatchScore score = MatchModel.score(parent, child, NameFrequencies.NONE);
        assertThat(score.weight()).isLessThan(MatchThresholds.DEFAULT.possibleDuplicate());
    }

    @Test
    void aMissingFieldWeighsNothing() {
        MatchScore score = MatchModel.score(MITCHELL, copyOf(MITCHELL, "mitchell"), NameFrequencies.NONE);
        FieldComparison phone = score.fields().get(4);
        assertThat(phone.level()).isEqualTo("missing");
        assertThat(phone.weight()).isZero();
    }

    @Test
    void aCommonGivenNameWeighsLessThanARareOne() {
        NameFrequencies mitchellIsCommon = (field, value) -> value.equals("mitchell") ? 0.05 : 0.0001;
        double plain = MatchModel.score(MITCHELL, copyOf(MITCHELL, "mitchell"), NameFrequencies.NONE)
                .fields().get(0).weight();
        double common = MatchModel.score(MITCHELL, copyOf(MITCHELL, "mitchell"), mitchellIsCommon)
                .fields().get(0).weight();
        assertThat(common).isLessThan(plain - 3);
        assertThat(common).isCloseTo(Math.log(0.735 / 0.05) / Math.log(2), within(1e-9));
    }

    @Test
    void aRareNameIsNotRaisedAboveTheLevelsWeight() {
        double plain = MatchModel.score(MITCHELL, copyOf(MITCHELL, "mitchell"), NameFrequencies.NONE)
                .fields().get(1).weight();
        double rare = MatchModel.score(MITCHELL, copyOf(MITCHELL, "mitchell"), (field, value) -> 0.00001)
                .fields().get(1).weight();
        assertThat(rare).isEqualTo(plain);
    }

    @Test
    void theFrequencyAsksForTheNormalisedName() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        MatchModel.score(MITCHELL, copyOf(MITCHELL, "MITCHELL"), (field, value) -> {
            asked.add(field + "=" + value);
            return 0;
        });
        assertThat(asked).containsExactly("given_name=mitchell", "family_name=green");
    }

    private static MatchRecord copyOf(MatchRecord r, String givenName) {
        return new MatchRecord(r.id() + 100, givenName, r.familyName(), r.secondFamilyName(), r.birthdate(),
                r.gender(), r.documents(), r.phones(), r.address(), r.postalCode());
    }
}
