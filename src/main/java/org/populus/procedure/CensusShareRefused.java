package org.populus.procedure;

import org.populus.shared.Refusal;

/** A share of people with a Census client origin that cannot be made or removed; nothing changed. */
public class CensusShareRefused extends Refusal {

    public enum Reason { NOT_FOUND, INVALID, DUPLICATE }

    CensusShareRefused(Reason reason, String message) {
        super(reason, message);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
