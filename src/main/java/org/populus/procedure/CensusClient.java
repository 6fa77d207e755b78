package org.populus.procedure;

import org.populus.shared.ClientOrigins;

/**
 * Who calls the Census API, as isolation sees it: a client of one origin (the calling system, {@code decidim-1}),
 * which reaches only its own people and those shared with it, or the trusted caller of every origin, which only
 * a configuration names (docs/census-api.md#client-isolation).
 *
 * @param origin the client's origin; null for the caller of every origin
 */
public record CensusClient(String origin) {

    /** The trusted caller of every origin (the registry's own callers, or keyless callers configured so). */
    public static final CensusClient EVERY_ORIGIN = new CensusClient(null);

    public CensusClient {
        if (origin != null && !ClientOrigins.valid(origin)) {
            throw new IllegalArgumentException("Not a client origin: '" + origin + "'");
        }
    }

    /** A client of this origin. */
    public static CensusClient of(String origin) {
        return new CensusClient(origin);
    }

    public boolean everyOrigin() {
        return origin == null;
    }

    /** What its SMS are counted under: its origin, or {@code *} for the caller of every origin. */
    public String smsBudget() {
        return origin == null ? "*" : origin;
    }
}
