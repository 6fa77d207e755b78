package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.problem;
import static org.populus.support.Api.obj;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.person.CensusStatus;
import org.populus.procedure.Issue;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureState;
import org.populus.procedure.ProcedureType;
import org.populus.support.Api;
import tools.jackson.databind.JsonNode;

/** The issue endpoints through real HTTP: the list, and what each resolution does to the people involved. */
class AdminIssuesHttpTest extends ReviewHttpTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private Staff alice;

    @BeforeEach
    void reviewer() {
        alice = staff(Role.REGISTRAR);
    }

    /** Two people with one document: the first enabled, the second's registration held by the issue. */
    private record Duplicates(long first, long second, long issue) {
    }

    private Duplicates duplicates() {
        String dni = dni();
        long first = register(dni, "first-" + unique() + "@example.org");
        awaitState(first, CensusStatus.State.ENABLED);
        long second = register(dni, "second-" + unique() + "@example.org");
        List<Issue> open = awaitOpenIssues(second);
        assertThat(open).hasSize(1);
        return new Duplicates(first, second, open.get(0).id());
    }

    @Test
    void aDuplicatedDocumentIsListedWithItsPeopleAndProcedure() {
        Duplicates d = duplicates();
        Procedure registration = procedureOf(d.second(), ProcedureType.REGISTRATION);
        assertThat(registration.state()).isEqualTo(ProcedureState.PENDING);

        Api.Response r = api.get(ISSUES + "?person_id=" + d.second(), alice.auth());
        assertStatus(r, 200);
        assertThat(r.json().size()).isEqualTo(1);
        JsonNode issue = r.json().get(0);
        assertThat(issue.get("id").asLong()).isEqualTo(d.issue());
        assertThat(issue.get("type").asString()).isEqualTo("duplicated_document");
        assertThat(issue.get("state").asString()).isEqualTo("open");
        assertThat(issue.get("key").asString()).startsWith("dni|ES|");
        assertThat(issue.get("information").get("document_type").asString()).isEqualTo("dni");
        assertThat(issue.get("person_ids").toString()).isEqualTo("[" + d.first() + "," + d.second() + "]");
        assertThat(issue.get("procedure_ids").toString()).isEqualTo("[" + registration.id() + "]");
        assertThat(issue.get("resolution").isNull()).isTrue();
        assertThat(Instant.parse(issue.get("created_at").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(issue.propertyNames()).containsExactlyInAnyOrder("id", "type", "key", "state", "information",
                "person_ids", "procedure_ids", "resolution", "comment", "resolved_by", "resolved_at", "created_at");

        assertThat(api.get(ISSUES + "/" + d.issue(), alice.auth()).json()).isEqualTo(issue);
        assertThat(ids(api.get(ISSUES + "?person_id=" + d.first(), alice.auth()))).containsExactly(d.issue());
        assertThat(ids(api.get(ISSUES + "?limit=500", alice.auth()))).contains(d.issue());
        // the review list knows the person has an open issue
        JsonNode procedure = api.get(PROCEDURES + "/" + registration.id(), alice.auth()).json();
        assertThat(procedure.get("open_issues").asBoolean()).isTrue();
    }

    @Test
    void listParametersAreChecked() {
        problem(api.get(ISSUES + "?state=closed", alice.auth()), 400, "state");
        problem(api.get(ISSUES + "?person_id=abc", alice.auth()), 400, "person_id");
        problem(api.get(ISSUES + "?limit=0", alice.auth()), 400, "limit");
        problem(api.get(ISSUES + "?offset=-3", alice.auth()), 400, "offset");
        problem(api.get(ISSUES + "/abc", alice.auth()), 400);
        JsonNode missing = problem(api.get(ISSUES + "/" + Long.MAX_VALUE, alice.auth()), 404);
        assertThat(missing.get("detail").asString()).contains("Issue");
        assertThat(api.get(ISSUES + "?person_id=" + Long.MAX_VALUE, alice.auth()).json().isEmpty()).isTrue();
    }

    @Test
    void fraudTrashesThePeopleNotChosen() {
        Duplicates d = duplicates();
        Api.Response r = api.post(ISSUES + "/" + d.issue() + "/resolve",
                obj("resolution", "fraud", "chosen_person_id", d.first(), "comment", "stolen document"),
                alice.auth());
        assertStatus(r, 200);
        JsonNode issue = r.json();
        assertThat(issue.get("state").asString()).isEqualTo("resolved");
        assertThat(issue.get("resolution").asString()).isEqualTo("fraud");
        assertThat(issue.get("comment").asString()).isEqualTo("stolen document");
        assertThat(issue.get("resolved_by").asString()).isEqualTo(alice.actor());
        assertThat(issue.get("information").get("chosen_person_id").asLong()).isEqualTo(d.first());
        assertThat(Instant.parse(issue.get("resolved_at").asString())).isBeforeOrEqualTo(Instant.now());

        assertThat(person(d.second()).status().state()).isEqualTo(CensusStatus.State.TRASHED);
        assertThat(person(d.second()).status().verification()).isEqualTo(CensusStatus.Verification.FRAUDULENT);
        assertThat(person(d.first()).status().state()).isEqualTo(CensusStatus.State.ENABLED);
        // the held registration is dismissed once the queue sees the person discarded
        procedures.processQueued();
        eventually(() -> procedureOf(d.second(), ProcedureType.REGISTRATION).state() == ProcedureState.DISMISSED,
                () -> "the registration dismissed");
        assertThat(procedureOf(d.second(), ProcedureType.REGISTRATION).comment()).isEqualTo("discarded_person");
        // resolved issues are listed with state=all only
        assertThat(ids(api.get(ISSUES + "?person_id=" + d.second(), alice.auth()))).isEmpty();
        assertThat(ids(api.get(ISSUES + "?state=all&person_id=" + d.second(), alice.auth())))
                .containsExactly(d.issue());

        JsonNode again = problem(api.post(ISSUES + "/" + d.issue() + "/resolve", obj("resolution", "not_duplicate"),
                alice.auth()), 409);
        assertThat(again.get("reason").asString()).isEqualTo("already_resolved");
    }

    @Test
    void mistakeAlsoTrashesThePeopleNotChosen() {
        Duplicates d = duplicates();
        assertStatus(api.post(ISSUES + "/" + d.issue() + "/resolve",
                obj("resolution", "mistake", "chosen_person_id", d.second()), alice.auth()), 200);
        assertThat(person(d.first()).status().state()).isEqualTo(CensusStatus.State.TRASHED);
        assertThat(person(d.first()).status().verification()).isEqualTo(CensusStatus.Verification.MISTAKE);
        // the chosen person's registration goes through now
        procedures.processQueued();
        awaitState(d.second(), CensusStatus.State.ENABLED);
    }

    @Test
    void notDuplicateLetsTheHeldRegistrationThrough() {
        Duplicates d = duplicates();
        assertStatus(api.post(ISSUES + "/" + d.issue() + "/resolve", obj("resolution", "not_duplicate"),
                alice.auth()), 200);
        procedures.processQueued();
        awaitState(d.second(), CensusStatus.State.ENABLED);
        assertThat(procedureOf(d.second(), ProcedureType.REGISTRATION).state()).isEqualTo(ProcedureState.ACCEPTED);
        assertThat(person(d.first()).status().state()).isEqualTo(CensusStatus.State.ENABLED);
        // the settled issue is not raised again
        assertThat(issues.list(false, d.second(), 10, 0)).isEmpty();
    }

    @Test
    void anUntrustedEmailIsTrustedOrNot() {
        long trusted = register(dni(), "t-" + unique() + "@mailinator.com");
        long issue = awaitOpenIssues(trusted).get(0).id();
        JsonNode body = api.get(ISSUES + "/" + issue, alice.auth()).json();
        assertThat(body.get("type").asString()).isEqualTo("untrusted_email");
        assertStatus(api.post(ISSUES + "/" + issue + "/resolve", obj("resolution", "trusted"), alice.auth()), 200);
        procedures.processQueued();
        awaitState(trusted, CensusStatus.State.ENABLED);

        long untrusted = register(dni(), "u-" + unique() + "@mailinator.com");
        long other = awaitOpenIssues(untrusted).get(0).id();
        assertStatus(api.post(ISSUES + "/" + other + "/resolve", obj("resolution", "not_trusted"), alice.auth()),
                200);
        assertThat(person(untrusted).status().state()).isEqualTo(CensusStatus.State.TRASHED);
        assertThat(person(untrusted).status().verification()).isEqualTo(CensusStatus.Verification.FRAUDULENT);
    }

    @Test
    void someoneJoiningTheIssueWhileItIsResolvedIsResolvedToo() throws Exception {
        Duplicates d = duplicates();
        long third = enabledPerson();
        var joined = new java.util.concurrent.CountDownLatch(1);
        var commit = new java.util.concurrent.CountDownLatch(1);
        var detection = java.util.concurrent.CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                status -> {
                    // what the issue detector does when a third person shows the same document
                    jdbc.sql("insert into issue_person (issue_id, party_id) values (?, ?)")
                            .params(d.issue(), third).update();
                    joined.countDown();
                    try {
                        commit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        joined.await();
        var resolved = java.util.concurrent.CompletableFuture.supplyAsync(() -> api.post(ISSUES + "/" + d.issue()
                + "/resolve", obj("resolution", "fraud", "chosen_person_id", d.first()), alice.auth()));
        Thread.sleep(500); // the resolution waits for the detection's transaction
        commit.countDown();
        detection.get(30, java.util.concurrent.TimeUnit.SECONDS);
        Api.Response r = resolved.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertStatus(r, 200);
        assertThat(r.json().get("person_ids").toString()).contains(String.valueOf(third));
        assertThat(person(d.second()).status().state()).isEqualTo(CensusStatus.State.TRASHED);
        assertThat(person(third).status().state()).isEqualTo(CensusStatus.State.TRASHED);
        assertThat(person(d.first()).status().state()).isEqualTo(CensusStatus.State.ENABLED);
    }

    @Test
    void resolutionsThatDoNotFitAreRefused() {
        Duplicates d = duplicates();
        String path = ISSUES + "/" + d.issue() + "/resolve";
        JsonNode wrong = problem(api.post(path, obj("resolution", "trusted"), alice.auth()), 422);
        assertThat(wrong.get("reason").asString()).isEqualTo("invalid_resolution");
        assertThat(wrong.get("detail").asString()).contains("not_duplicate");
        JsonNode noChoice = problem(api.post(path, obj("resolution", "fraud"), alice.auth()), 422);
        assertThat(noChoice.get("reason").asString()).isEqualTo("invalid_resolution");
        assertThat(noChoice.get("detail").asString()).contains("chosen_person_id");
        problem(api.post(path, obj("resolution", "fraud", "chosen_person_id", Long.MAX_VALUE), alice.auth()), 422);
        problem(api.post(path, obj(), alice.auth()), 422, "resolution");
        problem(api.post(path, obj("resolution", "fraud", "chosen_person", d.first()), alice.auth()), 400,
                "chosen_person");
        problem(api.post(path, obj("resolution", "fraud", "chosen_person_id", "abc"), alice.auth()), 400,
                "chosen_person_id");
        problem(api.post(path, obj("resolution", "not_duplicate", "comment", "a\u0000"), alice.auth()), 422,
                "comment");
        problem(api.post(path, null, alice.auth()), 400);
        JsonNode missing = problem(api.post(ISSUES + "/" + Long.MAX_VALUE + "/resolve",
                obj("resolution", "trusted"), alice.auth()), 404);
        assertThat(missing.get("reason").asString()).isEqualTo("not_found");
        // nothing changed
        assertThat(issues.find(d.issue()).orElseThrow().open()).isTrue();
        assertThat(person(d.first()).status().state()).isEqualTo(CensusStatus.State.ENABLED);
        assertThat(person(d.second()).status().state()).isEqualTo(CensusStatus.State.PENDING);
    }

    private static List<Long> ids(Api.Response r) {
        assertStatus(r, 200);
        List<Long> ids = new ArrayList<>();
        r.json().forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }
}
