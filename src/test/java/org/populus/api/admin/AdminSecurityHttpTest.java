package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.problem;
import static org.populus.support.Api.basic;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** Who may call the Admin API, and the problem details of the security chain. */
class AdminSecurityHttpTest extends HttpTest {

    private static final List<String> PATHS = List.of("/admin/api/users", "/admin/api/catalog/id-types",
            "/admin/api/catalog/genders", "/admin/api/catalog/group-kinds", "/admin/api/catalog/member-kinds",
            "/admin/api/catalog/programmes");

    @Test
    void withoutCredentialsEveryEndpointIs401ProblemDetail() {
        for (String path : PATHS) {
            JsonNode body = problem(api.get(path), 401);
            assertThat(body.get("instance").asString()).isEqualTo(path);
            assertThat(body.get("title").asString()).isEqualTo("Unauthorized");
        }
        problem(api.post("/admin/api/users", obj("login", "x-" + unique(), "password", "long-enough-1",
                "roles", List.of())), 401);
        problem(api.get("/admin/api/no-such-thing"), 401);
        problem(api.delete("/admin/api/catalog/genders/1"), 401);
    }

    @Test
    void unknownSessionOrWrongPasswordIs401() {
        problem(api.get("/admin/api/users", session("no-such-session")), 401);
        problem(api.get("/admin/api/users", "Cookie", "session_id=no-such-session"), 401);
        problem(api.get("/admin/api/users", basic("admin", "wrong-password")), 401);
        problem(api.get("/admin/api/users", "Authorization", "Basic !!!not-base64!!!"), 401);
    }

    @Test
    void registryUsersGet403ProblemDetail() {
        String writer = sessionWith(Role.REGISTRY_WRITE);
        String reader = sessionWith(Role.REGISTRY_READ);
        for (String path : PATHS) {
            JsonNode body = problem(api.get(path, session(writer)), 403);
            assertThat(body.get("detail").asString()).contains("admin");
            problem(api.get(path, session(reader)), 403);
        }
        String login = "nobody-" + unique();
        problem(api.post("/admin/api/users", obj("login", login, "password", "long-enough-1", "roles",
                List.of("admin")), session(writer)), 403);
        assertThat(accounts.find(login)).isEmpty();
    }

    @Test
    void adminMayUseSessionHeaderCookieOrBasic() {
        String sid = adminSession();
        assertThat(api.get("/admin/api/users", session(sid)).status()).isEqualTo(200);
        assertThat(api.get("/admin/api/users", "Cookie", "session_id=" + sid).status()).isEqualTo(200);
        assertThat(api.get("/admin/api/users", basic("admin", ADMIN_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void adminWithoutRegistryRolesMayAdministerButNotUseTheRegistry() {
        String sid = sessionWith(Role.ADMIN);
        assertThat(api.get("/admin/api/catalog/genders", session(sid)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/registry/individual/1", session(sid)).status()).isEqualTo(403);
    }

    @Test
    void unknownPathAndWrongMethodAreProblemDetails() {
        String sid = adminSession();
        JsonNode notFound = problem(api.get("/admin/api/no-such-thing", session(sid)), 404);
        assertThat(notFound.get("instance").asString()).isEqualTo("/admin/api/no-such-thing");
        problem(api.delete("/admin/api/users", session(sid)), 405);
        problem(api.raw("PATCH", "/admin/api/catalog/genders", "{}", "Content-Type", "application/json",
                "X-Openerp-Session-Id", sid), 405);
    }

    @Test
    void openApiDocumentsEveryAdminEndpoint() {
        JsonNode doc = api.get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        assertThat(paths.get("/admin/api/users").get("get").get("summary").asString()).isNotBlank();
        assertThat(paths.get("/admin/api/users").get("post")).isNotNull();
        assertThat(paths.get("/admin/api/users/{login}").get("get")).isNotNull();
        assertThat(paths.get("/admin/api/users/{login}").get("put")).isNotNull();
        assertThat(paths.get("/admin/api/users/{login}/roles").get("put")).isNotNull();
        for (String action : List.of("disable", "enable", "password")) {
            assertThat(paths.get("/admin/api/users/{login}/" + action).get("post").get("summary")).isNotNull();
        }
        for (String kind : List.of("id-types", "genders", "group-kinds", "member-kinds", "programmes")) {
            JsonNode list = paths.get("/admin/api/catalog/" + kind);
            JsonNode one = paths.get("/admin/api/catalog/" + kind + "/{id}");
            assertThat(list.get("get").get("summary").asString()).isNotBlank();
            assertThat(list.get("post").get("summary").asString()).isNotBlank();
            for (String method : List.of("get", "put", "delete")) {
                assertThat(one.get(method).get("summary").asString()).as(kind + " " + method).isNotBlank();
                assertThat(one.get(method).get("tags").get(0).asString()).startsWith("Admin: ");
            }
        }
        assertThat(doc.toString()).doesNotContain("password_hash").doesNotContain("\"unknown\"");
    }
}
