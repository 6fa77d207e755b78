package org.populus.procedure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.populus.procedure.ReviewRefused.Reason;

/**
 * A procedure as stored: what it asks for ({@code request}), the open issues a reviewer accepted it over (empty
 * unless accepted with an override), its state, review and processing fields.
 *
 * <p>Its transitions return the next state as a new value and refuse what is not allowed with a
 * {@link ReviewRefused} naming the reason (not pending, claimed by another reviewer, comment required, not
 * undoable, undo expired); nothing is changed then.
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

    /** The request, of the kind this procedure's type holds (refused when its stored information is unreadable). */
    <R extends ProcedureRequest> R request(Class<R> kind) {
        if (request instanceof ProcedureRequest.Unreadable unreadable) {
            throw unreadable.failure();
        }
        if (!kind.isInstance(request)) {
            throw new IllegalArgumentException("Procedure " + id + " is a " + type().code() + ", not a "
                    + kind.getSimpleName());
        }
        return kind.cast(request);
    }

    public boolean pending() {
        return state == ProcedureState.PENDING;
    }

    /** Claimed by someone other than {@code reviewer}, and the claim has not lapsed. */
    public boolean claimedByOther(String reviewer, Instant now, Duration claimLifetime) {
        return claimedBy != null && !claimedBy.equals(reviewer) && claimedAt != null
                && claimedAt.plus(claimLifetime).isAfter(now);
    }

    // ---- transitions ----------------------------------------------------------------------------------------

    /**
     * The same pending procedure asked again: the new request (and location, and a priority once given — it is
     * never cleared).
     */
    Procedure askedAgain(ProcedureRequest newRequest, Location newLocation, Instant newPriority) {
        requirePending();
        if (newRequest.type() != type()) {
            throw new IllegalArgumentException("A " + type().code() + " cannot be asked again as a "
                    + newRequest.type().code());
        }
        Copy next = copy();
        next.request = newRequest;
        next.prioritizedAt = prioritizedAt != null ? prioritizedAt : newPriority;
        next.location = newLocation != null ? newLocation : location;
        return next.build();
    }

    /**
     * Refuses a reviewer's action on this procedure unless it is pending and no one else's claim on it lasts.
     *
     * @return this procedure
     */
    Procedure reviewableBy(String reviewer, Instant now, Duration claimLifetime) {
        requirePending();
        if (claimedByOther(reviewer, now, claimLifetime)) {
            throw new ReviewRefused(Reason.CLAIMED_BY_OTHER,
                    "Procedure " + id + " is being reviewed by " + claimedBy + ".");
        }
        return this;
    }

    /** Claimed by the reviewer (again, if it is theirs already). */
    Procedure withClaim(String reviewer, Instant now, Duration claimLifetime) {
        return reviewableBy(reviewer, now, claimLifetime).claimedBy(reviewer, now);
    }

    /** The reviewer's claim given up. */
    Procedure released(String reviewer, Instant now, Duration claimLifetime) {
        return reviewableBy(reviewer, now, claimLifetime).claimedBy(null, null);
    }

    private Procedure claimedBy(String reviewer, Instant at) {
        Copy next = copy();
        next.claimedBy = reviewer;
        next.claimedAt = at;
        return next.build();
    }

    /**
     * The comment a reviewer's decision records: required (not blank) to reject or dismiss, stripped, {@code null}
     * when none was given. Refused as {@code comment_required} otherwise.
     */
    static String decisionComment(Decision decision, String comment) {
        boolean blank = comment == null || comment.isBlank();
        if (decision != Decision.ACCEPT && blank) {
            throw new ReviewRefused(Reason.COMMENT_REQUIRED,
                    "A comment is required to " + decision.name().toLowerCase(Locale.ROOT) + ".");
        }
        return blank ? null : comment.strip();
    }

    /**
     * Decided: accepted, rejected or dismissed, by a reviewer ({@code null}: the queue), with the request as its
     * effect left it, the issues it was accepted over, and the person's versions before and after its effect (what
     * undo puts back). The claim ends.
     */
    Procedure decided(ProcedureState decision, String reviewer, Instant at, String newComment,
            ProcedureRequest newRequest, List<Long> issuesOverridden, int personBefore, int personAfter) {
        requirePending();
        if (decision == ProcedureState.PENDING) {
            throw new IllegalArgumentException("A decision is accepted, rejected or dismissed");
        }
        Copy next = copy();
        next.state = decision;
        next.request = newRequest;
        next.overriddenIssues = issuesOverridden;
        next.comment = newComment;
        next.claimedBy = null;
        next.claimedAt = null;
        next.processedBy = reviewer;
        next.processedAt = at;
        next.personVersionBefore = personBefore;
        next.personVersionAfter = personAfter;
        return next.build();
    }

    /**
     * Undone: pending again, claimed by the reviewer who undid it. Only the reviewer who accepted or rejected it
     * may, within {@code undoWindow} of the decision ({@code not_undoable}, {@code undo_expired}).
     */
    /** Whether {@code reviewer} may undo this decision at {@code now}: theirs, and still within the window. */
    public boolean undoableBy(String reviewer, Instant now, Duration undoWindow) {
        return decidedBy(reviewer) && !processedAt.plus(undoWindow).isBefore(now);
    }

    private boolean decidedBy(String reviewer) {
        return (state == ProcedureState.ACCEPTED || state == ProcedureState.REJECTED) && processedBy != null
                && processedBy.equals(reviewer) && processedAt != null;
    }

    Procedure undone(String reviewer, Instant now, Duration undoWindow) {
        if (!decidedBy(reviewer)) {
            throw new ReviewRefused(Reason.NOT_UNDOABLE, "Only the reviewer who accepted or rejected "
                    + "a procedure can undo it (procedure " + id + " is " + state.code()
                    + (processedBy == null ? ", processed automatically" : ", processed by " + processedBy) + ").");
        }
        if (processedAt.plus(undoWindow).isBefore(now)) {
            throw new ReviewRefused(Reason.UNDO_EXPIRED,
                    "Procedure " + id + " was processed more than " + undoWindow.toMinutes() + " minutes ago.");
        }
        Copy next = copy();
        next.state = ProcedureState.PENDING;
        next.claimedBy = reviewer;
        next.claimedAt = now;
        next.processedBy = null;
        next.processedAt = null;
        next.personVersionBefore = null;
        next.personVersionAfter = null;
        return next.build();
    }

    /** Whether undoing has a person to restore: the decision changed the person. */
    boolean changedPerson() {
        return personVersionBefore != null && personVersionAfter != null
                && !personVersionBefore.equals(personVersionAfter);
    }

    private void requirePending() {
        if (!pending()) {
            throw new ReviewRefused(Reason.NOT_PENDING, "Procedure " + id + " is " + state.code() + ", not pending.");
        }
    }

    private Copy copy() {
        return new Copy(this);
    }

    /** The fields a transition may change, starting from the current procedure; the rest are kept. */
    private static final class Copy {
        private final Procedure from;
        private ProcedureRequest request;
        private List<Long> overriddenIssues;
        private ProcedureState state;
        private String comment;
        private Instant prioritizedAt;
        private Location location;
        private String claimedBy;
        private Instant claimedAt;
        private String processedBy;
        private Instant processedAt;
        private Integer personVersionBefore;
        private Integer personVersionAfter;

        private Copy(Procedure from) {
            this.from = from;
            this.request = from.request;
            this.overriddenIssues = from.overriddenIssues;
            this.state = from.state;
            this.comment = from.comment;
            this.prioritizedAt = from.prioritizedAt;
            this.location = from.location;
            this.claimedBy = from.claimedBy;
            this.claimedAt = from.claimedAt;
            this.processedBy = from.processedBy;
            this.processedAt = from.processedAt;
            this.personVersionBefore = from.personVersionBefore;
            this.personVersionAfter = from.personVersionAfter;
        }

        private Procedure build() {
            return new Procedure(from.id, from.personId, request, overriddenIssues, state, comment, prioritizedAt,
                    location, claimedBy, claimedAt, processedBy, processedAt, personVersionBefore,
                    personVersionAfter, from.createdAt, from.updatedAt, from.version);
        }
    }
}
