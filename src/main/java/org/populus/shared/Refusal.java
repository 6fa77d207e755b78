package org.populus.shared;

/**
 * A request the domain refuses, with the reason in the domain's own terms (one of the module's {@code Reason}
 * values, which each subclass names as the type of {@link #reason()}); nothing was changed. Each adapter turns the
 * reason into its surface's error.
 */
public abstract class Refusal extends RuntimeException {

    private final Enum<?> reason;

    protected Refusal(Enum<?> reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Enum<?> reason() {
        return reason;
    }
}
