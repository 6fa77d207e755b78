package org.populus.person;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normal forms of identity document values as Census registration stores them: upper case, without non-word
 * characters or {@code _}; a dni is left-padded with zeros to 9 characters when it ends in a letter, else to 8.
 */
public final class DocumentIds {

    private DocumentIds() {
    }

    /** Upper case, only letters and digits. */
    public static String clean(String value) {
        return value == null ? "" : value.toUpperCase(Locale.ROOT).replaceAll("[\\W_]", "");
    }

    /** The dni normal form: {@code 1R} → {@code 00000001R}, {@code 123} → {@code 00000123}. */
    public static String dni(String value) {
        String v = clean(value);
        if (v.isEmpty()) {
            return v;
        }
        int width = Character.isLetter(v.charAt(v.length() - 1)) ? 9 : 8;
        return v.length() >= width ? v : "0".repeat(width - v.length()) + v;
    }

    /** The nie normal form: the first character kept, the rest padded like a dni ({@code X1R} → {@code X0000001R}). */
    public static String nie(String value) {
        String v = clean(value);
        if (v.length() < 2) {
            return v;
        }
        String rest = v.substring(1);
        int width = Character.isLetter(rest.charAt(rest.length() - 1)) ? 8 : 7;
        return v.charAt(0) + (rest.length() >= width ? rest : "0".repeat(width - rest.length()) + rest);
    }

    /** What a document lookup tries: the dni and nie normal forms and the plain upper-cased value. */
    public static List<String> candidates(String value) {
        Set<String> set = new LinkedHashSet<>();
        set.add(dni(value));
        String clean = clean(value);
        if (!clean.isEmpty() && Character.isLetter(clean.charAt(0))) {
            set.add(nie(value));
        }
        set.add(value.strip().toUpperCase(Locale.ROOT));
        set.add(value.strip());
        set.remove("");
        return List.copyOf(set);
    }
}
