package org.populus.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.datafaker.Faker;
import org.junit.jupiter.api.Test;

class RegistrationErrorsTest {

    private final Faker faker = SpanishPeople.faker(1);
    private final RegistrationErrors errors = new RegistrationErrors(faker.random(), new SpanishPeople(faker));
    private final SpanishRecord ana = new SpanishRecord(1, "Ana", "Magaña", "Alemán", "female",
            LocalDate.of(1939, 9, 7), "26498235G", "+34 626 623 597", "Vía Lucas 3, Lugo", "27001");

    @Test
    void swappedFamilyNamesExchangeFirstAndSecond() {
        SpanishRecord r = errors.apply(RegistrationErrors.Kind.FAMILY_NAMES_SWAPPED, ana);
        assertEquals("Alemán", r.familyName());
        assertEquals("Magaña", r.secondFamilyName());
    }

    @Test
    void dayAndMonthAreSwappedOnlyWhenBothAreTwelveOrLess() {
        assertEquals(LocalDate.of(1939, 7, 9),
                errors.apply(RegistrationErrors.Kind.BIRTHDATE_DAY_MONTH_SWAPPED, ana).birthdate());
        assertNull(errors.apply(RegistrationErrors.Kind.BIRTHDATE_DAY_MONTH_SWAPPED,
                ana.withBirthdate(LocalDate.of(1939, 9, 17))));
    }

    @Test
    void accentsAreLostFromANamePartThatHasThem() {
        assertEquals("Aleman", errors.accents("Alemán"));
    }

    @Test
    void anAccentIsAddedToANamePartWithoutAnyAndTheEnyeStays() {
        String added = errors.accents("Magaña");
        assertNotEquals("Magaña", added);
        assertTrue(added.contains("ñ"), added);
        assertEquals("Magaña", errors.accents(added));
    }

    @Test
    void aSilentHAddedTakesTheCapital() {
        // "Ana" offers one place only for a spelling variant: an h before the initial vowel
        assertEquals("Hana", errors.spellingVariant("Ana"));
    }

    @Test
    void aDniTypoChangesExactlyOneCharacter() {
        String typo = errors.dniTypo("26498235G");
        int differences = 0;
        for (int i = 0; i < 9; i++) {
            differences += typo.charAt(i) == "26498235G".charAt(i) ? 0 : 1;
        }
        assertEquals(1, differences);
    }

    @Test
    void everyRepeatCarriesOneToThreeMistakesAndDiffers() {
        for (int i = 0; i < 200; i++) {
            RegistrationErrors.Applied a = errors.apply(ana);
            assertTrue(a.kinds().size() >= 1 && a.kinds().size() <= 3, a.kinds().toString());
            assertNotEquals(ana, a.record());
            assertEquals(ana.personId(), a.record().personId());
        }
    }
}
