package org.populus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the OpenAPI document, called by every kind of caller — anonymous, a user with no role, a
 * user with each role alone — gets the security outcome the README's role rules give: let in (anything but 401
 * and 403), or refused with 401 (no credentials) or 403 (missing role) in the surface's own error format. The
 * expected access of each operation is written out below; an operation the table does not classify (a new
 * endpoint) fails the test until it is added. Census operations are open from loopback (the default allowed
 * networks), so every caller is let in. Let in, the minimal request (ids that exist nowhere, empty bodies) gets a
 * 4xx or a success, never a 5xx.
 */
class RoleMatrixHttpTest extends HttpTest {

    /** Who may call an operation. */
    enum Access {
        OPEN, USER, CENSUS, READ, WRITE, ADMIN, REVIEW, DATA, FEED;

        boolean allows(Set<Role> roles, boolean authenticated) {
            return switch (this) {
                case OPEN, CENSUS -> true;
                case USER -> authenticated;
                case READ -> roles.contains(Role.REGISTRY_READ) || roles.contains(Role.REGISTRY_WRITE);
                case WRITE -> roles.contains(Role.REGISTRY_WRITE);
                case ADMIN -> roles.contains(Role.ADMIN);
                case REVIEW -> roles.contains(Role.REGISTRAR);
                case DATA -> roles.contains(Role.DATA) || roles.contains(Role.REGISTRAR);
                case FEED -> roles.contains(Role.DATA);
            };
        }
    }

