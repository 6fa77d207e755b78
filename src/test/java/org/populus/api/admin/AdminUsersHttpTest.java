package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.problem;
import static org.populus.support.Api.basic;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.access.UserAccount;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** The user endpoints through real HTTP: success, every refusal, and that a refusal changes nothing. */
class AdminUsersHttpTest extends HttpTest {

    private static final String USERS = "/admin/api/users";
    private static final String INDIVIDUAL = "/api/v1/registry/individual/1";

    private String[] admin;

    @BeforeEach
    void login() {
        admin = session(adminSession());
    }

    private String newLogin() {
        return "adm-" + unique();
    }

    private JsonNode create(String login, String password, String... roles) {
        Api.Response r = api.post(USERS, obj("login", login, "display_name", "Name " + login, "password", password,
                "roles", List.of(roles)), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private UserAccount stored(String login) {
        return accounts.find(login).orElseThrow();
    }

    @Test
    void createReturns201WithLocationAndNoPassword() {
        String login = newLogin();
        Api.Response r = api.post(USERS, obj("login", login, "display_name", "Ada L", "password", "secret-pass-1",
                "roles", List.of("registry-write", "registry-read")), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Location")).endsWith(USERS + "/" + login);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.get("login").asString()).isEqualTo(login);
        assertThat(body.get("display_name").asString()).isEqualTo("Ada L");
        assertThat(body.get("roles").toString()).isEqualTo("[\"registry-read\",\"registry-write\"]");
        assertThat(body.get("disabled").asBoolean()).isFalse();
        assertThat(body.get("version").asInt()).isZero();
        assertThat(Instant.parse(body.get("created_at").asString())).isBefore(Instant.now().plusSeconds(60));
        assertThat(Instant.parse(body.get("updated_at").asString())).isNotNull();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("login", "display_name", "roles", "disabled",
                "created_at", "updated_at", "version");
        assertThat(r.body()).doesNotContain("secret-pass-1").doesNotContain("hash").doesNotContain("$2a$");

        // the Location works, and the new user can log in
        Api.Response got = api.get(USERS + "/" + login, admin);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(body);
        assertThat(api.login(login, "secret-pass-1")).isNotBlank();
    }

    @Test
    void displayNameIsOptionalAndGetIsCaseInsensitive() {
        String login = newLogin();
        Api.Response r = api.post(USERS, obj("login", login, "password", "secret-pass-1", "roles", List.of()),
                admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("display_name").isNull()).isTrue();
        assertThat(r.json().get("roles").size()).isZero();
        assertThat(api.get(USERS + "/" + login.toUpperCase(), admin).json().get("login").asString()).isEqualTo(login);
    }

    @Test
    void listHasEveryUserWithoutPasswords() {
        String login = newLogin();
        create(login, "secret-pass-1", "registry-read");
        Api.Response r = api.get(USERS, admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("password").doesNotContain("$2a$");
        JsonNode mine = null;
        for (JsonNode u : r.json()) {
            if (u.get("login").asString().equals(login)) {
                mine = u;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("roles").toString()).isEqualTo("[\"registry-read\"]");
        assertThat(r.json().toString()).contains("\"login\":\"admin\"");
    }

    @Test
    void duplicateLoginIs409EvenInAnotherCase() {
        String login = newLogin();
        create(login, "secret-pass-1", "registry-read");
        UserAccount before = stored(login);
        JsonNode body = problem(api.post(USERS, obj("login", login.toUpperCase(), "password", "other-pass-22",
                "roles", List.of("admin")), admin), 409);
        assertThat(body.get("detail").asString()).contains("already exists");
        assertThat(stored(login)).isEqualTo(before);
        assertThat(accounts.authenticate(login, "other-pass-22")).isEmpty();
    }

    @Test
    void createRefusesBadInputWith422AndCreatesNothing() {
        String login = newLogin();
        JsonNode unknownRole = problem(api.post(USERS, obj("login", login, "password", "secret-pass-1",
                "roles", List.of("registry-read", "superuser")), admin), 422, "roles");
        assertThat(unknownRole.get("detail").asString()).contains("'superuser'");
        problem(api.post(USERS, obj("login", login, "password", "short", "roles", List.of()), admin), 422,
                "password");
        problem(api.post(USERS, obj("login", login, "password", "x".repeat(73), "roles", List.of()), admin), 422,
                "password");
        problem(api.post(USERS, obj("login", login, "roles", List.of()), admin), 422, "password");
        problem(api.post(USERS, obj("login", login, "password", "secret-pass-1"), admin), 422, "roles");
        problem(api.post(USERS, obj("password", "secret-pass-1", "roles", List.of()), admin), 422, "login");
        problem(api.post(USERS, obj("login", login, "password", "secret-pass-1", "roles",
                java.util.Arrays.asList("admin", null)), admin), 422, "roles");
        problem(api.post(USERS, obj("login", login, "display_name", "x".repeat(201), "password", "secret-pass-1",
                "roles", List.of()), admin), 422, "display_name");
        problem(api.post(USERS, obj("login", login, "display_name", "a\u0000b", "password", "secret-pass-1",
                "roles", List.of()), admin), 422, "display_name");
        JsonNode badLogin = problem(api.post(USERS, obj("login", "no spaces " + login, "password", "secret-pass-1",
                "roles", List.of()), admin), 422);
        assertThat(badLogin.get("detail").asString()).contains("login");
        assertThat(accounts.find(login)).isEmpty();
        assertThat(api.get(USERS + "/" + login, admin).status()).isEqualTo(404);
    }

    @Test
    void unknownUserIs404OnEveryEndpoint() {
        String login = "nobody-" + unique();
        problem(api.get(USERS + "/" + login, admin), 404);
        problem(api.put(USERS + "/" + login, obj("display_name", "X", "version", 0), admin), 404);
        problem(api.put(USERS + "/" + login + "/roles", obj("roles", List.of(), "version", 0), admin), 404);
        problem(api.post(USERS + "/" + login + "/disable", obj("version", 0), admin), 404);
        problem(api.post(USERS + "/" + login + "/enable", obj("version", 0), admin), 404);
        JsonNode body = problem(api.post(USERS + "/" + login + "/password", obj("password", "secret-pass-1",
                "version", 0), admin), 404);
        assertThat(body.get("detail").asString()).contains(login);
    }

    @Test
    void changingRolesEndsTheUsersSessions() {
        String login = newLogin();
        create(login, "secret-pass-1", "registry-read");
        String sid = api.login(login, "secret-pass-1");
        assertThat(api.get(INDIVIDUAL, session(sid)).status()).isNotIn(401, 403);

        Api.Response r = api.put(USERS + "/" + login + "/roles", obj("roles", List.of("admin"), "version", 0),
                admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(r.json().get("version").asInt()).isEqualTo(1);
        assertThat(stored(login).roles()).containsExactly(Role.ADMIN);

        problem(api.get(USERS, session(sid)), 401);
        assertThat(api.get(INDIVIDUAL, session(sid)).status()).isEqualTo(401);
        String fresh = api.login(login, "secret-pass-1");
        assertThat(api.get(USERS, session(fresh)).status()).isEqualTo(200);
        assertThat(api.get(INDIVIDUAL, session(fresh)).status()).isEqualTo(403);
    }

    @Test
    void rolesRefusalsChangeNothing() {
        String login = newLogin();
        create(login, "secret-pass-1", "registry-read");
        String sid = api.login(login, "secret-pass-1");
        UserAccount before = stored(login);

        problem(api.put(USERS + "/" + login + "/roles", obj("roles", List.of("root"), "version", 0), admin), 422,
                "roles");
        problem(api.put(USERS + "/" + login + "/roles", obj("roles", List.of("admin")), admin), 422, "version");
        problem(api.put(USERS + "/" + login + "/roles", obj("version", 0), admin), 422, "roles");
        JsonNode stale = problem(api.put(USERS + "/" + login + "/roles", obj("roles", List.of("admin"),
                "version", 7), admin), 409);
        assertThat(stale.get("detail").asString()).contains("changed by someone else");

        assertThat(stored(login)).isEqualTo(before);
        assertThat(api.get(INDIVIDUAL, session(sid)).status()).as("session still open").isNotIn(401, 403);
    }

    @Test
    void disablingEndsSessionsAndLoginUntilEnabled() {
        String login = newLogin();
        create(login, "secret-pass-1", "registry-write");
        String sid = api.login(login, "secret-pass-1");
        assertThat(api.get(INDIVIDUAL, session(sid)).status()).isNotIn(401, 403);

        Api.Response r = api.post(USERS + "/" + login + "/disable", obj("version", 0), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("disabled").asBoolean()).isTrue();
        assertThat(r.json().get("version").asInt()).isEqualTo(1);

        assertThat(api.get(INDIVIDUAL, session(sid)).status()).isEqualTo(401);
        assertThat(api.get(INDIVIDUAL, basic(login, "secret-pass-1")).status()).isEqualTo(401);
        assertThat(api.post("/session/auth/login", Map.of("login", login, "password", "secret-pass-1")).status())
                .isEqualTo(401);

        problem(api.post(USERS + "/" + login + "/enable", obj("version", 0), admin), 409);
        assertThat(stored(login).disabled()).isTrue();
        Api.Response enabled = api.post(USERS + "/" + login + "/enable", obj("version", 1), admin);
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().get("disabled").asBoolean()).isFalse();
        assertThat(enabled.json().get("version").asInt()).isEqualTo(2);
        String again = api.login(login, "secret-pass-1");
        assertThat(api.get(INDIVIDUAL, session(again)).status()).isNotIn(401, 403);
    }

    @Test
    void staleDisableChangesNothing() {
        String login = newLogin();
        create(login, "secret-pass-1", "registry-read");
        String sid = api.login(login, "secret-pass-1");
        problem(api.post(USERS + "/" + login + "/disable", obj("version", 3), admin), 409);
        problem(api.post(USERS + "/" + login + "/disable", obj(), admin), 422, "version");
        problem(api.post(USERS + "/" + login + "/disable", obj("version", -1), admin), 422, "version");
        assertThat(stored(login).disabled()).isFalse();
        assertThat(stored(login).version()).isZero();
        assertThat(api.get(INDIVIDUAL, session(sid)).status()).isNotIn(401, 403);
    }

    @Test
    void passwordResetEndsSessionsAndReplacesThePassword() {
        String login = newLogin();
        create(login, "secret-pass-1", "registry-read");
        String sid = api.login(login, "secret-pass-1");

        problem(api.post(USERS + "/" + login + "/password", obj("password", "short", "version", 0), admin), 422,
                "password");
        problem(api.post(USERS + "/" + login + "/password", obj("password", "new-secret-2", "version", 5), admin),
                409);
        assertThat(api.get(INDIVIDUAL, session(sid)).status()).isNotIn(401, 403);
        assertThat(accounts.authenticate(login, "secret-pass-1")).isPresent();

        Api.Response r = api.post(USERS + "/" + login + "/password", obj("password", "new-secret-2",
                "version", 0), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("new-secret-2");
        assertThat(r.json().get("version").asInt()).isEqualTo(1);

        assertThat(api.get(INDIVIDUAL, session(sid)).status()).isEqualTo(401);
        assertThat(api.get(INDIVIDUAL, basic(login, "secret-pass-1")).status()).isEqualTo(401);
        assertThat(api.get(INDIVIDUAL, basic(login, "new-secret-2")).status()).isNotIn(401, 403);
    }

    @Test
    void displayNameCanBeChangedAndCleared() {
        String login = newLogin();
        create(login, "secret-pass-1", "registry-read");
        String sid = api.login(login, "secret-pass-1");

        Api.Response r = api.put(USERS + "/" + login, obj("display_name", "Grace H", "version", 0), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("display_name").asString()).isEqualTo("Grace H");
        assertThat(r.json().get("version").asInt()).isEqualTo(1);
        assertThat(api.get(INDIVIDUAL, session(sid)).status()).as("a new name keeps sessions").isNotIn(401, 403);

        problem(api.put(USERS + "/" + login, obj("display_name", "Stale", "version", 0), admin), 409);
        problem(api.put(USERS + "/" + login, obj("displayName", "Typo", "version", 1), admin), 400, "displayName");
        assertThat(stored(login).displayName()).isEqualTo("Grace H");

        // a fetched user can be sent back as it is (read-only fields are ignored)
        Map<String, Object> fetched = Api.JSON.convertValue(api.get(USERS + "/" + login, admin).json(), Map.class);
        fetched.put("display_name", null);
        Api.Response cleared = api.put(USERS + "/" + login, fetched, admin);
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().get("display_name").isNull()).isTrue();
    }

    @Test
    void theLastEnabledAdministratorIsKept() {
        UserAccount only = new UserAccount(1, "root", null, EnumSet.of(Role.ADMIN), false, Instant.now(),
                Instant.now(), 0);
        UserAccount other = new UserAccount(2, "other", null, EnumSet.of(Role.ADMIN), false, Instant.now(),
                Instant.now(), 0);
        UserAccount disabledOther = new UserAccount(3, "gone", null, EnumSet.of(Role.ADMIN), true, Instant.now(),
                Instant.now(), 0);
        UserAccount reader = new UserAccount(4, "reader", null, EnumSet.of(Role.REGISTRY_READ), false,
                Instant.now(), Instant.now(), 0);
        assertThat(org.populus.access.UserAccounts.isLastAdmin(only, List.of(only, reader, disabledOther))).isTrue();
        assertThat(org.populus.access.UserAccounts.isLastAdmin(only, List.of(only, other))).isFalse();
        assertThat(org.populus.access.UserAccounts.isLastAdmin(reader, List.of(only, reader))).isFalse();

        // with the bootstrap administrator around, another admin may be demoted and disabled
        String login = newLogin();
        create(login, "secret-pass-1", "admin");
        assertThat(api.put(USERS + "/" + login + "/roles", obj("roles", List.of("registry-read"), "version", 0),
                admin).status()).isEqualTo(200);
        assertThat(api.post(USERS + "/" + login + "/disable", obj("version", 1), admin).status()).isEqualTo(200);
    }
}
