package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.populus.access.Role;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.populus.procedure.Issue;
import org.populus.procedure.Issues;
import org.populus.procedure.PersonDataInput;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Procedures;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the review tests: people registered through the procedure module (valid Spanish data, unique names and
 * documents), pending procedures inserted directly, staff users with known logins. The queue's background workers
 * run too, so waits poll until the expected state is committed.
 */
abstract class ReviewHttpTest extends HttpTest {

    static final String PROCEDURES = "/admin/api/procedures";
    static final String ISSUES = "/admin/api/issues";
    static final String PEOPLE = "/admin/api/people";
    private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    @Autowired
    Procedures procedures;

    @Autowired
    Registrants registrants;

    @Autowired
    Issues issues;

    /** A staff user: login, actor as recorded ({@code user:<login>}) and session headers. */
    record Staff(String login, String actor, String[] auth) {
    }

    Staff staff(Role... roles) {
        String login = "staff-" + unique();
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(List.of(roles));
        accounts.create(login, null, "password-" + login, set);
        return new Staff(login, "user:" + login, Api.session(api.login(login, "password-" + login)));
    }

    /** A valid DNI nobody else is likely to hold. */
    static String dni() {
        int n = ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        return String.format("%08d", n) + NIF_LETTERS.charAt(n % 23);
    }

    /** Registers a person (unique name) with this document and email; returns their id. */
    long register(String dni, String email) {
        // letters only, one per hex digit of a unique string: the name must not repeat (same name and birth date
        // is a duplicated-person issue, which would hold the registration)
        String name = "Ana" + unique().chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
                .collect(java.util.stream.Collectors.joining());
        return procedures.register(new PersonDataInput(name, "Review", null, "dni", dni, "ES", "1980-01-01",
                "female", "Calle Mayor 1", "ES", "28001", email, "ES", null),
                ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE) + "@test-" + unique(),
                "origin_qualified_id", null, Provenance.system("test"));
    }

    long register() {
        return register(dni(), "ana-" + unique() + "@example.org");
    }

    /** A person whose registration the queue accepted. */
    long enabledPerson() {
        long id = register();
        awaitState(id, CensusStatus.State.ENABLED);
        return id;
    }

    Registrant person(long id) {
        return registrants.find(id).orElseThrow();
    }

    void awaitState(long personId, CensusStatus.State state) {
        eventually(() -> person(personId).status().state() == state,
                () -> "person " + personId + " " + state + ", is " + person(personId).status());
    }

    /** The person's open issues, once the queue has raised at least one. */
    List<Issue> awaitOpenIssues(long personId) {
        eventually(() -> !issues.list(false, personId, 10, 0).isEmpty(), () -> "an open issue of " + personId);
        return issues.list(false, personId, 10, 0);
    }

    Procedure procedureOf(long personId, ProcedureType type) {
        return procedures.ofPerson(personId).stream().filter(p -> p.type() == type).findFirst().orElseThrow();
    }

    /** A pending document verification (no request method yet), prioritized at that time or not at all. */
    long pendingDocumentVerification(long personId, Instant prioritizedAt) {
        return jdbc.sql("""
                insert into procedure (party_id, type, state, information, prioritized_at, created_at, updated_at,
                  version)
                values (?, 'document_verification', 'pending', '{"files":[]}', ?, clock_timestamp(),
                  clock_timestamp(), 1)
                returning id""")
                .params(personId, prioritizedAt == null ? null : Timestamp.from(prioritizedAt))
                .query(Long.class).single();
    }

    static void eventually(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void assertStatus(Api.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
    }
}
