package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.problem;
import static org.populus.support.Api.obj;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.person.CensusStatus;
import org.populus.person.PersonEvent;
import org.populus.history.Provenance;
import tools.jackson.databind.JsonNode;

/** Who may use the review endpoints: registrar for procedures and issues, data (or registrar) for people. */
class AdminReviewSecurityHttpTest extends ReviewHttpTest {

    private static final List<String> REGISTRAR_PATHS = List.of(PROCEDURES, PROCEDURES + "/1", ISSUES,
            ISSUES + "/1");

    @Test
    void withoutCredentialsEveryReviewPathIs401() {
        for (String path : List.of(PROCEDURES, PROCEDURES + "/1", ISSUES, PEOPLE + "/1/versions",
                PEOPLE + "/1/procedures")) {
            problem(api.get(path), 401);
        }
        problem(api.post(PROCEDURES + "/next", null), 401);
        problem(api.post(PROCEDURES + "/1/accept", obj()), 401);
        problem(api.post(ISSUES + "/1/resolve", obj("resolution", "trusted")), 401);
    }

    @Test
    void withoutTheRoleItIs403AndNamesTheRole() {
        long person = enabledPerson();
        for (Staff caller : List.of(staff(), staff(Role.ADMIN), staff(Role.REGISTRY_WRITE), staff(Role.DATA))) {
            for (String path : REGISTRAR_PATHS) {
                JsonNode body = problem(api.get(path, caller.auth()), 403);
                assertThat(body.get("detail").asString()).contains("registrar");
            }
            problem(api.post(PROCEDURES + "/next", null, caller.auth()), 403);
            problem(api.post(PROCEDURES + "/1/claim", null, caller.auth()), 403);
            problem(api.post(ISSUES + "/1/resolve", obj("resolution", "trusted"), caller.auth()), 403);
        }
        for (Staff caller : List.of(staff(), staff(Role.ADMIN), staff(Role.REGISTRY_WRITE))) {
            JsonNode body = problem(api.get(PEOPLE + "/" + person + "/versions", caller.auth()), 403);
            assertThat(body.get("detail").asString()).contains("data");
            problem(api.get(PEOPLE + "/" + person + "/procedures", caller.auth()), 403);
        }
    }

    @Test
    void registrarReviewsAndDataReadsHistory() {
        long person = enabledPerson();
        Staff registrar = staff(Role.REGISTRAR);
        Staff data = staff(Role.DATA);
        assertStatus(api.get(PROCEDURES, registrar.auth()), 200);
        assertStatus(api.get(ISSUES, registrar.auth()), 200);
        assertStatus(api.get(PEOPLE + "/" + person + "/versions", registrar.auth()), 200);
        assertStatus(api.get(PEOPLE + "/" + person + "/procedures", registrar.auth()), 200);
        assertStatus(api.get(PEOPLE + "/" + person + "/versions", data.auth()), 200);
        assertStatus(api.get(PEOPLE + "/" + person + "/procedures", data.auth()), 200);
    }

    @Test
    void otherAdminPathsStillNeedAdmin() {
        Staff both = staff(Role.REGISTRAR, Role.DATA);
        JsonNode body = problem(api.get("/admin/api/users", both.auth()), 403);
        assertThat(body.get("detail").asString()).contains("admin");
        problem(api.get("/admin/api/catalog/genders", both.auth()), 403);
        // paths added later (api-keys, scopes) are covered by the admin default
        problem(api.get("/admin/api/api-keys", both.auth()), 403);
        problem(api.get("/admin/api/no-such-thing", both.auth()), 403);
        problem(api.get("/admin/api/no-such-thing", staff(Role.ADMIN).auth()), 404);
        assertStatus(api.get("/admin/api/users", staff(Role.ADMIN).auth()), 200);
    }

    @Test
    void openApiDocumentsTheReviewEndpoints() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        for (String[] op : new String[][] {{PROCEDURES, "get"}, {PROCEDURES + "/{id}", "get"},
                {PROCEDURES + "/{id}/claim", "post"}, {PROCEDURES + "/{id}/claim", "delete"},
                {PROCEDURES + "/next", "post"}, {PROCEDURES + "/{id}/accept", "post"},
                {PROCEDURES + "/{id}/reject", "post"}, {PROCEDURES + "/{id}/dismiss", "post"},
                {PROCEDURES + "/{id}/undo", "post"}, {ISSUES, "get"}, {ISSUES + "/{id}", "get"},
                {ISSUES + "/{id}/resolve", "post"}, {PEOPLE + "/{id}/versions", "get"},
                {PEOPLE + "/{id}/procedures", "get"}}) {
            JsonNode operation = paths.get(op[0]).get(op[1]);
            assertThat(operation).as(op[0] + " " + op[1]).isNotNull();
            assertThat(operation.get("summary").asString()).isNotBlank();
            assertThat(operation.get("tags").get(0).asString()).startsWith("Admin: ");
        }
    }

    @Test
    void aRegistrarDoesNotSeeDiscardedPeopleButDataDoes() {
        long person = enabledPerson();
        registrants.transition(person, Provenance.system("test"), PersonEvent.TRASH);
        assertThat(person(person).status().state()).isEqualTo(CensusStatus.State.TRASHED);
        Staff registrar = staff(Role.REGISTRAR);
        JsonNode body = problem(api.get(PEOPLE + "/" + person + "/versions", registrar.auth()), 403);
        assertThat(body.get("detail").asString()).contains("discarded").contains("data");
        problem(api.get(PEOPLE + "/" + person + "/procedures", registrar.auth()), 403);
        Staff data = staff(Role.DATA);
        assertStatus(api.get(PEOPLE + "/" + person + "/versions", data.auth()), 200);
        assertStatus(api.get(PEOPLE + "/" + person + "/procedures", data.auth()), 200);
    }
}
