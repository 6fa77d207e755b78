package org.populus.api.openg2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.openg2p.IndividualApiTest.assertError;
import static org.populus.support.Api.basic;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;

/** Login, logout, the three ways to present credentials, expiry and roles. */
class SessionApiTest extends HttpTest {

    private static final String PERSON = "/api/v1/registry/individual/";

    private String probe;

    /** A path every registry reader may GET successfully. */
    String probe() {
        if (probe == null) {
            long id = api.post(PERSON, obj("given_name", "Probe", "family_name", "P" + unique()),
                    basic("admin", ADMIN_PASSWORD)).json().get("id").asLong();
            probe = PERSON + id;
        }
        return probe;
    }

    @Test
    void loginAnswersTheSessionAndSetsTheCookie() {
        Response r = api.post("/session/auth/login", obj("login", "admin", "password", ADMIN_PASSWORD, "db", "any"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("uid").asLong()).isPositive();
        assertThat(r.json().get("username").asString()).isEqualTo("admin");
        String sid = r.json().get("session").get("sid").asString();
        assertThat(r.json().get("session").get("expires_at").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(r.header("Set-Cookie")).startsWith("session_id=" + sid).contains("HttpOnly");

        assertThat(api.get(probe(), "X-Openerp-Session-Id", sid).status()).isEqualTo(200);
        assertThat(api.get(probe(), "Cookie", "session_id=" + sid).status()).isEqualTo(200);
    }

    @Test
    void jsonRpcFormAndBasicCredentialsWork() {
        Response r = api.post("/session/auth/login", obj("jsonrpc", "2.0", "params",
                obj("db", "x", "login", "admin", "password", ADMIN_PASSWORD)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(api.get(probe(), basic("admin", ADMIN_PASSWORD)).status()).isEqualTo(200);
        assertError(api.get(probe(), basic("admin", "wrong")), 401, "401", null);
        assertError(api.get(probe(), "Authorization", "Basic !!!notbase64"), 401, "401", null);
    }

    @Test
    void wrongOrMissingCredentialsAreRefused() {
        assertError(api.post("/session/auth/login", obj("login", "admin", "password", "nope")), 401, "401", null);
        assertError(api.post("/session/auth/login", obj("login", "nobody" + unique(), "password", "nope")), 401,
                "401", null);
        assertError(api.post("/session/auth/login", obj("login", "admin")), 400, "G2P-REQ-012", null);
        assertError(api.raw("POST", "/session/auth/login", "{oops", "Content-Type", "application/json"), 400,
                "G2P-REQ-012", null);
        assertError(api.get(PERSON), 401, "401", null);
        assertError(api.get(PERSON, session("forged-" + unique())), 401, "401", null);
        assertError(api.get(PERSON, "Cookie", "session_id=forged"), 401, "401", null);
        assertError(api.post("/session/auth/logout", null), 401, "401", null);
    }

    @Test
    void logoutEndsTheSessionAtOnce() {
        String sid = adminSession();
        assertThat(api.get(probe(), session(sid)).status()).isEqualTo(200);
        Response out = api.post("/session/auth/logout", null, session(sid));
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json().get("message").asString()).isEqualTo("Successful logout");
        assertError(api.get(probe(), session(sid)), 401, "401", null);
    }

    @Test
    void aSessionEndedByAnotherInstanceStopsWorkingHereAtOnce() throws Exception {
        String sid = adminSession();
        assertThat(api.get(probe(), session(sid)).status()).isEqualTo(200); // now remembered by this instance
        // what another instance does on logout: delete the session and announce it
        jdbc.sql("delete from spring_session where session_id = ?").param(sid).update();
        jdbc.sql("select pg_notify('populus_sessions', ?)").param(sid).query(Object.class).optional();
        int status = 0;
        for (int i = 0; i < 50 && status != 401; i++) {
            Thread.sleep(20);
            status = api.get(probe(), session(sid)).status();
        }
        assertThat(status).as("refused within a second").isEqualTo(401);
    }

    @Test
    void anExpiredSessionIsRefused() {
        String sid = adminSession();
        jdbc.sql("update spring_session set creation_time = creation_time - 2592000000::bigint, "
                + "last_access_time = last_access_time - 2592000000::bigint, expiry_time = expiry_time - 2592000000::bigint "
                + "where session_id = ?").param(sid).update();
        assertError(api.get(probe(), session(sid)), 401, "401", null);
    }

    @Test
    void rolesDecideWhatACallerMayDo() {
        Map<String, Object> person = obj("given_name", "Role", "family_name", "R" + unique());
        String reader = sessionWith(Role.REGISTRY_READ);
        assertThat(api.get(probe(), session(reader)).status()).isEqualTo(200);
        assertError(api.post(PERSON, person, session(reader)), 403, "403", null);
        assertError(api.patch(PERSON + "updateIdentification", obj("partner_id", 1), session(reader)), 403, "403",
                null);
        assertError(api.post("/api/v1/registry/group/", obj("name", "x", "members", List.of()), session(reader)),
                403, "403", null);

        String writer = sessionWith(Role.REGISTRY_WRITE);
        assertThat(api.post(PERSON, person, session(writer)).status()).isEqualTo(200);
        assertThat(api.get(probe(), session(writer)).status()).isEqualTo(200);

        String nobody = sessionWith();
        assertError(api.get(probe(), session(nobody)), 403, "403", null);
        String adminOnly = sessionWith(Role.ADMIN);
        assertError(api.get(probe(), session(adminOnly)), 403, "403", null);
    }

    @Test
    void healthIsOpenAndMetricsAreNot() {
        Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", session(sessionWith(Role.REGISTRY_WRITE))).status()).isEqualTo(403);
        Response metrics = api.get("/actuator/prometheus", session(adminSession()));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
        Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/registry/individual/{id}")).isTrue();
        assertThat(docs.json().get("paths").has("/session/auth/login")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/people")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/{locale}/people/{id}/document_verifications")).isTrue();
        assertThat(docs.json().get("paths").has("/admin/api/scopes")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
