package org.populus.procedure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.populus.person.LockedPerson;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff review of procedures: the pending list in review order, claims (a claimed procedure is not handed to a
 * second reviewer while the claim lasts), decisions (accept, reject, dismiss; a comment is required unless
 * accepting) and undo (by the reviewer who decided, within {@code populus.review.undo-window}, default 30
 * minutes; procedures the queue accepted cannot be undone).
 */
@Service
public class Reviews {

    /** Procedures prioritized within this period come first in the review order. */
    static final Duration PRIORITY_WINDOW = Duration.ofDays(14);
    /** How many claimable procedures "Next" reads at a time while looking for one it can hand out. */
    private static final int CLAIM_BATCH = 20;

    private final ProcedureRepository repository;
    private final ProcedureProcessor processor;
    private final Effects effects;
    private final Registrants registrants;
    private final Clock clock;
    private final Duration undoWindow;
    private final Duration claimLifetime;
    private final ProcedureQueue queue;
    private final IssueDetector issues;

    Reviews(ProcedureRepository repository, ProcedureProcessor processor, Effects effects, Registrants registrants,
            Clock clock, ProcedureQueue queue, IssueDetector issues, @Value("${populus.review.undo-window:30m}") Duration undoWindow,
            @Value("${populus.review.claim-lifetime:30m}") Duration claimLifetime) {
        this.repository = repository;
        this.processor = processor;
        this.effects = effects;
        this.registrants = registrants;
        this.clock = clock;
        this.undoWindow = undoWindow;
        this.claimLifetime = claimLifetime;
        this.queue = queue;
        this.issues = issues;
    }

    /**
     * Pending procedures in review order: first those prioritized in the last two weeks (by priority time), then
     * the others whose person has no open issue, then those whose person has an open issue (prioritized or not:
     * they cannot be accepted until it is resolved); each group by priority time, then creation.
     */
    public List<ReviewItem> pending(ProcedureType type, int limit, long offset) {
        return repository.inReviewOrder(type, clock.instant().minus(PRIORITY_WINDOW), limit, offset);
    }

    /** How many procedures of each type are pending, every type listed (zero when none). */
    @Transactional(readOnly = true)
    public Map<ProcedureType, Long> countPendingByType() {
        Map<String, Long> counts = repository.countPendingByType();
        Map<ProcedureType, Long> result = new EnumMap<>(ProcedureType.class);
        for (ProcedureType type : ProcedureType.values()) {
            result.put(type, counts.getOrDefault(type.code(), 0L));
        }
        return result;
    }

    public Optional<Procedure> find(long procedureId) {
        return repository.find(procedureId);
    }

    /** Claims the procedure for the reviewer (again, if it is theirs already). */
    @Transactional
    public Procedure claim(long procedureId, String reviewer) {
        return repository.update(locked(procedureId).withClaim(reviewer, clock.instant(), claimLifetime));
    }

    /** Gives up the reviewer's claim. */
    @Transactional
    public Procedure release(long procedureId, String reviewer) {
        return repository.update(locked(procedureId).released(reviewer, clock.instant(), claimLifetime));
    }

    /**
     * Claims the next procedure in review order that nobody else holds and that could be accepted now: only
     * procedures whose person has no open issue are handed out, prioritized or not (an open issue is resolved
     * through the issues first).
     */
    @Transactional
    public Optional<Procedure> claimNext(ProcedureType type, String reviewer) {
        Instant now = clock.instant();
        Instant since = now.minus(PRIORITY_WINDOW);
        for (long offset = 0; ; offset += CLAIM_BATCH) {
            List<Procedure> batch = repository.claimableInReviewOrder(type, since, reviewer,
                    now.minus(claimLifetime), CLAIM_BATCH, offset);
            for (Procedure candidate : batch) {
                Optional<Procedure> claimed = claimIfAcceptable(candidate, reviewer, now);
                if (claimed.isPresent()) {
                    return claimed;
                }
            }
            if (batch.size() < CLAIM_BATCH) {
                return Optional.empty();
            }
        }
    }

    private Optional<Procedure> claimIfAcceptable(Procedure candidate, String reviewer, Instant now) {
        // looked at without a lock first, so that only the person of the procedure handed out stays locked
        // (locking every candidate's person in list order could deadlock with others locking in id order)
        Optional<Registrant> seen = registrants.find(candidate.personId());
        if (seen.isEmpty() || !effects.acceptable(candidate, seen.get())) {
            return Optional.empty();
        }
        Optional<LockedPerson> person = registrants.lock(candidate.personId());
        Procedure p = repository.findForUpdate(candidate.id()).orElseThrow();
        if (!p.pending() || p.claimedByOther(reviewer, now, claimLifetime) || person.isEmpty()
                || !effects.acceptable(p, person.get().person()) || issues.blocking(p.personId())) {
            return Optional.empty();
        }
        return Optional.of(repository.update(p.withClaim(reviewer, now, claimLifetime)));
    }

