package org.populus.procedure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A procedure as stored. {@code information} is the procedure's JSON document (e.g. {@code {"person_data":{…}}},
 * {@code {"to_membership_level":"member"}}, {@code {"channel":…,"reason":…}}, {@code {"phone":…}}).
 */
public record Procedure(long id, long personId, ProcedureType type, ProcedureState state,
        Map<String, Object> information, String comment, Instant prioritizedAt, Location location, String claimedBy,
        Instant claimedAt, String processedBy, Instant processedAt, Integer personVersionBefore,
        Integer personVersionAfter, Instant createdAt, Instant updatedAt, int version) {

    /** Comment of procedures accepted by the queue. */
    public static final String AUTO_ACCEPTED = "auto_accepted";
    /** Comment of procedures dismissed because their person was cancelled or trashed. */
    public static final String DISCARDED_PERSON = "discarded_person";

    public boolean pending() {
        return state == ProcedureState.PENDING;
    }

    /** Claimed by someone other than {@code reviewer}, and the claim has not lapsed. */
    public boolean claimedByOther(String reviewer, Instant now, Duration claimLifetime) {
        return claimedBy != null && !claimedBy.equals(reviewer) && claimedAt != null
                && claimedAt.plus(claimLifetime).isAfter(now);
    }
}
