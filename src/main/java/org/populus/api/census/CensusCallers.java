package org.populus.api.census;

import jakarta.servlet.http.HttpServletRequest;
import org.populus.access.ApiKey;
import org.populus.api.web.Callers;
import org.populus.procedure.CensusClient;
import org.populus.shared.ClientOrigins;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@link CensusClient} a Census request acts as (docs/census-api.md#client-isolation): with an API key, the
 * key's origin; without one (a caller from the allowed networks), the origin
 * {@code populus.census.network-origin} ({@code POPULUS_CENSUS_NETWORK_ORIGIN}, default {@code local}), so keyless
 * callers are isolated like any client (they may still register the qualified ids of any calling system, as the
 * real connector does without a key). Only the value {@code *} makes them the trusted caller of every origin.
 * The start-up warm-up's internal read-only caller reads as the caller of every origin, so it warms the whole read.
 */
@Component
class CensusCallers {

    /** The setting's value that trusts keyless callers with every origin. */
    static final String EVERY_ORIGIN = "*";
    static final String DEFAULT_NETWORK_ORIGIN = "local";

    private final CensusClient keyless;

    CensusCallers(@Value("${populus.census.network-origin:" + DEFAULT_NETWORK_ORIGIN + "}") String networkOrigin) {
        this.keyless = keyless(networkOrigin);
    }

    static CensusClient keyless(String networkOrigin) {
        String origin = networkOrigin == null || networkOrigin.isBlank() ? DEFAULT_NETWORK_ORIGIN
                : networkOrigin.strip();
        if (origin.equals(EVERY_ORIGIN)) {
            return CensusClient.EVERY_ORIGIN;
        }
        if (!ClientOrigins.valid(origin)) {
            throw new IllegalStateException("POPULUS_CENSUS_NETWORK_ORIGIN (populus.census.network-origin) must be "
                    + "a client origin (a letter or digit, then letters, digits, '.', '_', ':' or '-'; neither "
                    + "'census' nor 'document_id') or '*': '" + origin + "'");
        }
        return CensusClient.network(origin);
    }

    /** The client this request acts as (it was let in: a key in use, or the allowed networks). */
    CensusClient of(HttpServletRequest request) {
        if (request.getAttribute(ApiKeyFilter.ATTRIBUTE) instanceof ApiKey key) {
            return CensusClient.of(key.origin());
        }
        if (Callers.warmUp()) {
            return CensusClient.EVERY_ORIGIN;
        }
        return keyless;
    }
}
