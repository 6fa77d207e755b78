package org.populus.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Census API registrations as the real client (the Decidim connector) sends them: form-urlencoded, the person's
 * fields under {@code person[…]}, {@code origin_qualified_id} at the root.
 *
 * <p>Registration {@code n} (a number from 1 to 99,999,999 handed in by the caller, never reused within a run and
 * above every DNI already stored) gets a distinct valid DNI ({@code n} on 8 digits + its check letter), a distinct
 * second family name spelled from {@code n} in syllables (so the full name + birth date is distinct), a distinct
 * e-mail at example.org/.com/.net and {@code origin_qualified_id=n@bench}: nothing in it matches anyone else, so the
 * duplicate checks raise no issue and auto-processing enables the person. No phone (the connector's data form has
 * none), so the untrusted-phone check never fires either. Names, gender, birth date and address come from the
 * synthetic population ({@link PersonGenerator}).
 */
final class CensusPeople {

    static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    static final long MAX_NUMBER = 99_999_999L;
    private static final String CONSONANTS = "bcdfglmnprstvz";
    private static final String VOWELS = "aeiou";
    /** Offset into the synthetic population so Census people do not repeat the loaded individuals' names. */
    private static final long INDEX_OFFSET = 3_000_000_000L;

    private final PersonGenerator generator;

    CensusPeople(PersonGenerator generator) {
        this.generator = generator;
    }

    /** The Spanish DNI of number {@code n}: 8 digits and the check letter {@code n mod 23}. */
    static String dni(long n) {
        if (n < 0 || n > MAX_NUMBER) {
            throw new IllegalArgumentException("DNI number out of range (8 digits): " + n);
        }
        return String.format(Locale.ROOT, "%08d%c", n, DNI_LETTERS.charAt((int) (n % 23)));
    }

    /**
     * A family name that only number {@code n} gets: {@code n} in base 70 written as consonant-vowel syllables
     * (e.g. "Bazotile"), capitalised. Injective: distinct numbers give distinct names.
     */
    static String uniqueSurname(long n) {
        StringBuilder sb = new StringBuilder();
        long v = n;
        int base = CONSONANTS.length() * VOWELS.length();
        do {
            int d = (int) (v % base);
            sb.append(CONSONANTS.charAt(d / VOWELS.length())).append(VOWELS.charAt(d % VOWELS.length()));
            v /= base;
        } while (v > 0);
        // a fixed-length tail keeps short numbers from looking like prefixes of longer ones
        sb.append('n');
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }

    PersonGenerator.Person person(long n) {
        return generator.person(INDEX_OFFSET + n);
    }

    /** The form body of {@code POST /api/v1/{locale}/people} for registration {@code n}. */
    String registrationForm(long n) {
        PersonGenerator.Person p = person(n);
        String lastName2 = uniqueSurname(n);
        String email = PersonGenerator.ascii(p.givenName()) + "." + PersonGenerator.ascii(lastName2) + n + "@"
                + Names.MAIL_DOMAINS[(int) (n % Names.MAIL_DOMAINS.length)];
        Form f = new Form();
        f.add("person[first_name]", p.givenName())
                .add("person[last_name1]", p.familyName())
                .add("person[last_name2]", lastName2)
                .add("person[document_type]", "dni")
                .add("person[document_id]", dni(n))
                .add("person[document_scope_code]", "ES")
                .add("person[born_at]", p.birthdate().toString())
                .add("person[gender]", p.gender())
                .add("person[address]", p.address())
                .add("person[address_scope_code]", "ES")
                .add("person[postal_code]", postalCode(n))
                .add("person[email]", email)
                .add("person[scope_code]", "ES")
                .add("origin_qualified_id", n + "@bench");
        return f.toString();
    }

    /** The form body of a data change moving the person to a new address (one accepted change = one version). */
    static String addressChangeForm(long n, int change) {
        return new Form().add("person[address]", changedAddress(n, change)).toString();
    }

    static String changedAddress(long n, int change) {
        return "Calle de la Historia " + change + ", " + (n % 97 + 1) + "º";
    }

    /** A Spanish postal code (5 digits; the scope ES has no province mapping to check it against). */
    static String postalCode(long n) {
        return String.format(Locale.ROOT, "%02d%03d", 1 + n % 52, n % 1000);
    }

    /** {@code application/x-www-form-urlencoded}: UTF-8, brackets and spaces encoded as a browser or Faraday does. */
    static final class Form {
        private final StringBuilder sb = new StringBuilder(512);

        Form add(String name, String value) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