    /** Method, path template as in the document, access. */
    private static final String TABLE = """
            GET    /admin/api/api-keys                                       ADMIN
            POST   /admin/api/api-keys                                       ADMIN
            DELETE /admin/api/api-keys/{id}                                  ADMIN
            GET    /admin/api/api-keys/{id}                                  ADMIN
            GET    /admin/api/census-shares                                  ADMIN
            POST   /admin/api/census-shares                                  ADMIN
            DELETE /admin/api/census-shares/{id}                             ADMIN
            GET    /admin/api/catalog/genders                                ADMIN
            GET    /admin/api/changes                                        FEED
            POST   /admin/api/catalog/genders                                ADMIN
            DELETE /admin/api/catalog/genders/{id}                           ADMIN
            GET    /admin/api/catalog/genders/{id}                           ADMIN
            PUT    /admin/api/catalog/genders/{id}                           ADMIN
            GET    /admin/api/catalog/group-kinds                            ADMIN
            POST   /admin/api/catalog/group-kinds                            ADMIN
            DELETE /admin/api/catalog/group-kinds/{id}                       ADMIN
            GET    /admin/api/catalog/group-kinds/{id}                       ADMIN
            PUT    /admin/api/catalog/group-kinds/{id}                       ADMIN
            GET    /admin/api/catalog/id-types                               ADMIN
            POST   /admin/api/catalog/id-types                               ADMIN
            DELETE /admin/api/catalog/id-types/{id}                          ADMIN
            GET    /admin/api/catalog/id-types/{id}                          ADMIN
            PUT    /admin/api/catalog/id-types/{id}                          ADMIN
            GET    /admin/api/catalog/member-kinds                           ADMIN
            POST   /admin/api/catalog/member-kinds                           ADMIN
            DELETE /admin/api/catalog/member-kinds/{id}                      ADMIN
            GET    /admin/api/catalog/member-kinds/{id}                      ADMIN
            PUT    /admin/api/catalog/member-kinds/{id}                      ADMIN
            GET    /admin/api/catalog/programmes                             ADMIN
            POST   /admin/api/catalog/programmes                             ADMIN
            DELETE /admin/api/catalog/programmes/{id}                        ADMIN
            GET    /admin/api/catalog/programmes/{id}                        ADMIN
            PUT    /admin/api/catalog/programmes/{id}                        ADMIN
            GET    /admin/api/matching/status                                REVIEW
            GET    /admin/api/issues                                         REVIEW
            GET    /admin/api/issues/{id}                                    REVIEW
            POST   /admin/api/issues/{id}/resolve                            REVIEW
            GET    /admin/api/people                                         DATA
            GET    /admin/api/people/matches                                 DATA
            GET    /admin/api/people/{id}/procedures                         DATA
            GET    /admin/api/people/{id}/versions                           DATA
            GET    /admin/api/procedures                                     REVIEW
            POST   /admin/api/procedures/next                                REVIEW
            GET    /admin/api/procedures/{id}                                REVIEW
            POST   /admin/api/procedures/{id}/accept                         REVIEW
            DELETE /admin/api/procedures/{id}/claim                          REVIEW
            POST   /admin/api/procedures/{id}/claim                          REVIEW
            POST   /admin/api/procedures/{id}/dismiss                        REVIEW
            POST   /admin/api/procedures/{id}/reject                         REVIEW
            POST   /admin/api/procedures/{id}/undo                           REVIEW
            POST   /admin/api/scopes                                         ADMIN
            GET    /admin/api/scopes/{code}                                  ADMIN
            GET    /admin/api/users                                          ADMIN
            POST   /admin/api/users                                          ADMIN
            GET    /admin/api/users/{login}                                  ADMIN
            PUT    /admin/api/users/{login}                                  ADMIN
            POST   /admin/api/users/{login}/disable                          ADMIN
            POST   /admin/api/users/{login}/enable                           ADMIN
            POST   /admin/api/users/{login}/password                         ADMIN
            PUT    /admin/api/users/{login}/roles                            ADMIN
            POST   /api/v1/people                                            CENSUS
            DELETE /api/v1/people/{id}                                       CENSUS
            GET    /api/v1/people/{id}                                       CENSUS
            PATCH  /api/v1/people/{id}                                       CENSUS
            PUT    /api/v1/people/{id}                                       CENSUS
            POST   /api/v1/people/{id}/additional_informations               CENSUS
            POST   /api/v1/people/{id}/document_verifications                CENSUS
            POST   /api/v1/people/{id}/membership_levels                     CENSUS
            POST   /api/v1/people/{id}/phone_verifications                   CENSUS
            GET    /api/v1/people/{id}/phone_verifications/new               CENSUS
            GET    /api/v1/people/{id}/procedures                            CENSUS
            GET    /api/v1/registry/group                                    READ
            POST   /api/v1/registry/group                                    WRITE
            GET    /api/v1/registry/group/                                   READ
            POST   /api/v1/registry/group/                                   WRITE
            GET    /api/v1/registry/group/search                             READ
            GET    /api/v1/registry/group/search/                            READ
            GET    /api/v1/registry/group/{id}                               READ
            GET    /api/v1/registry/individual                               READ
            POST   /api/v1/registry/individual                               WRITE
            GET    /api/v1/registry/individual/                              READ
            POST   /api/v1/registry/individual/                              WRITE
            GET    /api/v1/registry/individual/search                        READ
            GET    /api/v1/registry/individual/search/                       READ
            PATCH  /api/v1/registry/individual/updateIdentification          WRITE
            PATCH  /api/v1/registry/individual/updateIdentification/         WRITE
            GET    /api/v1/registry/individual/{id}                          READ
            POST   /api/v1/{locale}/people                                   CENSUS
            DELETE /api/v1/{locale}/people/{id}                              CENSUS
            GET    /api/v1/{locale}/people/{id}                              CENSUS
            PATCH  /api/v1/{locale}/people/{id}                              CENSUS
            PUT    /api/v1/{locale}/people/{id}                              CENSUS
            POST   /api/v1/{locale}/people/{id}/additional_informations      CENSUS
            POST   /api/v1/{locale}/people/{id}/document_verifications       CENSUS
            POST   /api/v1/{locale}/people/{id}/membership_levels            CENSUS
            POST   /api/v1/{locale}/people/{id}/phone_verifications          CENSUS
            GET    /api/v1/{locale}/people/{id}/phone_verifications/new      CENSUS
            GET    /api/v1/{locale}/people/{id}/procedures                   CENSUS
            POST   /session/auth/login                                       OPEN
            POST   /session/auth/login/                                      OPEN
            POST   /session/auth/logout                                      USER
            POST   /session/auth/logout/                                     USER
            """;

