package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.headers;
import static org.populus.api.admin.AdminAssertions.problem;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * Bodies the Admin API cannot read, over real HTTP: malformed JSON and wrong types (400, naming the field),
 * unknown fields (400), bodies over the limit (413), other media types (415). Each is a problem detail without
 * Java internals, and changes nothing.
 */
class AdminRequestErrorsHttpTest extends HttpTest {

    private static final String USERS = "/admin/api/users";
    private static final String GROUP_KINDS = "/admin/api/catalog/group-kinds";

    private String sid;
    private String[] admin;
    private String login;

    @BeforeEach
    void login() {
        sid = adminSession();
        admin = session(sid);
        login = "err-" + unique();
    }

    private Api.Response raw(String method, String path, String body) {
        return api.raw(method, path, body, headers(admin, "Content-Type", "application/json"));
    }

    private void nothingCreated() {
        assertThat(accounts.find(login)).isEmpty();
    }

    @Test
    void malformedJsonIs400() {
        JsonNode body = problem(raw("POST", USERS, "{\"login\": \"" + login + "\", \"password\": "), 400);
        assertThat(body.get("detail").asString()).startsWith("Malformed JSON");
        assertThat(body.get("instance").asString()).isEqualTo(USERS);
        problem(raw("POST", USERS, "{\"login\": \"" + login + "\"} trailing"), 400);
        problem(raw("POST", USERS, "{login: 1}"), 400);
        problem(raw("POST", GROUP_KINDS, "{\"name\": \"K\",}"), 400);
        problem(raw("PUT", USERS + "/admin/roles", "[1, 2"), 400);
        nothingCreated();
    }

    @Test
    void missingOrNonObjectBodyIs400() {
        assertThat(problem(raw("POST", USERS, ""), 400).get("detail").asString()).contains("body is required");
        assertThat(problem(raw("POST", USERS, "null"), 400).get("detail").asString()).contains("body is required");
        assertThat(problem(raw("POST", USERS, "[]"), 400).get("detail").asString()).contains("JSON object");
        problem(raw("POST", USERS, "\"text\""), 400);
        problem(raw("POST", "/admin/api/users/admin/disable", ""), 400);
        nothingCreated();
    }

    @Test
    void wrongTypesAre400NamingTheField() {
        JsonNode roles = problem(api.post(USERS, obj("login", login, "password", "secret-pass-1", "roles", "admin"),
                admin), 400, "roles");
        assertThat(roles.get("detail").asString()).contains("a list");
        problem(api.post(USERS, obj("login", List.of("x"), "password", "secret-pass-1", "roles", List.of()), admin),
                400, "login");
        problem(api.post(USERS, obj("login", login, "password", "secret-pass-1", "roles", List.of(obj("a", 1))),
                admin), 400, "roles[0]");
        JsonNode version = problem(raw("POST", "/admin/api/users/admin/disable", "{\"version\": \"abc\"}"), 400,
                "version");
        assertThat(version.get("detail").asString()).contains("an integer");
        problem(raw("POST", "/admin/api/users/admin/disable", "{\"version\": 99999999999}"), 400, "version");
        problem(raw("POST", GROUP_KINDS, "{\"name\": {\"a\": 1}}"), 400, "name");
        JsonNode flag = problem(raw("POST", "/admin/api/catalog/member-kinds", "{\"name\": \"R\", \"unique\": \"sure\"}"),
                400, "unique");
        assertThat(flag.get("detail").asString()).contains("true or false");
        problem(api.get("/admin/api/catalog/programmes/1.5", admin), 400, "id");
        problem(api.delete("/admin/api/catalog/programmes/99999999999999999999", admin), 400, "id");
        nothingCreated();
        assertThat(accounts.find("admin").orElseThrow().disabled()).isFalse();
    }

    @Test
    void unknownFieldsAre400SoTyposAreNotIgnored() {
        JsonNode body = problem(api.post(USERS, obj("login", login, "password", "secret-pass-1", "roles", List.of(),
                "displayName", "Typo"), admin), 400, "displayName");
        assertThat(body.get("detail").asString()).contains("Unknown field");
        problem(api.post("/admin/api/catalog/id-types", obj("name", "T " + unique(), "validationRegex", "[0-9]+"),
                admin), 400, "validationRegex");
        nothingCreated();
    }

    @Test
    void anUnknownFieldInAnOptionalDecisionBodyIs400BeforeTheProcedureIsLookedUp() {
        String[] registrar = session(sessionWith(Role.REGISTRAR));
        JsonNode body = problem(api.raw("POST", "/admin/api/procedures/999999999/accept", "{\"comentt\": \"typo\"}",
                headers(registrar, "Content-Type", "application/json")), 400, "comentt");
        assertThat(body.get("detail").asString()).isEqualTo("Unknown field 'comentt'.");
    }

    @Test
    void anUnknownFieldInACatalogueReplacementIs400NamingTheFirstOne() {
        JsonNode body = problem(raw("PUT", GROUP_KINDS + "/999999999", "{\"name\": \"K\", \"versoin\": 0, "
                + "\"other\": 1}"), 400, "versoin");
        assertThat(body.get("detail").asString()).isEqualTo("Unknown field 'versoin'.");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "x".repeat(70 * 1024);
        JsonNode body = problem(api.post(USERS, obj("login", login, "display_name", big, "password",
                "secret-pass-1", "roles", List.of()), admin), 413);
        assertThat(body.get("title").asString()).isEqualTo("Content Too Large");
        assertThat(body.get("detail").asString()).contains("65536");
        problem(api.post(GROUP_KINDS, obj("name", big), admin), 413);
        nothingCreated();

    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        String json = "{\"login\": \"" + login + "\", \"password\": \"secret-pass-1\", \"roles\": [], "
                + "\"display_name\": \"" + "y".repeat(70 * 1024) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + USERS))
                .header("Content-Type", "application/json").header("X-Openerp-Session-Id", sid)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        problem(new Api.Response(r.statusCode(), r.headers().map(), r.body()), 413);
        nothingCreated();
    }

    @Test
    void otherMediaTypesAre415() {
        String json = Api.JSON.writeValueAsString(obj("login", login, "password", "secret-pass-1", "roles",
                List.of()));
        JsonNode body = problem(api.raw("POST", USERS, json, headers(admin, "Content-Type", "text/plain")), 415);
        assertThat(body.get("detail").asString()).contains("text/plain");
        problem(api.raw("POST", USERS, json, headers(admin, "Content-Type", "application/xml")), 415);
        problem(api.raw("PUT", GROUP_KINDS + "/1", "name=x", headers(admin, "Content-Type",
                "application/x-www-form-urlencoded")), 415);
        problem(api.raw("POST", USERS, json, admin), 415);
        nothingCreated();
    }

    @Test
    void sessionCookieWorksForWritesToo() {
        Api.Response r = api.post(GROUP_KINDS, obj("name", "Kind " + unique()), "Cookie", "session_id=" + sid);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
}
