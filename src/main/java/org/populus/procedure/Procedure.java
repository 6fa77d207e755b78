package org.populus.procedure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A procedure as stored: what it asks for ({@code request}), the open issues a reviewer accepted it over (empty
 * unless accepted with an override), its state, review and processing fields.
 */
public record Procedure(long id, long personId, ProcedureRequest request, List<Long> overriddenIssues,
        ProcedureState state, String comment, Instant prioritizedAt, Location location, String claimedBy,
        Instant claimedAt, String processedBy, Instant processedAt, Integer personVersionBefore,
        Integer personVersionAfter, Instant createdAt, Instant updatedAt, int version) {

    /** Comment of procedures accepted by the queue. */
    public static final String AUTO_ACCEPTED = "auto_accepted";
    /** Comment of procedures dismissed because their person was cancelled or trashed. */
    public static final String DISCARDED_PERSON = "discarded_person";

    public Procedure {
        overriddenIssues = List.copyOf(overriddenIssues);
    }

    public ProcedureType type() {
        return request.type();
    }

    /**
     * The request and the issues overridden as the procedure's JSON document (as stored; what the APIs show), e.g.
     * {@code {"person_data":{…}}}, {@code {"to_membership_level":"member"}}, {@code {"channel":…,"reason":…}}.
     */
    public Map<String, Object> information() {
        return ProcedureInformation.encode(request, overriddenIssues);
    }

    public boolean pending() {
        return state == ProcedureState.PENDING;
    }

    /**
     * The same pending procedure asked again: new information (and location, and a priority once given — it is
     * never cleared).
     */
    Procedure askedAgain(ProcedureRequest newRequest, Location newLocation, Instant newPriority) {
        requireState(ProcedureState.PENDING, "ask again");
        return new Procedure(id, personId, newRequest, overriddenIssues, state, comment,
                prioritizedAt != null ? prioritizedAt : newPriority, newLocation != null ? newLocation : location,
                claimedBy, claimedAt, processedBy, processedAt, personVersionBefore, personVersionAfter, createdAt,
                updatedAt, version);
    }

    /** Claimed by a reviewer ({@code null}: released). */
    Procedure claimed(String reviewer, Instant at) {
        requireState(ProcedureState.PENDING, "claim");
        return new Procedure(id, personId, request, overriddenIssues, state, comment, prioritizedAt, location, reviewer,
                reviewer == null ? null : at, processedBy, processedAt, personVersionBefore, personVersionAfter,
                createdAt, updatedAt, version);
    }

    /**
     * Decided: accepted, rejected or dismissed, by a reviewer ({@code null}: the queue), with the person's versions
     * before and after its effect (what undo puts back). The claim ends.
     */
    Procedure decided(ProcedureState decision, String reviewer, Instant at, String newComment,
            ProcedureRequest newRequest, List<Long> issuesOverridden, int personBefore, int personAfter) {
        requireState(ProcedureState.PENDING, "decide");
        if (decision == ProcedureState.PENDING) {
            throw new IllegalArgumentException("A decision is accepted, rejected or dismissed");
        }
        return new Procedure(id, personId, newRequest, issuesOverridden, decision, newComment, prioritizedAt, location, null,
                null, reviewer, at, personBefore, personAfter, createdAt, updatedAt, version);
    }

    /** Undone: pending again, claimed by the reviewer who undid it. Only accepted or rejected procedures. */
    Procedure undone(String reviewer, Instant at) {
        if (state != ProcedureState.ACCEPTED && state != ProcedureState.REJECTED) {
            throw new IllegalStateException("Procedure " + id + " is " + state.code() + ": only an accepted or "
                    + "rejected procedure can be undone");
        }
        return new Procedure(id, personId, request, overriddenIssues, ProcedureState.PENDING, comment, prioritizedAt,
                location, reviewer, at, null, null, null, null, createdAt, updatedAt, version);
    }

    private void requireState(ProcedureState required, String action) {
        if (state != required) {
            throw new IllegalStateException("Cannot " + action + " procedure " + id + ": it is " + state.code());
        }
    }

    /** Claimed by someone other than {@code reviewer}, and the claim has not lapsed. */
    public boolean claimedByOther(String reviewer, Instant now, Duration claimLifetime) {
        return claimedBy != null && !claimedBy.equals(reviewer) && claimedAt != null
                && claimedAt.plus(claimLifetime).isAfter(now);
    }
}