    static Map<String, Access> table() {
        Map<String, Access> map = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            map.put(f[0] + " " + f[1], Access.valueOf(f[2]));
        }
        return map;
    }

    record Caller(String name, Set<Role> roles, boolean authenticated, String[] headers) {
    }

    List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", Set.of(), false, new String[0]));
        callers.add(caller("no role", EnumSet.noneOf(Role.class)));
        for (Role role : Role.values()) {
            callers.add(caller(role.code(), EnumSet.of(role)));
        }
        return callers;
    }

    /** HTTP Basic, so that calling logout ends no session the matrix still uses. */
    Caller caller(String name, Set<Role> roles) {
        String login = "matrix-" + unique();
        accounts.create(login, null, "password-" + login, roles);
        return new Caller(name, roles, true, Api.basic(login, "password-" + login));
    }

    /** The path with its variables filled: ids that exist nowhere, so no call changes anything. */
    static String concrete(String template) {
        String path = template.replace("{locale}", "es").replace("{login}", "matrix-nobody-" + unique())
                .replace("{code}", "ES");
        path = path.startsWith("/api/v1/") && path.contains("/people/")
                ? path.replace("{id}", "999999999@census") : path.replace("{id}", "999999999");
        // never claim a real procedure: an unknown type is refused after the access check
        return path.endsWith("/procedures/next") ? path + "?type=matrix-none" : path;
    }

    @Test
    void everyOperationIsClassified() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        Set<String> documented = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                documented.add(method.toUpperCase() + " " + path);
            }
        }
        assertThat(table().keySet()).as("operations in the document and in the table")
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void everyOperationGivesEachCallerTheOutcomeOfTheRoleRules() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        Map<String, Access> table = table();
        List<String> wrong = new ArrayList<>();
        List<Caller> callers = callers();
        int calls = 0;
        for (String template : paths.propertyNames()) {
            for (String method : paths.get(template).propertyNames()) {
                String key = method.toUpperCase() + " " + template;
                Access access = table.get(key);
                assertThat(access).as("the table classifies " + key).isNotNull();
                JsonNode operation = paths.get(template).get(method);
                for (Caller caller : callers) {
                    Response r = call(method.toUpperCase(), concrete(template), operation, caller.headers());
                    calls++;
                    String problem = check(template, access.allows(caller.roles(), caller.authenticated()),
                            caller.authenticated(), r);
                    if (problem != null) {
                        wrong.add(key + " as " + caller.name() + ": " + problem + " — " + r);
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(90 * callers.size());
        assertThat(wrong).isEmpty();
    }

    /** A minimal request: an empty JSON object as the body where the operation takes one. */
    Response call(String method, String path, JsonNode operation, String[] headers) {
        JsonNode content = operation.has("requestBody") ? operation.get("requestBody").get("content") : null;
        if (content == null) {
            return api.raw(method, path, null, headers);
        }
        String type = content.has("application/json") ? "application/json" : content.propertyNames().iterator().next();
        String body = type.equals("application/json") ? "{}" : "";
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Content-Type");
        all.add(type.startsWith("multipart/") ? type + "; boundary=matrix" : type);
        return api.raw(method, path, body, all.toArray(String[]::new));
    }

    /** What is wrong with the answer, or null. A minimal request never makes the server fail either. */
    static String check(String template, boolean allowed, boolean authenticated, Response r) {
        if (r.status() >= 500) {
            return "server error";
        }
        if (allowed) {
            return r.status() == 401 || r.status() == 403 ? "refused though allowed" : null;
        }
        int expected = authenticated ? 403 : 401;
        if (r.status() != expected) {
            return "expected " + expected;
        }
        String type = String.valueOf(r.header("Content-Type"));
        if (template.startsWith("/admin/api/")) {
            return type.startsWith("application/problem+json") && r.json().get("status").asInt() == expected
                    ? null : "not a problem detail";
        }
        if (template.startsWith("/api/v1/registry/") || template.startsWith("/session/auth/")) {
            return type.startsWith("application/json") && r.json().has("errorCode")
                    && r.json().get("errorCode").asString().equals(String.valueOf(expected))
                    ? null : "not OpenG2P's error envelope";
        }
        return type.startsWith("application/json") && r.body().equals("{}") ? null : "not a Census {}";
    }
}
