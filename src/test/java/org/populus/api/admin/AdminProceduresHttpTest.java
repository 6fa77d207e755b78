package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.problem;
import static org.populus.support.Api.obj;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.person.CensusStatus;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureState;
import org.populus.procedure.ProcedureType;
import org.populus.support.Api;
import tools.jackson.databind.JsonNode;

/** The procedure review endpoints through real HTTP: list order, claims, decisions and their effects, undo. */
class AdminProceduresHttpTest extends ReviewHttpTest {

    private Staff alice;
    private Staff bob;

    @BeforeEach
    void reviewers() {
        alice = staff(Role.REGISTRAR);
        bob = staff(Role.REGISTRAR);
    }

    private static List<Long> ids(Api.Response r, Set<Long> mine) {
        assertStatus(r, 200);
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : r.json()) {
            if (mine.contains(item.get("id").asLong())) {
                ids.add(item.get("id").asLong());
            }
        }
        return ids;
    }

    @Test
    void pendingListComesInReviewOrder() {
        Instant now = Instant.now();
        long plain = pendingDocumentVerification(enabledPerson(), null);
        long prioritizedYesterday = pendingDocumentVerification(enabledPerson(), now.minus(Duration.ofDays(1)));
        long prioritizedLongAgo = pendingDocumentVerification(enabledPerson(), now.minus(Duration.ofDays(20)));
        long untrusted = register(dni(), "x-" + unique() + "@mailinator.com");
        awaitOpenIssues(untrusted);
        long withIssue = pendingDocumentVerification(untrusted, null);
        // prioritized, but its person's open issue puts it with the others held by issues (first among them)
        long alsoUntrusted = register(dni(), "y-" + unique() + "@mailinator.com");
        awaitOpenIssues(alsoUntrusted);
        long withIssuePrioritized = pendingDocumentVerification(alsoUntrusted, now.minus(Duration.ofHours(1)));
        long prioritizedLately = pendingDocumentVerification(enabledPerson(), now.minus(Duration.ofHours(2)));

        Set<Long> mine = Set.of(plain, prioritizedYesterday, prioritizedLongAgo, withIssue, withIssuePrioritized,
                prioritizedLately);
        assertThat(ids(api.get(PROCEDURES + "?type=document_verification&limit=500", alice.auth()), mine))
                .containsExactly(prioritizedYesterday, prioritizedLately, prioritizedLongAgo, plain,
                        withIssuePrioritized, withIssue);
        assertThat(ids(api.get(PROCEDURES + "?limit=500", alice.auth()), mine))
                .containsExactly(prioritizedYesterday, prioritizedLately, prioritizedLongAgo, plain,
                        withIssuePrioritized, withIssue);
        assertThat(ids(api.get(PROCEDURES + "?type=registration&limit=500", alice.auth()), mine)).isEmpty();

        JsonNode all = api.get(PROCEDURES + "?type=document_verification&limit=500", alice.auth()).json();
        JsonNode item = null;
        for (JsonNode i : all) {
            if (i.get("id").asLong() == withIssue) {
                item = i;
            }
        }
        assertThat(item.get("person_id").asLong()).isEqualTo(untrusted);
        assertThat(item.get("type").asString()).isEqualTo("document_verification");
        assertThat(item.get("state").asString()).isEqualTo("pending");
        assertThat(item.get("open_issues").asBoolean()).isTrue();
        assertThat(item.get("information").get("files").isArray()).isTrue();
        assertThat(item.get("version").asInt()).isEqualTo(1);
        assertThat(item.propertyNames()).contains("id", "person_id", "type", "state", "information",
                "prioritized_at", "created_at", "claimed_by", "claimed_at", "open_issues", "version");

        // paging
        List<Long> page = new ArrayList<>();
        for (int offset = 0; offset < 2000 && page.size() < 6; offset += 2) {
            Api.Response r = api.get(PROCEDURES + "?type=document_verification&limit=2&offset=" + offset,
                    alice.auth());
            if (r.json().isEmpty()) {
                break;
            }
            page.addAll(ids(r, mine));
        }
        assertThat(page).containsExactly(prioritizedYesterday, prioritizedLately, prioritizedLongAgo, plain,
                withIssuePrioritized, withIssue);
    }

    @Test
    void listParametersAreChecked() {
        JsonNode body = problem(api.get(PROCEDURES + "?type=nonsense", alice.auth()), 400, "type");
        assertThat(body.get("detail").asString()).contains("document_verification");
        problem(api.get(PROCEDURES + "?limit=0", alice.auth()), 400, "limit");
        problem(api.get(PROCEDURES + "?limit=501", alice.auth()), 400, "limit");
        problem(api.get(PROCEDURES + "?limit=abc", alice.auth()), 400, "limit");
        problem(api.get(PROCEDURES + "?offset=-1", alice.auth()), 400, "offset");
        problem(api.post(PROCEDURES + "/next?type=nonsense", null, alice.auth()), 400, "type");
        problem(api.get(PROCEDURES + "/abc", alice.auth()), 400);
        problem(api.get(PROCEDURES + "/99999999999999999999", alice.auth()), 400);
        problem(api.get(PROCEDURES + "/" + Long.MAX_VALUE, alice.auth()), 404);
        problem(api.post(PROCEDURES + "/abc/claim", null, alice.auth()), 400);
        problem(api.post(PROCEDURES + "/-5/accept", obj(), alice.auth()), 404);
        problem(api.post(PROCEDURES + "/" + Long.MAX_VALUE + "/undo", null, alice.auth()), 404);
    }

    @Test
    void getShowsAnyStateAndUnknownIs404() {
        long person = enabledPerson();
        Procedure registration = procedureOf(person, ProcedureType.REGISTRATION);
        Api.Response r = api.get(PROCEDURES + "/" + registration.id(), alice.auth());
        assertStatus(r, 200);
        JsonNode body = r.json();
        assertThat(body.get("state").asString()).isEqualTo("accepted");
        assertThat(body.get("comment").asString()).isEqualTo("auto_accepted");
        assertThat(body.get("processed_by").isNull()).isTrue();
        assertThat(Instant.parse(body.get("processed_at").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(body.get("information").get("person_data").get("document_type").asString()).isEqualTo("dni");
        assertThat(body.get("open_issues").asBoolean()).isFalse();
        JsonNode missing = problem(api.get(PROCEDURES + "/" + (registration.id() + 1_000_000), alice.auth()), 404);
        assertThat(missing.get("instance").asString()).isEqualTo(PROCEDURES + "/" + (registration.id() + 1_000_000));
    }

    @Test
    void claimsKeepOtherReviewersAway() {
        long id = pendingDocumentVerification(enabledPerson(), null);
        Api.Response claimed = api.post(PROCEDURES + "/" + id + "/claim", null, alice.auth());
        assertStatus(claimed, 200);
        assertThat(claimed.json().get("claimed_by").asString()).isEqualTo(alice.actor());
        assertThat(Instant.parse(claimed.json().get("claimed_at").asString())).isNotNull();
        // again by the same reviewer: still theirs
        assertStatus(api.post(PROCEDURES + "/" + id + "/claim", null, alice.auth()), 200);

        JsonNode conflict = problem(api.post(PROCEDURES + "/" + id + "/claim", null, bob.auth()), 409);
        assertThat(conflict.get("reason").asString()).isEqualTo("claimed_by_other");
        assertThat(conflict.get("detail").asString()).contains(alice.actor());
        problem(api.delete(PROCEDURES + "/" + id + "/claim", bob.auth()), 409);
        JsonNode refused = problem(api.post(PROCEDURES + "/" + id + "/accept", obj(), bob.auth()), 409);
        assertThat(refused.get("reason").asString()).isEqualTo("claimed_by_other");
        assertThat(procedures.find(id).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);

        Api.Response released = api.delete(PROCEDURES + "/" + id + "/claim", alice.auth());
        assertStatus(released, 200);
        assertThat(released.json().get("claimed_by").isNull()).isTrue();
        Api.Response taken = api.post(PROCEDURES + "/" + id + "/claim", null, bob.auth());
        assertStatus(taken, 200);
        assertThat(taken.json().get("claimed_by").asString()).isEqualTo(bob.actor());

        // a lapsed claim (30 minutes) no longer keeps others away
        jdbc.sql("update procedure set claimed_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(31))), id).update();
        assertStatus(api.post(PROCEDURES + "/" + id + "/claim", null, alice.auth()), 200);

        // only pending procedures can be claimed
        assertStatus(api.post(PROCEDURES + "/" + id + "/dismiss", obj("comment", "duplicate request"),
                alice.auth()), 200);
        JsonNode done = problem(api.post(PROCEDURES + "/" + id + "/claim", null, alice.auth()), 409);
        assertThat(done.get("reason").asString()).isEqualTo("not_pending");
        problem(api.delete(PROCEDURES + "/" + id + "/claim", alice.auth()), 409);
    }

    @Test
    void nextHandsOutTheFirstAcceptableProcedureOnce() {
        Instant now = Instant.now();
        // prioritized earliest within the window, so these come before anything other tests left pending
        long first = pendingDocumentVerification(enabledPerson(), now.minus(Duration.ofDays(13).plusHours(23)));
        long second = pendingDocumentVerification(enabledPerson(), now.minus(Duration.ofDays(13).plusHours(22)));
        // not acceptable now: its person is not enabled yet (still pending behind an issue)
        long untrusted = register(dni(), "x-" + unique() + "@mailinator.com");
        awaitOpenIssues(untrusted);
        long notAcceptable = pendingDocumentVerification(untrusted,
                now.minus(Duration.ofDays(13).plusHours(23).plusMinutes(30)));

        Api.Response r = api.post(PROCEDURES + "/next?type=document_verification", null, alice.auth());
        assertStatus(r, 200);
        assertThat(r.json().get("id").asLong()).isEqualTo(first);
        assertThat(r.json().get("claimed_by").asString()).isEqualTo(alice.actor());
        // the same reviewer asking again keeps their procedure
        assertThat(api.post(PROCEDURES + "/next?type=document_verification", null, alice.auth()).json()
                .get("id").asLong()).isEqualTo(first);
        // another reviewer gets the next one
        Api.Response other = api.post(PROCEDURES + "/next?type=document_verification", null, bob.auth());
        assertStatus(other, 200);
        assertThat(other.json().get("id").asLong()).isEqualTo(second);
        assertThat(procedures.find(notAcceptable).orElseThrow().claimedBy()).isNull();
        // nothing of a type nobody waits for
        Api.Response none = api.post(PROCEDURES + "/next?type=cancellation", null, alice.auth());
        assertStatus(none, 204);
        assertThat(none.body()).isEmpty();
    }

    @Test
    void nextLooksPastEveryProcedureHeldByOthersHoweverMany() {
        Instant now = Instant.now();
        // prioritized earliest of all, so these come first in the queue; held by someone else
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            people.add(register());
        }
        List<Long> held = new ArrayList<>();
        for (long person : people) {
            awaitState(person, CensusStatus.State.ENABLED);
            held.add(pendingDocumentVerification(person, now.minus(Duration.ofDays(14).minusMinutes(10))));
        }
        jdbc.sql("update procedure set claimed_by = 'someone-else', claimed_at = clock_timestamp() "
                + "where id in (:ids)").param("ids", held).update();
        long free = pendingDocumentVerification(enabledPerson(), now.minus(Duration.ofDays(14).minusMinutes(11)));
        try {
            Api.Response r = api.post(PROCEDURES + "/next?type=document_verification", null,
                    staff(Role.REGISTRAR).auth());
            assertStatus(r, 200);
            assertThat(r.json().get("id").asLong()).isEqualTo(free);
        } finally {
            jdbc.sql("update procedure set state = 'dismissed' where id in (:ids)").param("ids", held).update();
        }
    }

    @Test
    void concurrentClaimsHaveOneWinner() throws Exception {
        long id = pendingDocumentVerification(enabledPerson(), null);
        List<Staff> reviewers = List.of(alice, bob, alice, bob, alice, bob);
        List<Api.Response> responses = at(reviewers.size(),
                i -> api.post(PROCEDURES + "/" + id + "/claim", null, reviewers.get(i).auth()));
        String winner = procedures.find(id).orElseThrow().claimedBy();
        for (int i = 0; i < reviewers.size(); i++) {
            assertStatus(responses.get(i), reviewers.get(i).actor().equals(winner) ? 200 : 409);
        }
    }

    @Test
    void concurrentNextHandsOutDistinctProcedures() throws Exception {
        Instant now = Instant.now();
        Set<Long> mine = Set.of(
                pendingDocumentVerification(enabledPerson(), now.minus(Duration.ofDays(13).plusHours(20))),
                pendingDocumentVerification(enabledPerson(), now.minus(Duration.ofDays(13).plusHours(20))),
                pendingDocumentVerification(enabledPerson(), now.minus(Duration.ofDays(13).plusHours(20))));
        List<Staff> reviewers = List.of(alice, bob, staff(Role.REGISTRAR));
        List<Api.Response> responses = at(3,
                i -> api.post(PROCEDURES + "/next?type=document_verification", null, reviewers.get(i).auth()));
        Set<Long> handedOut = new java.util.HashSet<>();
        for (Api.Response r : responses) {
            assertStatus(r, 200);
            handedOut.add(r.json().get("id").asLong());
        }
        assertThat(handedOut).hasSize(3);
        for (int i = 0; i < 3; i++) {
            long id = responses.get(i).json().get("id").asLong();
            assertThat(procedures.find(id).orElseThrow().claimedBy()).isEqualTo(reviewers.get(i).actor());
        }
        assertThat(handedOut).containsAll(mine);
    }

    /** Runs the calls at once and returns their responses in order. */
    private static List<Api.Response> at(int n, java.util.function.IntFunction<Api.Response> call)
            throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(k);
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (var f : futures) {
                responses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acceptingADocumentVerificationVerifiesThePerson() {
        long person = enabledPerson();
        long id = pendingDocumentVerification(person, null);
        Api.Response r = api.post(PROCEDURES + "/" + id + "/accept", null, alice.auth());
        assertStatus(r, 200);
        JsonNode body = r.json();
        assertThat(body.get("state").asString()).isEqualTo("accepted");
        assertThat(body.get("processed_by").asString()).isEqualTo(alice.actor());
        assertThat(body.get("comment").isNull()).isTrue();
        assertThat(body.get("claimed_by").isNull()).isTrue();
        assertThat(person(person).status().verification()).isEqualTo(CensusStatus.Verification.VERIFIED);
        // the Census API shows it too
        JsonNode census = api.get("/api/v1/people/" + person + "@census").json();
        assertThat(census.get("verification").asString()).isEqualTo("verified");
        // history names the reviewer and the procedure
        JsonNode versions = api.get(PEOPLE + "/" + person + "/versions", staff(Role.DATA).auth()).json();
        JsonNode last = versions.get(versions.size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo(alice.actor());
        assertThat(last.get("reason").asString()).contains("procedure " + id).contains("accepted");

        JsonNode again = problem(api.post(PROCEDURES + "/" + id + "/accept", obj(), alice.auth()), 409);
        assertThat(again.get("reason").asString()).isEqualTo("not_pending");
    }

    @Test
    void decisionsWorkWithoutABodyOrContentType() {
        long id = pendingDocumentVerification(enabledPerson(), null);
        String[] auth = alice.auth();
        problem(api.raw("POST", PROCEDURES + "/" + id + "/reject", null, auth[0], auth[1]), 422, "comment");
        assertStatus(api.raw("POST", PROCEDURES + "/" + id + "/accept", null, auth[0], auth[1]), 200);
    }

    @Test
    void acceptTakesAnOptionalComment() {
        long id = pendingDocumentVerification(enabledPerson(), null);
        Api.Response r = api.post(PROCEDURES + "/" + id + "/accept", obj("comment", "  looks fine  "), alice.auth());
        assertStatus(r, 200);
        assertThat(r.json().get("comment").asString()).isEqualTo("looks fine");
    }

    @Test
    void rejectingADocumentVerificationAsksForAnotherOne() {
        long person = enabledPerson();
        long id = pendingDocumentVerification(person, null);
        Api.Response r = api.post(PROCEDURES + "/" + id + "/reject", obj("comment", "blurry photo"), alice.auth());
        assertStatus(r, 200);
        assertThat(r.json().get("state").asString()).isEqualTo("rejected");
        assertThat(r.json().get("comment").asString()).isEqualTo("blurry photo");
        assertThat(person(person).status().verification())
                .isEqualTo(CensusStatus.Verification.VERIFICATION_REQUESTED);
    }

    @Test
    void dismissingLeavesThePersonAlone() {
        long person = enabledPerson();
        int before = person(person).version();
        long id = pendingDocumentVerification(person, null);
        Api.Response r = api.post(PROCEDURES + "/" + id + "/dismiss", obj("comment", "sent twice"), alice.auth());
        assertStatus(r, 200);
        assertThat(r.json().get("state").asString()).isEqualTo("dismissed");
        assertThat(person(person).version()).isEqualTo(before);
        assertThat(person(person).status().verification()).isEqualTo(CensusStatus.Verification.NOT_VERIFIED);
    }

    @Test
    void rejectAndDismissNeedAComment() {
        long id = pendingDocumentVerification(enabledPerson(), null);
        for (String decision : List.of("reject", "dismiss")) {
            JsonNode body = problem(api.post(PROCEDURES + "/" + id + "/" + decision, obj(), alice.auth()), 422,
                    "comment");
            assertThat(body.get("reason").asString()).isEqualTo("comment_required");
            problem(api.post(PROCEDURES + "/" + id + "/" + decision, obj("comment", "   "), alice.auth()), 422,
                    "comment");
            problem(api.post(PROCEDURES + "/" + id + "/" + decision, null, alice.auth()), 422, "comment");
        }
        assertThat(procedures.find(id).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);
    }

    @Test
    void decisionBodiesAreChecked() {
        long id = pendingDocumentVerification(enabledPerson(), null);
        problem(api.post(PROCEDURES + "/" + id + "/reject", obj("coment", "typo"), alice.auth()), 400, "coment");
        problem(api.post(PROCEDURES + "/" + id + "/reject", obj("comment", List.of("x")), alice.auth()), 400,
                "comment");
        problem(api.post(PROCEDURES + "/" + id + "/reject", obj("comment", "a\u0000b"), alice.auth()), 422,
                "comment");
        problem(api.post(PROCEDURES + "/" + id + "/reject", obj("comment", "x".repeat(10_001)), alice.auth()),
                422, "comment");
        problem(api.post(PROCEDURES + "/" + id + "/reject", "{not json", alice.auth()), 400);
        problem(api.post(PROCEDURES + "/" + id + "/reject", "[]", alice.auth()), 400);
        problem(api.raw("POST", PROCEDURES + "/" + id + "/reject", "comment=x", "Content-Type",
                "application/x-www-form-urlencoded", alice.auth()[0], alice.auth()[1]), 415);
        problem(api.get(PROCEDURES + "/" + id + "/accept", alice.auth()), 405);
        assertThat(procedures.find(id).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);
    }

    @Test
    void aProcedureThatCannotTakeEffectIsNotAccepted() {
        long untrusted = register(dni(), "x-" + unique() + "@mailinator.com");
        awaitOpenIssues(untrusted);
        long id = pendingDocumentVerification(untrusted, null);
        JsonNode body = problem(api.post(PROCEDURES + "/" + id + "/accept", obj(), alice.auth()), 409);
        assertThat(body.get("reason").asString()).isEqualTo("not_acceptable");
        assertThat(procedures.find(id).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);
    }

    /**
     * An enabled person whose pending data change (to an untrusted email) raised an open issue: the change could
     * take effect now, only the issue holds it.
     */
    private Procedure changeHeldByAnIssue() {
        long person = enabledPerson();
        assertThat(procedures.requestDataChange(person, new org.populus.procedure.PersonDataInput(null, null, null,
                null, null, null, null, null, null, null, null, "held-" + unique() + "@mailinator.com", null, null),
                false, null, org.populus.history.Provenance.system("test"))).isTrue();
        awaitOpenIssues(person);
        Procedure change = procedureOf(person, ProcedureType.PERSON_DATA_CHANGE);
        assertThat(change.state()).isEqualTo(ProcedureState.PENDING);
        return change;
    }

    @Test
    void acceptingIsRefusedWhileThePersonHasAnOpenIssue() {
        Procedure change = changeHeldByAnIssue();
        String email = person(change.personId()).data().email();
        JsonNode body = problem(api.post(PROCEDURES + "/" + change.id() + "/accept", obj("comment", "fine"),
                alice.auth()), 409);
        assertThat(body.get("reason").asString()).isEqualTo("person_has_open_issue");
        assertThat(body.get("detail").asString()).contains("issue");
        assertThat(procedures.find(change.id()).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);
        assertThat(person(change.personId()).data().email()).isEqualTo(email);
    }

    @Test
    void acceptingOverAnOpenIssueNeedsACommentAndIsRecorded() {
        Procedure change = changeHeldByAnIssue();
        long issue = issues.list(false, change.personId(), 10, 0).get(0).id();
        JsonNode noComment = problem(api.post(PROCEDURES + "/" + change.id() + "/accept",
                obj("override_issues", true), alice.auth()), 422, "comment");
        assertThat(noComment.get("reason").asString()).isEqualTo("comment_required");
        problem(api.post(PROCEDURES + "/" + change.id() + "/accept", obj("override_issues", "yes"), alice.auth()),
                400, "override_issues");

        Api.Response r = api.post(PROCEDURES + "/" + change.id() + "/accept",
                obj("comment", "confirmed by phone", "override_issues", true), alice.auth());
        assertStatus(r, 200);
        assertThat(r.json().get("state").asString()).isEqualTo("accepted");
        assertThat(r.json().get("comment").asString()).isEqualTo("confirmed by phone");
        assertThat(r.json().get("information").get("overridden_issues").get(0).asLong()).isEqualTo(issue);
        assertThat(person(change.personId()).data().email()).endsWith("@mailinator.com");
        var versions = registrants.versions(change.personId());
        assertThat(versions.get(versions.size() - 1).reason()).contains("procedure " + change.id())
                .contains("over open issue " + issue);
    }

    @Test
    void nextNeverHandsOutAProcedureHeldByAnOpenIssueEvenPrioritized() {
        Instant now = Instant.now();
        Procedure held = changeHeldByAnIssue();
        // prioritized before anything else in the window, by a client: still held by its person's issue
        long heldVerification = pendingDocumentVerification(held.personId(),
                now.minus(Duration.ofDays(13).plusHours(23).plusMinutes(59)));
        long free = pendingDocumentVerification(enabledPerson(),
                now.minus(Duration.ofDays(13).plusHours(23).plusMinutes(58)));
        // listed after everything that can be accepted
        assertThat(ids(api.get(PROCEDURES + "?type=document_verification&limit=500", alice.auth()),
                Set.of(heldVerification, free))).containsExactly(free, heldVerification);
        Api.Response r = api.post(PROCEDURES + "/next?type=document_verification", null, alice.auth());
        assertStatus(r, 200);
        assertThat(r.json().get("id").asLong()).isEqualTo(free);
        assertThat(procedures.find(heldVerification).orElseThrow().claimedBy()).isNull();
        Api.Response change = api.post(PROCEDURES + "/next?type=person_data_change", null, bob.auth());
        if (change.status() == 200) {
            assertThat(change.json().get("id").asLong()).isNotEqualTo(held.id());
        }
        assertThat(procedures.find(held.id()).orElseThrow().claimedBy()).isNull();
    }

    @Test
    void rejectingARegistrationTrashesThePersonAndUndoRestoresThem() {
        long person = register(dni(), "x-" + unique() + "@mailinator.com");
        awaitOpenIssues(person);
        Procedure registration = procedureOf(person, ProcedureType.REGISTRATION);
        assertThat(registration.state()).isEqualTo(ProcedureState.PENDING);
        Api.Response rejected = api.post(PROCEDURES + "/" + registration.id() + "/reject",
                obj("comment", "fake identity"), alice.auth());
        assertStatus(rejected, 200);
        assertThat(person(person).status().state()).isEqualTo(CensusStatus.State.TRASHED);
        assertThat(person(person).discarded()).isTrue();

        // only the reviewer who decided may undo
        JsonNode other = problem(api.post(PROCEDURES + "/" + registration.id() + "/undo", null, bob.auth()), 409);
        assertThat(other.get("reason").asString()).isEqualTo("not_undoable");

        Api.Response undone = api.post(PROCEDURES + "/" + registration.id() + "/undo", null, alice.auth());
        assertStatus(undone, 200);
        assertThat(undone.json().get("state").asString()).isEqualTo("pending");
        assertThat(undone.json().get("processed_by").isNull()).isTrue();
        assertThat(undone.json().get("claimed_by").asString()).isEqualTo(alice.actor());
        assertThat(person(person).status().state()).isEqualTo(CensusStatus.State.PENDING);
        assertThat(person(person).discarded()).isFalse();
        assertThat(person(person).discardedAt()).isNull();

        // undoing again: it is pending now
        problem(api.post(PROCEDURES + "/" + registration.id() + "/undo", null, alice.auth()), 409);
    }

    @Test
    void undoOfAnAcceptedVerificationUnverifiesThePerson() {
        long person = enabledPerson();
        long id = pendingDocumentVerification(person, null);
        assertStatus(api.post(PROCEDURES + "/" + id + "/accept", null, alice.auth()), 200);
        assertThat(person(person).status().verification()).isEqualTo(CensusStatus.Verification.VERIFIED);
        assertStatus(api.post(PROCEDURES + "/" + id + "/undo", null, alice.auth()), 200);
        assertThat(person(person).status().verification()).isEqualTo(CensusStatus.Verification.NOT_VERIFIED);
        assertThat(procedures.find(id).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);
        // decided again, by someone else
        assertStatus(api.post(PROCEDURES + "/" + id + "/claim", null, alice.auth()), 200);
        problem(api.post(PROCEDURES + "/" + id + "/accept", null, bob.auth()), 409);
        assertStatus(api.delete(PROCEDURES + "/" + id + "/claim", alice.auth()), 200);
        assertStatus(api.post(PROCEDURES + "/" + id + "/accept", null, bob.auth()), 200);
        assertThat(person(person).status().verification()).isEqualTo(CensusStatus.Verification.VERIFIED);
    }

    @Test
    void undoExpiresAfterThirtyMinutes() {
        long person = enabledPerson();
        long id = pendingDocumentVerification(person, null);
        assertStatus(api.post(PROCEDURES + "/" + id + "/accept", null, alice.auth()), 200);
        jdbc.sql("update procedure set processed_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(31))), id).update();
        JsonNode body = problem(api.post(PROCEDURES + "/" + id + "/undo", null, alice.auth()), 409);
        assertThat(body.get("reason").asString()).isEqualTo("undo_expired");
        assertThat(person(person).status().verification()).isEqualTo(CensusStatus.Verification.VERIFIED);
    }

    @Test
    void undoIsRefusedWhenThePersonChangedSince() {
        long person = enabledPerson();
        long id = pendingDocumentVerification(person, null);
        assertStatus(api.post(PROCEDURES + "/" + id + "/accept", null, alice.auth()), 200);
        registrants.setAdditionalInformation(person, "note", "\"changed\"",
                org.populus.history.Provenance.system("test"));
        JsonNode body = problem(api.post(PROCEDURES + "/" + id + "/undo", null, alice.auth()), 409);
        assertThat(body.get("reason").asString()).isEqualTo("person_changed");
        assertThat(person(person).status().verification()).isEqualTo(CensusStatus.Verification.VERIFIED);
        assertThat(procedures.find(id).orElseThrow().state()).isEqualTo(ProcedureState.ACCEPTED);
    }

    @Test
    void automaticDecisionsAndDismissalsCannotBeUndone() {
        long person = enabledPerson();
        Procedure registration = procedureOf(person, ProcedureType.REGISTRATION);
        JsonNode body = problem(api.post(PROCEDURES + "/" + registration.id() + "/undo", null, alice.auth()), 409);
        assertThat(body.get("reason").asString()).isEqualTo("not_undoable");
        assertThat(body.get("detail").asString()).contains("automatically");

        long id = pendingDocumentVerification(person, null);
        assertStatus(api.post(PROCEDURES + "/" + id + "/dismiss", obj("comment", "no files"), alice.auth()), 200);
        problem(api.post(PROCEDURES + "/" + id + "/undo", null, alice.auth()), 409);
        assertThat(person(person).status().state()).isEqualTo(CensusStatus.State.ENABLED);
    }

    @Test
    void aMembershipChangeWaitingForVerificationIsListedAndCannotBeAccepted() {
        long person = enabledPerson();
        assertThat(procedures.requestMembershipLevel(person, "member", null,
                org.populus.history.Provenance.system("test"))).isTrue();
        procedures.processQueued();
        Procedure change = procedureOf(person, ProcedureType.MEMBERSHIP_LEVEL_CHANGE);
        eventually(() -> procedures.queued() == 0 || procedures.find(change.id()).orElseThrow().pending(),
                () -> "the queue");
        assertThat(procedures.find(change.id()).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);
        assertThat(ids(api.get(PROCEDURES + "?type=membership_level_change&limit=500", alice.auth()),
                Set.of(change.id()))).containsExactly(change.id());
        JsonNode body = problem(api.post(PROCEDURES + "/" + change.id() + "/accept", null, alice.auth()), 409);
        assertThat(body.get("reason").asString()).isEqualTo("not_acceptable");

        // once the person is verified, it can be accepted
        long verification = pendingDocumentVerification(person, null);
        assertStatus(api.post(PROCEDURES + "/" + verification + "/accept", null, alice.auth()), 200);
        procedures.processQueued();
        eventually(() -> procedures.find(change.id()).orElseThrow().state() == ProcedureState.ACCEPTED,
                () -> "the membership change accepted by the queue");
        assertThat(person(person).status().membershipLevel()).isEqualTo(CensusStatus.MembershipLevel.MEMBER);
        Api.Response list = api.get(PEOPLE + "/" + person + "/procedures", alice.auth());
        assertStatus(list, 200);
        List<String> types = new ArrayList<>();
        list.json().forEach(p -> types.add(p.get("type").asString()));
        assertThat(types).containsExactly("document_verification", "membership_level_change", "registration");
    }
}
