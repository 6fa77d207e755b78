package org.populus.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The rules that put two records' fields on a level: names by Jaro–Winkler similarity (and whether they sound
 * alike), dates by the usual typing errors, documents, phones and postcodes exact or one typing error away.
 */
final class FieldComparators {

    static final String EXACT = "exact";
    static final String CLOSE = "close";
    static final String SIMILAR = "similar";
    static final String SWAPPED = "day_month_swapped";
    static final String ONE_ERROR = "one_typing_error";
    static final String DIFFERENT = "different";
    static final String MISSING = "missing";

    /** Jaro–Winkler at or above which two names are close (most single typing errors in a name reach it). */
    static final double CLOSE_NAME = 0.94;
    /** Jaro–Winkler at or above which two names are similar. */
    static final double SIMILAR_NAME = 0.85;
    static final double CLOSE_ADDRESS = 0.95;
    static final double SIMILAR_ADDRESS = 0.85;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private FieldComparators() {
    }

    /** Every field of the model compared, in the model's order. */
    static List<Comparison> compare(MatchRecord a, MatchRecord b) {
        List<Comparison> fields = new ArrayList<>();
        String givenA = MatchFields.key(a.givenName());
        String givenB = MatchFields.key(b.givenName());
        boolean bothSecond = !MatchFields.key(a.secondFamilyName()).isEmpty()
                && !MatchFields.key(b.secondFamilyName()).isEmpty();
        String familyA = family(a, bothSecond);
        String familyB = family(b, bothSecond);
        boolean swapped = !givenA.isEmpty() && !familyA.isEmpty() && !givenA.equals(givenB)
                && givenA.equals(familyB) && familyA.equals(givenB);
        if (swapped) {
            String label = "exact (given and family names swapped)";
            fields.add(new Comparison("given_name", EXACT, label, null));
            fields.add(new Comparison("family_name", EXACT, label, null));
        } else {
            fields.add(name("given_name", givenA, givenB));
            fields.add(name("family_name", familyA, familyB));
        }
        fields.add(birthdate(a.birthdate(), b.birthdate()));
        fields.add(identifiers("document", MatchFields.documentKeys(a.documents()),
                MatchFields.documentKeys(b.documents())));
        fields.add(identifiers("phone", MatchFields.phoneKeys(a.phones()), MatchFields.phoneKeys(b.phones())));
        Comparison address = address(MatchFields.key(a.address()), MatchFields.key(b.address()));
        fields.add(address);
        // a postcode is part of the address: when the addresses agree, it says nothing more
        fields.add(address.level().equals(DIFFERENT) || address.level().equals(MISSING)
                ? identifiers("postcode", MatchFields.documentKeys(listOf(a.postalCode())),
                        MatchFields.documentKeys(listOf(b.postalCode())))
                : Comparison.of("postcode", MISSING, "not counted (the address agrees)"));
        fields.add(gender(MatchFields.key(a.gender()), MatchFields.key(b.gender())));
        return fields;
    }

    /** The family name, followed by the second family name only when both records have one to compare. */
    private static String family(MatchRecord r, boolean withSecond) {
        String family = MatchFields.key(r.familyName());
        return withSecond ? (family + " " + MatchFields.key(r.secondFamilyName())).strip() : family;
    }

    static Comparison name(String field, String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Comparison.of(field, MISSING);
        }
        if (a.equals(b)) {
            return new Comparison(field, EXACT, EXACT, a);
        }
        double similarity = JARO_WINKLER.apply(a, b);
        String jw = String.format(Locale.ROOT, "(Jaro-Winkler %.2f)", similarity);
        if (similarity >= CLOSE_NAME) {
            return Comparison.of(field, CLOSE, "close " + jw);
        }
        if (similarity >= SIMILAR_NAME) {
            return Comparison.of(field, SIMILAR, "similar " + jw);
        }
        if (METAPHONE.isDoubleMetaphoneEqual(a, b) || METAPHONE.isDoubleMetaphoneEqual(a, b, true)) {
            return Comparison.of(field, SIMILAR, "sounds alike (Double Metaphone) " + jw);
        }
        return Comparison.of(field, DIFFERENT, "different " + jw);
    }

    static Comparison birthdate(LocalDate a, LocalDate b) {
        String field = "birthdate";
        if (a == null || b == null) {
            return Comparison.of(field, MISSING);
        }
        if (a.equals(b)) {
            return Comparison.of(field, EXACT);
        }
        if (a.getYear() == b.getYear() && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue()) {
            return Comparison.of(field, SWAPPED, "day and month swapped");
        }
        if (oneTypingError(a.toString(), b.toString())) {
            return Comparison.of(field, ONE_ERROR, "one digit wrong or two swapped");
        }
        return Comparison.of(field, DIFFERENT);
    }

    static Comparison identifiers(String field, List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Comparison.of(field, MISSING);
        }
        if (a.stream().anyMatch(b::contains)) {
            return Comparison.of(field, EXACT);
        }
        for (String x : a) {
            for (String y : b) {
                if (oneTypingError(x, y)) {
                    return Comparison.of(field, ONE_ERROR, "one character wrong, missing or two swapped");
                }
            }
        }
        return Comparison.of(field, DIFFERENT);
    }

    static Comparison address(String a, String b) {
        String field = "address";
        if (a.isEmpty() || b.isEmpty()) {
            return Comparison.of(field, MISSING);
        }
        if (a.equals(b)) {
            return Comparison.of(field, EXACT);
        }
        double similarity = JARO_WINKLER.apply(a, b);
        String jw = String.format(Locale.ROOT, "(Jaro-Winkler %.2f)", similarity);
        if (similarity >= CLOSE_ADDRESS) {
            return Comparison.of(field, CLOSE, "close " + jw);
        }
        if (similarity >= SIMILAR_ADDRESS) {
            return Comparison.of(field, SIMILAR, "similar " + jw);
        }
        return Comparison.of(field, DIFFERENT, "different " + jw);
    }

    static Comparison gender(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Comparison.of("gender", MISSING);
        }
        return Comparison.of("gender", a.equals(b) ? EXACT : DIFFERENT);
    }

    /** One substitution, insertion or deletion (Levenshtein), or two neighbouring characters swapped. */
    static boolean oneTypingError(String a, String b) {
        if (ONE_EDIT.apply(a, b) == 1) {
            return true;
        }
        if (a.length() != b.length()) {
            return false;
        }
        int first = 0;
        while (first < a.length() && a.charAt(first) == b.charAt(first)) {
            first++;
        }
        return first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
