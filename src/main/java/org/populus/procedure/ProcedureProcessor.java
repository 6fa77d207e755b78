package org.populus.procedure;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.populus.history.Provenance;
import org.populus.person.LockedPerson;
import org.populus.person.Registrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Processes one procedure (the original's {@code UpdateProcedureJob}): checks its issues, dismisses it when its
 * person is discarded, and accepts it when it may be processed automatically, its person has no open issue and
 * its effect is possible now; otherwise it stays pending for staff or for a later retry. Whenever a procedure
 * is processed, the person's other pending procedures are queued again.
 */
@Component
class ProcedureProcessor {

    static final String QUEUE_ACTOR = "system:procedures";
    private static final Logger log = LoggerFactory.getLogger(ProcedureProcessor.class);

    private final ProcedureRepository procedures;
    private final Registrants registrants;
    private final IssueDetector issues;
    private final Effects effects;
    private final Clock clock;
    private volatile Runnable requeued = () -> { };

    ProcedureProcessor(ProcedureRepository procedures, Registrants registrants, IssueDetector issues, Effects effects,
            Clock clock) {
        this.procedures = procedures;
        this.registrants = registrants;
        this.issues = issues;
        this.effects = effects;
        this.clock = clock;
    }

    /** Called (inside the transaction) whenever processing queued other procedures again. */
    void onRequeued(Runnable listener) {
        this.requeued = listener;
    }

    /** Processes the procedure automatically, inside the caller's transaction (the queue's). */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<ProcedureState> processAutomatically(long procedureId) {
        Optional<Long> personId = procedures.personOfPending(procedureId);
        if (personId.isEmpty()) {
            return Optional.empty();
        }
        // the person first, then the procedure: the order every change of a person takes
        Optional<LockedPerson> locked = registrants.lock(personId.get());
        Procedure p = procedures.findForUpdate(procedureId).orElseThrow();
        if (locked.isEmpty() || !p.pending()) {
            return Optional.empty();
        }
        LockedPerson person = locked.get();
        int before = person.version();
        issues.check(p, person.person());
        if (person.discarded()) {
            finish(p, before, ProcedureState.DISMISSED, null, Procedure.DISCARDED_PERSON, p.request(),
                    p.overriddenIssues(), before);
            return Optional.of(ProcedureState.DISMISSED);
        }
        if (!p.type().autoProcessed() || issues.blocking(person.id())) {
            return Optional.of(ProcedureState.PENDING);
        }
        if (!effects.acceptable(p, person.person())) {
            log.debug("auto_process.invalid: procedure {} ({}) cannot be accepted yet for person {}", p.id(),
                    p.type().code(), person.id());
            return Optional.of(ProcedureState.PENDING);
        }
        Effects.Outcome outcome = effects.accept(p, person, provenance(null, p, "accepted"));
        finish(p, before, ProcedureState.ACCEPTED, null, Procedure.AUTO_ACCEPTED, outcome.request(),
                p.overriddenIssues(), outcome.personVersion());
        return Optional.of(ProcedureState.ACCEPTED);
    }

    /**
     * Records the decision on the procedure, with the person's versions before and after its effect (for undo),
     * and queues the person's other pending procedures.
     */
    Procedure finish(Procedure p, int personVersionBefore, ProcedureState state, String reviewer, String comment,
            ProcedureRequest request, List<Long> overriddenIssues, int personVersionAfter) {
        Procedure done = procedures.update(p.decided(state, reviewer, clock.instant(), comment, request,
                overriddenIssues, personVersionBefore, personVersionAfter));
        if (procedures.enqueueOthers(p.personId(), p.id()) > 0) {
            requeued.run();
        }
        return done;
    }

    static Provenance provenance(String reviewer, Procedure p, String what) {
        return new Provenance(reviewer == null ? QUEUE_ACTOR : reviewer,
                "procedure " + p.id() + " (" + p.type().code() + ") " + what);
    }
}
