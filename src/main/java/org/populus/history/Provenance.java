package org.populus.history;

import java.util.Objects;

/**
 * Who made a change and why: the actor is a user ({@code user:alice}) or an API client ({@code client:decidim}),
 * the reason names the endpoint or the procedure that caused it.
 */
public record Provenance(String actor, String reason) {

    public Provenance {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }

    public static Provenance system(String reason) {
        return new Provenance("system", reason);
    }
}
