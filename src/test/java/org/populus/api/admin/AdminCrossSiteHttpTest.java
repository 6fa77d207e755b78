package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.problem;
import static org.populus.support.Api.obj;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * The {@code session_id} cookie alone does not authenticate a change to the Admin API that a page of another site
 * could make a browser send (a form's content type or {@code text/plain}, or none): 403 in problem details, nothing
 * changes. JSON bodies, the {@code X-Requested-With} header, the session header and HTTP Basic work as before.
 */
class AdminCrossSiteHttpTest extends HttpTest {

    private static final String SCOPES = "/admin/api/scopes";
    private static final String HEADER = "UID\tType\tname_es\tname_en\n";

    private String sid;
    private String[] cookie;

    @BeforeEach
    void login() {
        sid = adminSession();
        cookie = new String[] {"Cookie", "session_id=" + sid};
    }

    private static String[] with(String[] auth, String... more) {
        return AdminAssertions.headers(auth, more);
    }

    private String scopeFile(String code) {
        return HEADER + code + "\tcountry\tPaís " + code + "\tCountry " + code + "\n";
    }

    private static String code() {
        return "ZC" + unique().toUpperCase();
    }

    @Test
    void aTextPlainScopeUploadWithTheSessionCookieAloneIsA403AndLoadsNothing() {
        String code = code();
        JsonNode refused = problem(api.raw("POST", SCOPES + "?format=tsv", scopeFile(code),
                with(cookie, "Content-Type", "text/plain")), 403);
        assertThat(refused.get("detail").asString()).contains("X-Requested-With");
        assertThat(api.get(SCOPES + "/" + code, Api.session(sid)).status()).isEqualTo(404);
    }

    @Test
    void aFormPostOrABodilessDeleteWithTheSessionCookieAloneIsA403AndChangesNothing() {
        problem(api.form("POST", "/admin/api/catalog/group-kinds", "name=Forged" + unique(), cookie), 403);
        problem(api.bytes("POST", "/admin/api/catalog/group-kinds", "{\"name\":\"x\"}".getBytes(),
                with(cookie, "Content-Type", "multipart/form-data; boundary=x")), 403);
        var key = api.post("/admin/api/api-keys", obj("name", "cross-site-" + unique()), Api.session(sid));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        String id = key.json().get("id").asString();
        problem(api.raw("DELETE", "/admin/api/api-keys/" + id, null, cookie), 403);
        assertThat(api.get("/admin/api/api-keys/" + id, Api.session(sid)).json().get("active").asBoolean()).isTrue();
    }

    @Test
    void theCookieStillWorksForReadsJsonBodiesAndWithTheRequestedWithHeader() {
        assertThat(api.get("/admin/api/users", cookie).status()).isEqualTo(200);
        var kind = api.post("/admin/api/catalog/group-kinds", obj("name", "Cookie json " + unique()), cookie);
        assertThat(kind.status()).as(kind.toString()).isEqualTo(201);
        String code = code();
        var loaded = api.raw("POST", SCOPES + "?format=tsv", scopeFile(code),
                with(cookie, "Content-Type", "text/plain", "X-Requested-With", "XMLHttpRequest"));
        assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    }

    @Test
    void theSessionHeaderAndHttpBasicAreNotConcerned() {
        var header = api.raw("POST", SCOPES + "?format=tsv", scopeFile(code()),
                with(Api.session(sid), "Content-Type", "text/plain"));
        assertThat(header.status()).as(header.toString()).isEqualTo(200);
        var basic = api.raw("POST", SCOPES + "?format=tsv", scopeFile(code()),
                with(Api.basic("admin", ADMIN_PASSWORD), "Content-Type", "text/plain"));
        assertThat(basic.status()).as(basic.toString()).isEqualTo(200);
    }
}
