package org.populus.shared;

/**
 * The longest text the registry stores in each kind of field, in characters (Unicode code points), and the checks
 * every surface relies on: a value over its limit, or holding a NUL character (PostgreSQL text cannot), is refused
 * before anything is written. The limits keep each record, and so each version kept in history, bounded; identifier
 * values stay far below what a unique index entry can hold.
 */
public final class TextLimits {

    /** Given, family, second family and additional names. */
    public static final int NAME_PART = 100;
    /** A registrant's display name (an individual's full name, a group's name). */
    public static final int DISPLAY_NAME = 300;
    public static final int BIRTH_PLACE = 200;
    /** RFC 5321's limit for an address in a mail transaction. */
    public static final int EMAIL = 254;
    public static final int ADDRESS = 500;
    public static final int POSTAL_CODE = 20;
    /** An identity document's value (ID number). */
    public static final int IDENTIFIER_VALUE = 100;
    /** A phone number as given. */
    public static final int PHONE = 30;
    /** Additional information: the whole JSON document, serialized. */
    public static final int ADDITIONAL_INFO = 10_000;
    /** Additional information: the number of keys. */
    public static final int ADDITIONAL_INFO_KEYS = 50;
    /** Additional information: one key. */
    public static final int ADDITIONAL_INFO_KEY = 100;
    /** A reason or comment (cancellations, reviews, issue resolutions). */
    public static final int COMMENT = 10_000;
    /** A document verification file's name. */
    public static final int FILENAME = 255;
    /** A short code or label given with a request (a cancellation's channel, a gender code). */
    public static final int LABEL = 200;

    private TextLimits() {
    }

    /** Characters in the text (code points; a null text has none). */
    public static int length(String value) {
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    public static boolean tooLong(String value, int max) {
        return value != null && (value.length() > max && length(value) > max);
    }

    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    /**
     * Whether the text holds a control character (C0, DEL or C1, tab and line breaks included): names, codes and
     * labels are single-line text, and such characters in them only hide or forge what is shown.
     */
    public static boolean hasControl(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }

    /**
     * Whether the text holds a control character other than a tab or a line break (C0 but those, DEL or C1): the
     * check for text that may run over several lines, such as a scope's translated names, where the other
     * control characters only hide or forge what is shown.
     */
    public static boolean hasControlBesidesLineBreaks(String value) {
        return value != null && value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n'
                && c != '\r');
    }

    /**
     * The value if it fits: null stays null.
     *
     * @throws RuleViolation {@link Rule#TEXT_TOO_LONG} over {@code max}, {@link Rule#TEXT_INVALID} with a NUL
     */
    public static String check(String field, String value, int max) {
        if (tooLong(value, max)) {
            throw new RuleViolation(Rule.TEXT_TOO_LONG, field, String.valueOf(max),
                    "Field '" + field + "' is longer than " + max + " characters.");
        }
        if (hasNul(value)) {
            throw new RuleViolation(Rule.TEXT_INVALID, field, null,
                    "Field '" + field + "' must not contain the NUL character.");
        }
        return value;
    }

    /** A client's value as quoted back in a message: at most 40 characters. */
    public static String shown(String value) {
        if (value == null || value.length() <= 40) {
            return value;
        }
        return value.substring(0, Character.isHighSurrogate(value.charAt(39)) ? 39 : 40) + "…";
    }
}
