package org.populus.api.admin;

/**
 * Checks made on request bodies before they reach the domain: required fields, and sizes and characters
 * the database cannot store (so that such input is a 422, never a 500).
 */
final class Checks {

    /** Longest name, code or label; longer values would not fit a unique index entry. */
    static final int MAX_NAME = 200;
    static final int MAX_REGEX = 1_000;
    static final int MAX_DESCRIPTION = 10_000;

    private Checks() {
    }

    /** A body is required (a literal {@code null} body is as bad as none). */
    static <T> T body(T body) {
        if (body == null) {
            throw AdminProblem.badRequest(null, "A JSON object body is required.");
        }
        return body;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw AdminProblem.invalid(field, "Field '" + field + "' is required.");
        }
        return value;
    }

    static int version(Integer version) {
        int v = required(version, "version");
        if (v < 0) {
            throw AdminProblem.invalid("version", "Field 'version' must not be negative.");
        }
        return v;
    }

    /** Optional text: at most {@code max} characters and no NUL character. */
    static String text(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw AdminProblem.invalid(field, "Field '" + field + "' is longer than " + max + " characters.");
        }
        if (value.indexOf('\u0000') >= 0) {
            throw AdminProblem.invalid(field, "Field '" + field + "' must not contain the NUL character.");
        }
        return value;
    }

    /** A client's value as quoted back in a message: at most 40 characters (see {@link org.populus.api.web.Quoted}). */
    static String shown(String value) {
        return value == null ? null : org.populus.api.web.Quoted.value(value);
    }

    /** Required, non-blank text (the domain checks blankness too; this names the field). */
    static String name(String value, String field) {
        if (value == null || value.isBlank()) {
            throw AdminProblem.invalid(field, "Field '" + field + "' is required and must not be blank.");
        }
        return text(value, field, MAX_NAME);
    }
}
