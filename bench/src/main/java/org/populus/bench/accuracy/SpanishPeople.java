package org.populus.bench.accuracy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import net.datafaker.Faker;

/**
 * Distinct Spanish people drawn with Datafaker's {@code es} locale: given name (which also gives the sex), two
 * family names, birth date, a valid DNI, a mobile phone, a street address with its town and a postcode. Every
 * draw goes through one seeded {@link Faker}, so the same seed and the same sequence of calls give the same people.
 */
final class SpanishPeople {

    /** The DNI check letters, indexed by the number modulo 23 (Spanish Ministry of the Interior). */
    static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final long FIRST_BIRTH_DAY = LocalDate.of(1930, 1, 1).toEpochDay();
    private static final long LAST_BIRTH_DAY = LocalDate.of(2020, 12, 31).toEpochDay();

    private final Faker faker;
    private final Set<Integer> dniNumbersGiven = new HashSet<>();

    SpanishPeople(Faker faker) {
        this.faker = faker;
    }

    /** A Faker of the {@code es} locale whose every draw depends only on the seed. */
    static Faker faker(long seed) {
        return new Faker(Locale.forLanguageTag("es"), new java.util.Random(seed));
    }

    /** A valid DNI: 8 digits and the check letter of that number. */
    static String dni(int number) {
        return String.format(Locale.ROOT, "%08d%c", number, DNI_LETTERS.charAt(number % 23));
    }

    /** A new person; the DNI is one no earlier person of this generator has. */
    SpanishRecord person(long personId) {
        boolean female = faker.random().nextBoolean();
        String given = female ? faker.name().femaleFirstName() : faker.name().maleFirstName();
        String family = faker.name().lastName();
        String second = faker.name().lastName();
        LocalDate birth = LocalDate.ofEpochDay(faker.random().nextLong(FIRST_BIRTH_DAY, LAST_BIRTH_DAY));
        int number;
        do {
            number = faker.random().nextInt(0, 99_999_999);
        } while (!dniNumbersGiven.add(number));
        return new SpanishRecord(personId, given, family, second, female ? "female" : "male", birth, dni(number),
                mobile(), address(), postalCode());
    }

    /** A Spanish mobile number as clerks write it: {@code +34 6xx xxx xxx}. */
    String mobile() {
        return faker.numerify("+34 6## ### ###");
    }

    /** A street address (type, name, number, sometimes a door) and its town. */
    String address() {
        return faker.address().streetAddress() + ", " + faker.address().city();
    }

    /** A postcode of a Spanish province: 01 to 52, then three digits. */
    String postalCode() {
        return String.format(Locale.ROOT, "%02d", faker.random().nextInt(1, 52)) + faker.numerify("###");
    }
}