    /**
     * Accepts, rejects or dismisses the procedure, with its effect on the person. Accepting is refused while the
     * person has an open issue ({@code person_has_open_issue}: resolve it first).
     */
    @Transactional
    public Procedure decide(long procedureId, Decision decision, String reviewer, String comment) {
        return decide(procedureId, decision, reviewer, comment, false);
    }

    /**
     * Accepts, rejects or dismisses the procedure, with its effect on the person.
     *
     * @param overrideIssues accept although the person has open issues: needs a comment, and the issues
     *     overridden are recorded in the procedure's information ({@code overridden_issues}) and in the person's
     *     history; without it, accepting is refused while an issue is open ({@code person_has_open_issue}).
     *     Ignored when rejecting or dismissing.
     */
    @Transactional
    public Procedure decide(long procedureId, Decision decision, String reviewer, String comment,
            boolean overrideIssues) {
        Procedure found = repository.find(procedureId)
                .orElseThrow(() -> notFound(procedureId));
        LockedPerson person = registrants.lock(found.personId()).orElseThrow();
        int before = person.version();
        Procedure p = locked(procedureId).reviewableBy(reviewer, clock.instant(), claimLifetime);
        String text = Procedure.decisionComment(decision, comment);
        // the person's other pending procedures are queued again by the decision: process them right after it
        queue.wakeAfterCommit();
        return switch (decision) {
            case ACCEPT -> {
                if (person.discarded() || !effects.acceptable(p, person.person())) {
                    throw new ReviewRefused(ReviewRefused.Reason.NOT_ACCEPTABLE, "Procedure " + procedureId
                            + " cannot be accepted now (person state "
                            + person.person().status().state().code() + ", verification "
                            + person.person().status().verification().code() + ").");
                }
                List<Long> open = issues.openIssuesOf(person.id());
                if (!open.isEmpty() && !overrideIssues) {
                    throw new ReviewRefused(ReviewRefused.Reason.PERSON_HAS_OPEN_ISSUE, "Person " + person.id()
                            + " has open issue " + joined(open) + ": resolve it first (or accept with "
                            + "override_issues and a comment saying why).");
                }
                if (!open.isEmpty() && text == null) {
                    throw new ReviewRefused(ReviewRefused.Reason.COMMENT_REQUIRED,
                            "A comment is required to accept over open issue " + joined(open) + ".");
                }
                String what = open.isEmpty() ? "accepted" : "accepted over open issue " + joined(open);
                Effects.Outcome outcome = effects.accept(p, person, ProcedureProcessor.provenance(reviewer, p, what));
                yield processor.finish(p, before, ProcedureState.ACCEPTED, reviewer, text, outcome.request(),
                        open.isEmpty() ? p.overriddenIssues() : open, outcome.personVersion());
            }
            case REJECT -> {
                int after = effects.reject(p, person, ProcedureProcessor.provenance(reviewer, p, "rejected"));
                yield processor.finish(p, before, ProcedureState.REJECTED, reviewer, text, p.request(),
                        p.overriddenIssues(), after);
            }
            case DISMISS -> processor.finish(p, before, ProcedureState.DISMISSED, reviewer, text, p.request(),
                    p.overriddenIssues(), before);
        };
    }

    /** Whether the reviewer may undo the procedure's decision now (theirs, within the undo window). */
    public boolean undoable(Procedure procedure, String reviewer) {
        return procedure.undoableBy(reviewer, clock.instant(), undoWindow);
    }

    /**
     * Puts an accepted or rejected procedure back to pending and its person back as they were before it, when the
     * same reviewer decided it within the undo window and the person has not changed since.
     */
    @Transactional
    public Procedure undo(long procedureId, String reviewer) {
        Procedure found = repository.find(procedureId)
                .orElseThrow(() -> notFound(procedureId));
        LockedPerson person = registrants.lock(found.personId()).orElseThrow();
        Procedure p = locked(procedureId);
        Procedure undone = p.undone(reviewer, clock.instant(), undoWindow);
        if (p.changedPerson()) {
            try {
                registrants.restore(person, p.personVersionBefore(), p.personVersionAfter(),
                        ProcedureProcessor.provenance(reviewer, p, "undone"));
            } catch (OptimisticLockingFailureException e) {
                throw new ReviewRefused(ReviewRefused.Reason.PERSON_CHANGED, "The person changed after procedure "
                        + procedureId + " was processed; it cannot be undone.");
            }
        }
        return repository.update(undone);
    }

    private Procedure locked(long procedureId) {
        return repository.findForUpdate(procedureId).orElseThrow(() -> notFound(procedureId));
    }

    private static String joined(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    private static ReviewRefused notFound(long procedureId) {
        return new ReviewRefused(ReviewRefused.Reason.NOT_FOUND, "Procedure " + procedureId + " does not exist.");
    }


    /** How many procedures were decided (by staff or automatically) on each day (UTC) from {@code since} on. */
    public Map<java.time.LocalDate, Long> countDecidedPerDay(Instant since) {
        return repository.countDecidedPerDay(since);
    }

    /** When the oldest pending procedure was created; empty when none is pending. */
    public Optional<Instant> oldestPendingSince() {
        return repository.oldestPendingCreatedAt();
    }
}
