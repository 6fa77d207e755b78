package org.populus.procedure;

import org.populus.shared.ClientOrigins;

/**
 * Who calls the Census API, as isolation sees it: a client of one origin (the calling system, {@code decidim-1}),
 * which reaches only its own people and those shared with it, or the trusted caller of every origin, which only
 * a configuration names (docs/census-api.md#client-isolation).
 *
 * @param origin the client's origin; null for the caller of every origin
 * @param registersAnySystem whether it may register qualified ids of any calling system ({@code N@decidim-1} from
 *     the keyless callers of the allowed networks, as the original let them), not only of its own origin (a key's
 *     client); either way it reaches only the people registered through it, its origin's and those shared with it
 */
public record CensusClient(String origin, boolean registersAnySystem) {

    /** The trusted caller of every origin (the registry's own callers, or keyless callers configured so). */
    public static final CensusClient EVERY_ORIGIN = new CensusClient(null, true);

    public CensusClient {
        if (origin != null && !ClientOrigins.valid(origin)) {
            throw new IllegalArgumentException("Not a client origin: '" + origin + "'");
        }
    }

    /** A client of this origin (an API key's): it registers only its own origin's qualified ids. */
    public static CensusClient of(String origin) {
        return new CensusClient(origin, false);
    }

    /**
     * The keyless callers of the allowed networks, acting as this origin: they register the qualified ids of any
     * calling system (the real connector's {@code 8926202@decidim-1}), and reach what a client of that origin does.
     */
    public static CensusClient network(String origin) {
        return new CensusClient(origin, true);
    }

    public boolean everyOrigin() {
        return origin == null;
    }

    /** What its SMS are counted under: its origin, or {@code *} for the caller of every origin. */
    public String smsBudget() {
        return origin == null ? "*" : origin;
    }
}
