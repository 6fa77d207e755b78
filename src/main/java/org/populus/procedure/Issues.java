package org.populus.procedure;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.populus.history.Provenance;
import org.populus.person.LockedPerson;
import org.populus.person.PersonEvent;
import org.populus.person.Registrants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues for staff: the list, and their resolution. Resolving one may mark people (duplicates: the ones not
 * chosen get {@code fraud} or {@code mistake}, which trashes them; untrusted email or phone not trusted:
 * {@code fraud}; a duplicated verified phone: the others' phones {@code reassign}ed or {@code fraud}), then the
 * pending procedures of everyone involved are queued again.
 *
 * <p>Resolutions by type: duplicated document or person — {@code fraud}, {@code mistake} (both with the chosen
 * person) or {@code not_duplicate}; untrusted email or phone — {@code trusted} or {@code not_trusted};
 * duplicated verified phone — {@code reassign}, {@code fraud} (with the person keeping the phone) or
 * {@code not_duplicate}.
 */
@Service
public class Issues {

    private final IssueRepository repository;
    private final Registrants registrants;
    private final ProcedureRepository procedures;
    private final ProcedureQueue queue;
    private final Clock clock;

    Issues(IssueRepository repository, Registrants registrants, ProcedureRepository procedures,
            ProcedureQueue queue, Clock clock) {
        this.repository = repository;
        this.registrants = registrants;
        this.procedures = procedures;
        this.queue = queue;
        this.clock = clock;
    }

    /** Issues, newest first; only open ones unless {@code all}; only those of one person when given. */
    public List<Issue> list(boolean all, Long personId, int limit, long offset) {
        return repository.list(all, personId, limit, offset);
    }

    public Optional<Issue> find(long id) {
        return repository.find(id);
    }

    /**
     * Resolves an open issue.
     *
     * @param chosenPersonId the person who keeps the document, identity or phone (when the resolution needs one)
     * @throws ReviewRefused when the issue is unknown or resolved, or the resolution does not fit
     */
    @Transactional
    public Issue resolve(long issueId, String resolution, Long chosenPersonId, String comment, String reviewer) {
        Issue issue = find(issueId).orElseThrow(() -> new ReviewRefused(ReviewRefused.Reason.NOT_FOUND,
                "Issue " + issueId + " does not exist."));
        List<Long> seen = issue.personIds().stream().sorted().toList();
        Map<Long, LockedPerson> locked = new HashMap<>();
        seen.forEach(id -> registrants.lock(id).ifPresent(person -> locked.put(id, person)));
        repository.lock(issueId);
        // read again in a statement of its own: a detection that added someone to the issue committed before the
        // lock was granted, and the locking statement's snapshot did not see it
        issue = find(issueId).orElseThrow();
        List<Long> people = issue.personIds().stream().sorted().toList();
        people.stream().filter(id -> !seen.contains(id))
                .forEach(id -> registrants.lock(id).ifPresent(person -> locked.put(id, person)));
        if (!issue.open()) {
            throw new ReviewRefused(ReviewRefused.Reason.ALREADY_RESOLVED, "Issue " + issueId + " is resolved.");
        }
        Set<String> allowed = switch (issue.type()) {
            case DUPLICATED_DOCUMENT, DUPLICATED_PERSON, POSSIBLE_DUPLICATE -> Set.of("fraud", "mistake", "not_duplicate");
            case UNTRUSTED_EMAIL, UNTRUSTED_PHONE -> Set.of("trusted", "not_trusted");
            case DUPLICATED_VERIFIED_PHONE -> Set.of("reassign", "fraud", "not_duplicate");
        };
        if (resolution == null || !allowed.contains(resolution)) {
            throw new ReviewRefused(ReviewRefused.Reason.INVALID_RESOLUTION, "A " + issue.type().code()
                    + " issue is resolved with one of " + allowed.stream().sorted().toList() + ".");
        }
        boolean needsChoice = Set.of("fraud", "mistake", "reassign").contains(resolution)
                && issue.type() != IssueType.UNTRUSTED_EMAIL && issue.type() != IssueType.UNTRUSTED_PHONE;
        if (needsChoice && (chosenPersonId == null || !people.contains(chosenPersonId))) {
            throw new ReviewRefused(ReviewRefused.Reason.INVALID_RESOLUTION, "Resolution '" + resolution
                    + "' needs chosen_person_id, one of " + people + ".");
        }
        Provenance provenance = new Provenance(reviewer, "issue " + issueId + " (" + issue.type().code()
                + ") resolved: " + resolution);
        PersonEvent event = switch (resolution) {
            case "fraud", "not_trusted" -> PersonEvent.FRAUD_DETECTED;
            case "mistake" -> PersonEvent.MISTAKE_DETECTED;
            case "reassign" -> PersonEvent.REASSIGN_PHONE;
            default -> null;
        };
        if (event != null) {
            for (long person : people) {
                if (needsChoice && person == chosenPersonId) {
                    continue;
                }
                LockedPerson r = locked.get(person);
                if (r == null) {
                    throw new IllegalStateException("Person " + person + " of issue " + issueId + " is no individual");
                }
                if (r.may(event)) {
                    registrants.change(r, provenance, event);
                }
            }
        }
        repository.resolve(issueId, issue.version(), resolution,
                comment == null || comment.isBlank() ? null : comment.strip(), reviewer, clock.instant(),
                chosenPersonId);
        for (long person : people) {
            procedures.enqueueOthers(person, -1);
        }
        queue.wakeAfterCommit();
        return find(issueId).orElseThrow();
    }

    /** How many issues are open. */
    public long countOpen() {
        return repository.countOpen();
    }
}
