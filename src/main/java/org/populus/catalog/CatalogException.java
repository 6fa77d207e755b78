package org.populus.catalog;

/** A catalogue change that cannot be made: a duplicate name, an entry still in use, a stale version. */
public class CatalogException extends RuntimeException {

    public enum Reason { NOT_FOUND, DUPLICATE, IN_USE, STALE, INVALID }

    private final Reason reason;

    public CatalogException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
