package org.populus.api.web;

import java.io.IOException;

/** A request body over the configured limit; each surface answers 413 in its own format. */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** Whether {@code t} or one of its causes is a body over the limit. */
    public static java.util.Optional<BodyTooLargeException> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLargeException b) {
                return java.util.Optional.of(b);
            }
        }
        return java.util.Optional.empty();
    }

}
