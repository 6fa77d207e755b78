package org.populus.procedure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of procedure, and whether the queue may accept them without staff. */
public enum ProcedureType {
    REGISTRATION(true),
    PERSON_DATA_CHANGE(true),
    CANCELLATION(true),
    MEMBERSHIP_LEVEL_CHANGE(true),
    DOCUMENT_VERIFICATION(false),
    PHONE_VERIFICATION(true);

    private final boolean autoProcessed;

    ProcedureType(boolean autoProcessed) {
        this.autoProcessed = autoProcessed;
    }

    public boolean autoProcessed() {
        return autoProcessed;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProcedureType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
