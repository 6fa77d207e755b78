package org.populus.procedure;

import org.populus.shared.Refusal;

/** A staff action on a procedure or issue that cannot be done; nothing was changed. */
public class ReviewRefused extends Refusal {

    /** Why. */
    public enum Reason {
        NOT_FOUND, NOT_PENDING, CLAIMED_BY_OTHER, COMMENT_REQUIRED, NOT_ACCEPTABLE, NOT_UNDOABLE, UNDO_EXPIRED,
        PERSON_CHANGED, ALREADY_RESOLVED, INVALID_RESOLUTION, PERSON_HAS_OPEN_ISSUE
    }

    public ReviewRefused(Reason reason, String message) {
        super(reason, message);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
