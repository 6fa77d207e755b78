package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.problem;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.history.Provenance;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureType;
import org.populus.support.Api;
import tools.jackson.databind.JsonNode;

/** A person's history and procedures through real HTTP. */
class AdminPeopleHttpTest extends ReviewHttpTest {

    @Test
    void versionsShowEveryChangeWithWhoAndWhy() {
        long person = enabledPerson();
        Procedure registration = procedureOf(person, ProcedureType.REGISTRATION);
        registrants.setAdditionalInformation(person, "note", "{\"a\":1}", new Provenance("user:someone", "test"));
        Api.Response r = api.get(PEOPLE + "/" + person + "/versions", staff(Role.DATA).auth());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode versions = r.json();
        assertThat(versions.size()).isEqualTo(3);

        JsonNode created = versions.get(0);
        assertThat(created.propertyNames()).containsExactly("version", "recorded_at", "actor", "reason", "snapshot");
        assertThat(created.get("actor").asString()).isEqualTo("system");
        assertThat(created.get("reason").asString()).isEqualTo("test");
        assertThat(created.get("snapshot").isObject()).isTrue();
        assertThat(created.get("snapshot").get("id").asLong()).isEqualTo(person);
        assertThat(created.get("snapshot").get("status").get("state").asString()).isEqualToIgnoringCase("pending");

        JsonNode accepted = versions.get(1);
        assertThat(accepted.get("actor").asString()).isEqualTo("system:procedures");
        assertThat(accepted.get("reason").asString())
                .isEqualTo("procedure " + registration.id() + " (registration) accepted");
        assertThat(accepted.get("snapshot").get("status").get("state").asString()).isEqualToIgnoringCase("enabled");
        assertThat(accepted.get("version").asInt()).isGreaterThan(created.get("version").asInt());
        assertThat(Instant.parse(accepted.get("recorded_at").asString()))
                .isAfter(Instant.parse(created.get("recorded_at").asString()));

        assertThat(versions.get(2).get("actor").asString()).isEqualTo("user:someone");
    }

    @Test
    void proceduresOfAPersonNewestFirstInAnyState() {
        long person = enabledPerson();
        long verification = pendingDocumentVerification(person, null);
        Staff data = staff(Role.DATA);
        Api.Response r = api.get(PEOPLE + "/" + person + "/procedures", data.auth());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode list = r.json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(verification);
        assertThat(list.get(0).get("state").asString()).isEqualTo("pending");
        assertThat(list.get(1).get("type").asString()).isEqualTo("registration");
        assertThat(list.get(1).get("state").asString()).isEqualTo("accepted");
        assertThat(list.get(1).get("person_id").asLong()).isEqualTo(person);
    }

    @Test
    void unknownPeopleAndBadIdsAreProblems() {
        Staff data = staff(Role.DATA);
        JsonNode body = problem(api.get(PEOPLE + "/" + Long.MAX_VALUE + "/versions", data.auth()), 404);
        assertThat(body.get("detail").asString()).contains("does not exist");
        problem(api.get(PEOPLE + "/" + Long.MAX_VALUE + "/procedures", data.auth()), 404);
        problem(api.get(PEOPLE + "/0/versions", data.auth()), 404);
        problem(api.get(PEOPLE + "/abc/versions", data.auth()), 400);
        problem(api.get(PEOPLE + "/1.5/versions", data.auth()), 400);
        problem(api.get(PEOPLE + "/1", data.auth()), 404);
        problem(api.post(PEOPLE + "/1/versions", null, data.auth()), 405);
    }
}
