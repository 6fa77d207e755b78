package org.populus.catalog;

import org.populus.shared.Refusal;

/** A catalogue change that cannot be made: a duplicate name, an entry still in use, a stale version. */
public class CatalogException extends Refusal {

    public enum Reason { NOT_FOUND, DUPLICATE, IN_USE, STALE, INVALID }

    public CatalogException(Reason reason, String message) {
        super(reason, message);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
