package org.populus.shared;

/** The registry rules a change can break. Each API adapter maps them onto its own error format. */
public enum Rule {
    NAME_MISSING,
    ID_TYPE_MISSING,
    ID_TYPE_UNKNOWN,
    ID_VALUE_MISSING,
    ID_VALUE_INVALID,
    ID_TYPE_REPEATED,
    ID_ALREADY_REGISTERED,
    GENDER_UNKNOWN,
    PHONE_INVALID,
    EMAIL_INVALID,
    FUTURE_DATE,
    /** A date outside its range ({@link DateRanges}); a day after today where only past days are allowed is
     * {@link #FUTURE_DATE}. */
    DATE_OUT_OF_RANGE,
    PROGRAMME_UNKNOWN,
    PROGRAMME_REPEATED,
    NOTIFICATION_PREFERENCE_INVALID,
    GROUP_KIND_INVALID,
    GROUP_KIND_UNKNOWN,
    MEMBER_KIND_UNKNOWN,
    UNIQUE_MEMBER_KIND_TAKEN,
    MEMBER_REPEATED,
    REGISTRANT_NOT_FOUND,
    /** A text longer than its field's limit ({@link TextLimits}); the value is the limit. */
    TEXT_TOO_LONG,
    /** A text holding a character the registry cannot store (NUL). */
    TEXT_INVALID,
    /** Additional information with more keys than {@link TextLimits#ADDITIONAL_INFO_KEYS}. */
    TOO_MANY_KEYS,
    /** A state-machine event that is not allowed from the current state, or whose guard fails. */
    TRANSITION_NOT_ALLOWED
}
