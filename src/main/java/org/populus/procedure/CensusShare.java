package org.populus.procedure;

import java.time.Instant;

/**
 * People shared with a Census client origin beyond its own: one person ({@code personId}), or every person of
 * another origin ({@code personOrigin}); exactly one of the two is set.
 */
public record CensusShare(long id, String origin, Long personId, String personOrigin, Instant createdAt,
        String createdBy) {
}
