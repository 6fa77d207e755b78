package org.populus.api.web;

import java.util.Arrays;

/** A client's value as an error message may quote it: short, one line, never a Java object's {@code toString}. */
public final class Quoted {

    /** The longest quote, in characters, before an ellipsis. */
    public static final int MAX = 40;

    private Quoted() {
    }

    /**
     * At most {@link #MAX} characters and an ellipsis, control characters as {@code ?}; arrays (a repeated
     * parameter) as their elements joined by commas.
     */
    public static String value(Object value) {
        String s = value == null ? "" : value instanceof Object[] array
                ? String.join(",", Arrays.stream(array).map(String::valueOf).toList())
                : String.valueOf(value);
        if (s.length() > MAX) {
            s = s.substring(0, Character.isHighSurrogate(s.charAt(MAX - 1)) ? MAX - 1 : MAX) + "…";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
