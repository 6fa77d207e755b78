package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.populus.shared.Names;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;

/** Plain domain rules of a registrant, without a database. */
class RegistrantTest {

    static PersonalData data(LocalDate birthdate) {
        return new PersonalData("Ana", "Ana", "García", null, null, null, birthdate, null, null, null, null, null, null,
                null, LocalDate.of(2024, 1, 1), "none", null);
    }

    static Registrant registrant(List<Identifier> ids, LocalDate birthdate) {
        return new Registrant(7L, 1, RegistrantKind.INDIVIDUAL, data(birthdate), ids, List.of(), List.of(), Map.of(),
                CensusStatus.enabled(), Instant.EPOCH, Instant.EPOCH, null);
    }

    @Test
    void putIdentifierReplacesTheValueOfThatTypeKeepingItsId() {
        Registrant r = registrant(List.of(new Identifier(11L, 1, "old", null, true)), null);
        Identifier changed = r.putIdentifier(1, "new", LocalDate.of(2030, 1, 1));
        assertThat(changed.id()).isEqualTo(11L);
        assertThat(changed.primaryDocument()).isTrue();
        assertThat(r.identifiers()).containsExactly(new Identifier(11L, 1, "new", LocalDate.of(2030, 1, 1), true));
    }

    @Test
    void putIdentifierAddsATypeTheRegistrantDoesNotHave() {
        Registrant r = registrant(List.of(new Identifier(11L, 1, "a", null, false)), null);
        Identifier added = r.putIdentifier(2, "b", null);
        assertThat(added.id()).isNull();
        assertThat(r.identifiers()).hasSize(2);
    }

    @Test
    void oneIdentifierPerTypeAndOnePrimaryDocument() {
        assertThatThrownBy(() -> Registrant.checkIdentifiers(List.of(new Identifier(null, 1, "a", null, false),
                new Identifier(null, 1, "b", null, false))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.ID_TYPE_REPEATED));
        assertThatThrownBy(() -> Registrant.checkIdentifiers(List.of(new Identifier(null, 1, "a", null, true),
                new Identifier(null, 2, "b", null, true)))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void ageIsInWholeYearsAndTurnsOnTheBirthday() {
        Registrant r = registrant(List.of(), LocalDate.of(2008, 2, 29));
        assertThat(r.age(LocalDate.of(2026, 2, 27))).contains(17);
        assertThat(r.age(LocalDate.of(2026, 3, 1))).contains(18);
        assertThat(registrant(List.of(), null).age(LocalDate.now())).isEmpty();
    }

    @Test
    void displayNameIsBuiltFromTheNamePartsInOrder() {
        PersonalData d = new PersonalData(null, " Ana ", "García", "López", "María", null, null, null, null, null, null,
                null, null, null, null, null, null);
        assertThat(RegistrantRules.nameFromParts(d)).isEqualTo("Ana María García López");
    }

    @Test
    void namesNormaliseForMatching() {
        assertThat(Names.normalize("  JOSÉ   Ñúñez-Çelik ")).isEqualTo("jose nunez-celik");
        assertThat(Names.normalize(null)).isEmpty();
    }

    @Test
    void phonesBecomeE164WhenTheyCanBeParsed() {
        PhoneNumbers phones = new PhoneNumbers("IN", "");
        assertThat(phones.e164("+919876543210")).contains("+919876543210");
        assertThat(phones.e164("9876543210")).contains("+919876543210");
        assertThat(phones.e164("not a phone")).isEmpty();
        assertThat(new PhoneNumbers("ES", "").e164("0034612345678")).contains("+34612345678");
        PhoneNumbers restricted = new PhoneNumbers("ES", "\\+[0-9]{8,15}");
        assertThat(restricted.acceptable("+34612345678")).isTrue();
        assertThat(restricted.acceptable("612345678")).isFalse();
        assertThat(restricted.acceptable(" ")).isFalse();
    }
}
