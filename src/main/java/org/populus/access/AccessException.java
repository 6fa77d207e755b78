package org.populus.access;

import org.populus.shared.Refusal;

/** A user-administration request that cannot be carried out. */
public class AccessException extends Refusal {

    public enum Reason { NOT_FOUND, DUPLICATE, INVALID, STALE, CONFLICT }

    public AccessException(Reason reason, String message) {
        super(reason, message);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
