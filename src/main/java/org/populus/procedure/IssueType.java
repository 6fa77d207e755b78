package org.populus.procedure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Duplicates and fraud signals that hold a person's procedures for staff review. */
public enum IssueType {
    /** Another person holds the same document (type, scope and id). */
    DUPLICATED_DOCUMENT,
    /** Another person has the same birth date and normalized full name. */
    DUPLICATED_PERSON,
    /** The email's domain is on the untrusted list. */
    UNTRUSTED_EMAIL,
    /** The phone is on the untrusted list or starts with an untrusted prefix. */
    UNTRUSTED_PHONE,
    /**
     * The matching model scores another person at or above the threshold: names, birth date, documents, phones or
     * address alike though not identical (typing errors, a missing second family name, a day and month swapped).
     */
    POSSIBLE_DUPLICATE,
    /** Someone else already verified this phone (checked when a not identity-verified person verifies it). */
    DUPLICATED_VERIFIED_PHONE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IssueType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
