package org.populus.bench.accuracy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.datafaker.service.RandomService;

/**
 * The mistakes a second registration of the same person carries, as they happen at a registry's counter: a name
 * left out, swapped, misspelt the way Spanish is misspelt, accents lost, a key hit twice; a document or birth date
 * mistyped; a phone or an address that changed. {@link #apply} picks one to three different kinds, weighted by
 * {@link Kind#weight}, and applies them; a kind that cannot change this record (no second family name to drop,
 * no accent to lose) is replaced by another.
 */
final class RegistrationErrors {

    /** A kind of mistake and how often it is drawn (weights add up to 100). */
    enum Kind {
        NAME_TYPO(20, "a typing error in a name: one letter substituted, dropped, doubled or two swapped"),
        SPELLING_VARIANT(14, "a spelling variant in a name: b↔v, ll↔y, ce/ci↔ze/zi, ge/gi↔je/ji, silent h lost or added"),
        ACCENTS(14, "accents lost (every accent of a name part) or one added where there was none"),
        SECOND_FAMILY_NAME_MISSING(10, "the second family name left out"),
        FAMILY_NAMES_SWAPPED(6, "the two family names swapped"),
        DNI_TYPO(7, "one character of the DNI mistyped"),
        DNI_MISSING(4, "no DNI"),
        BIRTHDATE_DAY_MONTH_SWAPPED(5, "day and month of birth swapped (only when both are 12 or less)"),
        BIRTHDATE_DIGIT(6, "one digit of the birth date off"),
        PHONE_DIFFERENT(4, "another mobile phone"),
        PHONE_MISSING(4, "no phone"),
        MOVED(6, "another address and postcode (moved)");

        final int weight;
        final String description;

        Kind(int weight, String description) {
            this.weight = weight;
            this.description = description;
        }
    }

    /** A duplicate and the mistakes it carries. */
    record Applied(SpanishRecord record, Set<Kind> kinds) {
    }

    private static final String PLAIN_VOWELS = "aeiouAEIOU";
    private static final String ACCENTED_VOWELS = "áéíóúÁÉÍÓÚ";
    private static final List<Variant> VARIANTS = List.of(
            new Variant("b", "v"), new Variant("v", "b"), new Variant("B", "V"), new Variant("V", "B"),
            new Variant("ll", "y"), new Variant("Ll", "Y"), new Variant("y(?=[aeiouáéíóú])", "ll"),
            new Variant("Y(?=[aeiouáéíóú])", "Ll"),
            new Variant("c(?=[eiéí])", "z"), new Variant("z(?=[eiéí])", "c"),
            new Variant("g(?=[eiéí])", "j"), new Variant("j(?=[eiéí])", "g"),
            new Variant("G(?=[eiéí])", "J"), new Variant("J(?=[eiéí])", "G"),
            new Variant("(?<=[aeiouáéíóú])h(?=[aeiouáéíóú])", ""), new Variant("\\bH(?=[aeiouáéíóú])", ""),
            new Variant("\\b(?=[AEIOUÁÉÍÓÚ])", "H"));

