package org.populus.access;

import java.time.Instant;

/**
 * The API key of one client application of the Census API, as admins see it: never its secret, only the first
 * characters ({@code prefix}) to tell keys apart.
 *
 * @param name the application, unique among the keys in use; recorded as the caller ({@code client:<name>})
 * @param origin the calling system whose people the key reaches, as its qualified ids write it ({@code decidim-1}
 *     in {@code 8926202@decidim-1}); see docs/census-api.md#client-isolation
 * @param revokedAt null while the key is in use
 * @param lastUsedAt when the key was last accepted, to the minute; null if never
 */
public record ApiKey(long id, String name, String origin, String prefix, Instant createdAt, String createdBy,
        Instant revokedAt, String revokedBy, Instant lastUsedAt, int version) {

    /** A key whose origin is its name. */
    public ApiKey(long id, String name, String prefix, Instant createdAt, String createdBy, Instant revokedAt,
            String revokedBy, Instant lastUsedAt, int version) {
        this(id, name, name, prefix, createdAt, createdBy, revokedAt, revokedBy, lastUsedAt, version);
    }

    /** Whether the key is still accepted. */
    public boolean active() {
        return revokedAt == null;
    }
}
