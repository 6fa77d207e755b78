package org.populus.access;

/** A user-administration request that cannot be carried out. */
public class AccessException extends RuntimeException {

    public enum Reason { NOT_FOUND, DUPLICATE, INVALID, STALE, CONFLICT }

    private final Reason reason;

    public AccessException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