    private record Variant(Pattern pattern, String replacement) {
        Variant(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    private final RandomService random;
    private final SpanishPeople people;

    RegistrationErrors(RandomService random, SpanishPeople people) {
        this.random = random;
        this.people = people;
    }

    /** A copy of {@code original} with one to three mistakes of different kinds (1: 50 %, 2: 35 %, 3: 15 %). */
    Applied apply(SpanishRecord original) {
        int u = random.nextInt(100);
        int wanted = u < 50 ? 1 : u < 85 ? 2 : 3;
        Set<Kind> done = EnumSet.noneOf(Kind.class);
        Set<Kind> tried = EnumSet.noneOf(Kind.class);
        SpanishRecord r = original;
        while (done.size() < wanted && tried.size() < Kind.values().length) {
            Kind k = draw(tried);
            tried.add(k);
            SpanishRecord changed = apply(k, r);
            if (changed != null && !changed.equals(r)) {
                r = changed;
                done.add(k);
            }
        }
        return new Applied(r, done);
    }

    private Kind draw(Set<Kind> excluded) {
        int total = 0;
        for (Kind k : Kind.values()) {
            total += excluded.contains(k) ? 0 : k.weight;
        }
        int u = random.nextInt(total);
        for (Kind k : Kind.values()) {
            if (!excluded.contains(k)) {
                u -= k.weight;
                if (u < 0) {
                    return k;
                }
            }
        }
        throw new IllegalStateException("no kind left");
    }

    /** The record with this mistake, or null when it cannot have it. */
    SpanishRecord apply(Kind kind, SpanishRecord r) {
        return switch (kind) {
            case NAME_TYPO -> inOneName(r, this::typo);
            case SPELLING_VARIANT -> inOneName(r, this::spellingVariant);
            case ACCENTS -> inOneName(r, this::accents);
            case SECOND_FAMILY_NAME_MISSING -> r.secondFamilyName() == null ? null
                    : r.withNames(r.givenName(), r.familyName(), null);
            case FAMILY_NAMES_SWAPPED -> r.secondFamilyName() == null
                    || r.secondFamilyName().equals(r.familyName()) ? null
                    : r.withNames(r.givenName(), r.secondFamilyName(), r.familyName());
            case DNI_TYPO -> r.dni() == null ? null : r.withDni(dniTypo(r.dni()));
            case DNI_MISSING -> r.dni() == null ? null : r.withDni(null);
            case BIRTHDATE_DAY_MONTH_SWAPPED -> dayMonthSwapped(r);
            case BIRTHDATE_DIGIT -> r.birthdate() == null ? null : r.withBirthdate(digitOff(r.birthdate()));
            case PHONE_DIFFERENT -> r.withPhone(people.mobile());
            case PHONE_MISSING -> r.phone() == null ? null : r.withPhone(null);
            case MOVED -> r.withAddress(people.address(), people.postalCode());
        };
    }

    private interface NameChange {
        /** The changed name, or null when this change cannot apply to it. */
        String change(String name);
    }

    /** Applies the change to one of the name parts it can change, chosen at random. */
    private SpanishRecord inOneName(SpanishRecord r, NameChange change) {
        String[] parts = {r.givenName(), r.familyName(), r.secondFamilyName()};
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        for (int p : order) {
            if (parts[p] == null) {
                continue;
            }
            String changed = change.change(parts[p]);
            if (changed != null && !changed.equals(parts[p]) && !changed.isBlank()) {
                parts[p] = changed;
                return r.withNames(parts[0], parts[1], parts[2]);
            }
        }
        return null;
    }

    /** One letter substituted, dropped, doubled, or two neighbours transposed. */
    String typo(String name) {
        int n = name.length();
        if (n < 2) {
            return null;
        }
        int i = random.nextInt(n);
        String typed = switch (random.nextInt(4)) {
            case 0 -> name.substring(0, i) + (char) ('a' + random.nextInt(26)) + name.substring(i + 1);
            case 1 -> name.substring(0, i) + name.substring(i + 1);
            case 2 -> name.substring(0, i + 1) + name.charAt(i) + name.substring(i + 1);
            default -> {
                int j = Math.min(i, n - 2);
                yield name.substring(0, j) + name.charAt(j + 1) + name.charAt(j) + name.substring(j + 2);
            }
        };
        // a capital stays where it was typed: "Lucas" → "Luacs", "Ulcas", never "uLcas"
        if (typed.length() > 1 && Character.isUpperCase(name.charAt(0))) {
            typed = Character.toUpperCase(typed.charAt(0)) + (Character.isUpperCase(name.charAt(1)) ? typed.substring(1)
                    : Character.toLowerCase(typed.charAt(1)) + typed.substring(2));
        }
        return typed;
    }

    /** One of the variants that apply to this name, at one of the places it applies. */
    String spellingVariant(String name) {
        record Place(Variant variant, int start, int end) {
        }
        List<Place> places = new ArrayList<>();
        for (Variant v : VARIANTS) {
            Matcher m = v.pattern().matcher(name);
            while (m.find()) {
                places.add(new Place(v, m.start(), m.end()));
            }
        }
        if (places.isEmpty()) {
            return null;
        }
        Place p = places.get(random.nextInt(places.size()));
        String replacement = p.variant().replacement();
        String before = name.substring(0, p.start());
        String after = name.substring(p.end());
        if (replacement.equals("H")) {
            // "Ernesto" → "Hernesto": the added h takes the capital
            return before + "H" + Character.toLowerCase(after.charAt(0)) + after.substring(1);
        }
        if (replacement.isEmpty() && name.charAt(p.start()) == 'H') {
            // "Hernández" → "Ernández": the next letter takes the capital
            return before + Character.toUpperCase(after.charAt(0)) + after.substring(1);
        }
        return before + replacement + after;
    }

    /** Every accent of the name dropped when it has some, else an accent on one of its vowels. */
    String accents(String name) {
        StringBuilder plain = new StringBuilder(name.length());
        boolean had = false;
        for (char c : name.toCharArray()) {
            int a = ACCENTED_VOWELS.indexOf(c);
            had |= a >= 0;
            plain.append(a >= 0 ? PLAIN_VOWELS.charAt(a) : c);
        }
        if (had) {
            return plain.toString();
        }
        List<Integer> vowels = new ArrayList<>();
        for (int i = 0; i < name.length(); i++) {
            if (PLAIN_VOWELS.indexOf(name.charAt(i)) >= 0) {
                vowels.add(i);
            }
        }
        if (vowels.isEmpty()) {
            return null;
        }
        int i = vowels.get(random.nextInt(vowels.size()));
        return name.substring(0, i) + ACCENTED_VOWELS.charAt(PLAIN_VOWELS.indexOf(name.charAt(i)))
                + name.substring(i + 1);
    }

    /** One of the nine characters replaced by another of its sort (digit for digit, letter for letter). */
    String dniTypo(String dni) {
        int i = random.nextInt(dni.length());
        char c = dni.charAt(i);
        char other;
        if (Character.isDigit(c)) {
            other = (char) ('0' + (c - '0' + 1 + random.nextInt(9)) % 10);
        } else {
            String letters = SpanishPeople.DNI_LETTERS;
            other = letters.charAt((letters.indexOf(c) + 1 + random.nextInt(letters.length() - 1)) % letters.length());
        }
        return dni.substring(0, i) + other + dni.substring(i + 1);
    }

    private static SpanishRecord dayMonthSwapped(SpanishRecord r) {
        LocalDate d = r.birthdate();
        if (d == null || d.getDayOfMonth() > 12 || d.getDayOfMonth() == d.getMonthValue()) {
            return null;
        }
        return r.withBirthdate(LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()));
    }

    /** The date with one of its eight digits changed, still a real date and not in the future. */
    LocalDate digitOff(LocalDate date) {
        String digits = String.format(Locale.ROOT, "%04d%02d%02d", date.getYear(), date.getMonthValue(),
                date.getDayOfMonth());
        for (int attempt = 0; attempt < 50; attempt++) {
            int i = random.nextInt(digits.length());
            char c = (char) ('0' + (digits.charAt(i) - '0' + 1 + random.nextInt(9)) % 10);
            String s = digits.substring(0, i) + c + digits.substring(i + 1);
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                        Integer.parseInt(s.substring(6)));
                if (!d.isAfter(LocalDate.of(2025, 12, 31)) && d.getYear() >= 1900) {
                    return d;
                }
            } catch (DateTimeException e) {
                // not a date: try another digit
            }
        }
        return date;
    }
}
