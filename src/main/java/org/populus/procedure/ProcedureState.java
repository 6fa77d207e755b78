package org.populus.procedure;

import java.util.Locale;

/** pending → accepted | rejected | dismissed; staff may undo accepted or rejected back to pending. */
public enum ProcedureState {
    PENDING, ACCEPTED, REJECTED, DISMISSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ProcedureState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
