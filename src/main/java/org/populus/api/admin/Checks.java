package org.populus.api.admin;

/**
 * What request bodies share beyond their fields' constraints (those are on the body records, refused by
 * {@link AdminErrors}): the limits the constraints use, the required body, and how a client's value is quoted back.
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

    /** A client's value as quoted back in a message: at most 40 characters (see {@link org.populus.api.web.Quoted}). */
    static String shown(String value) {
        return value == null ? null : org.populus.api.web.Quoted.value(value);
    }
}
