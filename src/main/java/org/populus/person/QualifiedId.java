package org.populus.person;

import java.util.List;
import java.util.Optional;

/**
 * A Census qualified identifier, {@code <id>@<system>}: {@code N@census} is registrant N, {@code <doc>@document_id}
 * a person by their primary document, any other system an external id stored as {@code {"<system>": N}}.
 */
public sealed interface QualifiedId {

    String CENSUS = "census";
    String DOCUMENT_ID = "document_id";

    record Census(long id) implements QualifiedId {
    }

    record External(String system, long id) implements QualifiedId {
    }

    record Document(String value) implements QualifiedId {

        /** The values to look for: the dni and nie normal forms and the plain upper-cased form, without repeats. */
        public List<String> candidates() {
            return DocumentIds.candidates(value);
        }
    }

    /**
     * Parses a qualified id; empty when it can never name anyone ({@code ""}, {@code "0"}, no system, a
     * non-positive or non-numeric id). Like the original, a numeric prefix counts: {@code "12abc@census"} is 12.
     */
    static Optional<QualifiedId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int at = text.indexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String id = text.substring(0, at);
        String system = text.substring(at + 1);
        int second = system.indexOf('@');
        if (second >= 0) {
            system = system.substring(0, second);
        }
        if (system.isEmpty()) {
            return Optional.empty();
        }
        if (system.equals(DOCUMENT_ID)) {
            return id.isBlank() ? Optional.empty() : Optional.of(new Document(id));
        }
        long n = leadingInteger(id);
        if (n <= 0) {
            return Optional.empty();
        }
        return Optional.of(system.equals(CENSUS)
                ? new Census(n) : new External(system, n));
    }

    /** Ruby's {@code String#to_i}: optional blanks and sign, then digits; 0 when none, or when beyond a {@code long}. */
    private static long leadingInteger(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long n = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            try {
                n = Math.addExact(Math.multiplyExact(n, 10), s.charAt(i) - '0');
            } catch (ArithmeticException e) {
                return 0;
            }
            i++;
        }
        return negative ? -n : n;
    }
}
