package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.SurfaceFormats.assertErrorFormat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.populus.support.RawHttp;

/**
 * Requests refused before any controller — by Tomcat, by Spring Security's firewall, by the servlet container's
 * parameter parsing, by Spring Boot's error page — answer with a 4xx in the format of the surface the path is in
 * (problem details outside every surface), never with HTML, Spring Boot's {@code {timestamp,status,error,path}}
 * or a 5xx.
 */
class EdgeErrorsHttpTest extends HttpTest {

    private static final String OPENG2P = "/api/v1/registry/individual/";
    private static final String CENSUS = "/api/v1/people/1@census";
    private static final String ADMIN = "/admin/api/users";

    private RawHttp raw;
    private String[] admin;

    @BeforeEach
    void raw() {
        raw = new RawHttp(port);
        admin = new String[] {"X-Openerp-Session-Id", adminSession()};
    }

    private void refused(int status, String path, Api.Response r) {
        assertThat(r.status()).as("%s -> %s", path, r).isEqualTo(status);
        assertErrorFormat(path, r);
    }

    @Test
    void aNulByteInTheQueryStringIsA400InTheSurfaceFormat() {
        Api.Response g2p = raw.send("GET", OPENG2P + "?name=a%00b", admin);
        refused(400, OPENG2P, g2p);
        assertThat(g2p.json().get("errorCode").asString()).isEqualTo("G2P-REQ-012");
        refused(400, CENSUS, raw.send("GET", CENSUS + "?version_at=%00"));
        refused(400, ADMIN, raw.send("GET", ADMIN + "?x=%00", admin));
    }

    @Test
    void aControlCharacterInTheDecodedPathIsA400InTheSurfaceFormat() {
        refused(400, "/api/v1/people/1%01@census", raw.send("GET", "/api/v1/people/1%01@census"));
        refused(400, "/admin/api/users/a%07", raw.send("GET", "/admin/api/users/a%07", admin));
    }

    @Test
    void invalidUtf8InTheQueryStringIsA400InTheSurfaceFormat() {
        refused(400, CENSUS, raw.send("GET", CENSUS + "?x=%C3%28"));
        refused(400, ADMIN, raw.send("GET", ADMIN + "?x=%FF", admin));
        refused(400, OPENG2P, raw.send("GET", OPENG2P + "?name=%FF", admin));
        refused(400, CENSUS, raw.send("GET", CENSUS + "?x=%zz"));
    }

    @Test
    void aFormBodyWithANulByteIsA400InTheSurfaceFormat() {
        byte[] body = "first_name=a%00b".getBytes(StandardCharsets.US_ASCII);
        refused(400, "/api/v1/people", raw.send("POST", "/api/v1/people", body,
                "Content-Type", "application/x-www-form-urlencoded"));
    }

    @Test
    void anEncodedSlashOrNulInThePathIsA400InTheSurfaceFormat() {
        refused(400, OPENG2P, raw.send("GET", OPENG2P + "a%2Fb", admin));
        refused(400, CENSUS, raw.send("GET", "/api/v1/people/1%00@census"));
        refused(400, ADMIN, raw.send("GET", ADMIN + "/a%00", admin));
    }

    @Test
    void invalidUtf8InThePathIsA400InTheSurfaceFormat() {
        refused(400, CENSUS, raw.send("GET", "/api/v1/people/%FF@census"));
    }

    /** Tomcat stops reading the request line before its end, so the path is unknown: problem details. */
    @Test
    void anOverlongRequestLineIsA400ProblemDetail() {
        Api.Response line = raw.send("GET", "/api/v1/people/" + "a".repeat(9_000));
        assertThat(line.status()).isBetween(400, 499);
        assertErrorFormat("/unknown", line);
    }

    @Test
    void anOverlongHeaderIsA4xxInTheSurfaceFormat() {
        String long9k = "a".repeat(9_000);
        Api.Response header = raw.send("GET", ADMIN, "X-Long", long9k);
        assertThat(header.status()).isBetween(400, 499);
        assertErrorFormat(ADMIN, header);
    }

    @Test
    void aMalformedRequestLineIsA400() {
        Api.Response r = raw.send("GET", "/api/v1/people/a b");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).doesNotContain("html");
    }

    @Test
    void connectIsA405InTheSurfaceFormat() {
        refused(405, OPENG2P, raw.send("CONNECT", OPENG2P));
        refused(405, ADMIN, raw.send("CONNECT", ADMIN));
    }

    @Test
    void traceAndUnknownMethodsAreA405InTheSurfaceFormat() {
        refused(405, OPENG2P, raw.send("TRACE", OPENG2P, admin));
        refused(405, CENSUS, raw.send("TRACE", CENSUS));
        refused(405, ADMIN, raw.send("PROPFIND", ADMIN, admin));
        refused(405, CENSUS, raw.send("FOO", CENSUS));
    }

    @Test
    void pathsTheFirewallRejectsAreA400InTheSurfaceFormat() {
        refused(400, OPENG2P, raw.send("GET", "/api/v1/registry/../registry/individual/", admin));
        refused(400, ADMIN, raw.send("GET", "/admin/api//users", admin));
        refused(400, CENSUS, raw.send("GET", "/api/v1/people/1@census;x=1"));
        refused(400, ADMIN, raw.send("GET", "/admin/api/users;jsessionid=1", admin));
    }

    @Test
    void pathsAimingAtASurfaceThroughDoubleSlashesOrDotSegmentsAreAnsweredInItsFormat() {
        for (String path : new String[] {"//api/v1/registry/individual/", "/./api/v1/registry/individual/",
            "/%2e%2e/api/v1/registry/individual/", "/x/../session/auth/login", "///session/auth/login"}) {
            Api.Response r = raw.send("GET", path, admin);
            refused(400, path, r);
            assertThat(r.json().has("errorCode")).as("OpenG2P's error for %s: %s", path, r).isTrue();
        }
        for (String path : new String[] {"//api/v1/people/1@census", "/%2E%2E/api/v1/people/1@census",
            "/x/%2e%2e/api/v1/es/people"}) {
            Api.Response r = raw.send("GET", path);
            refused(400, path, r);
            assertThat(r.header("Content-Type")).as("the Census's JSON for %s", path).startsWith("application/json");
        }
        for (String path : new String[] {"//admin/api/users", "/%2e%2e/%2e%2e/admin/api/users",
            "/x/..//admin/api/users"}) {
            Api.Response r = raw.send("GET", path, admin);
            refused(400, path, r);
            assertThat(r.json().get("instance").asString()).as("the Admin API's problem for %s", path)
                    .isEqualTo(path);
        }
    }

    @Test
    void theErrorPathItselfIsA404ProblemDetail() {
        refused(404, "/error", raw.send("GET", "/error"));
        refused(404, "/error", raw.send("POST", "/error", new byte[0]));
    }

    @Test
    void aBodyOnTheHealthEndpointIsIgnored() {
        for (String type : new String[] {"*/*", "text/*", "application/json", "application/x-www-form-urlencoded"}) {
            Api.Response r = raw.send("GET", "/actuator/health", "{x".getBytes(StandardCharsets.US_ASCII),
                    "Content-Type", type);
            assertThat(r.status()).as("%s: %s", type, r).isEqualTo(200);
        }
    }

    @Test
    void aMalformedFormBodyOnAPutOrDeleteIsA400InTheSurfaceFormat() {
        byte[] body = "a=%zz%".getBytes(StandardCharsets.US_ASCII);
        String admin = "/admin/api/catalog/programmes/999999999";
        refused(400, admin, raw.send("DELETE", admin, body,
                headersWith("Content-Type", "application/x-www-form-urlencoded")));
        refused(400, OPENG2P, raw.send("PUT", OPENG2P, body,
                headersWith("Content-Type", "application/x-www-form-urlencoded")));
    }

    @Test
    void traceWithAnUnreadableMultipartBodyIsA405InTheSurfaceFormat() {
        refused(405, OPENG2P, raw.send("TRACE", OPENG2P, "x".getBytes(StandardCharsets.US_ASCII),
                headersWith("Content-Type", "multipart/form-data")));
    }

    @Test
    void aJsonArrayForAnObjectIsDescribedWithoutJavaTypeNames() {
        Api.Response r = raw.send("POST", OPENG2P, "[1]".getBytes(StandardCharsets.US_ASCII),
                headersWith("Content-Type", "application/json"));
        refused(400, OPENG2P, r);
        assertThat(r.body()).doesNotContain("Requests", "`");
    }

    @Test
    void aWildcardContentTypeIsA415InTheSurfaceFormat() {
        String enable = "/admin/api/users/nobody-" + unique() + "/enable";
        refused(415, enable, raw.send("POST", enable, new byte[0], headersWith("Content-Type", "*/*")));
        refused(415, CENSUS, raw.send("PATCH", CENSUS, "a=b".getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "application/*"));
    }

    @Test
    void aRepeatedParameterOfTheWrongTypeIsQuotedAsText() {
        Api.Response g2p = raw.send("GET", OPENG2P + "?limit=a&limit=b", admin);
        refused(400, OPENG2P, g2p);
        assertThat(g2p.body()).contains("'a,b'").doesNotContain("[L");
        Api.Response issues = raw.send("GET", "/admin/api/issues?person_id=" + "x".repeat(100) + "&person_id=y",
                "X-Openerp-Session-Id", sessionWith(Role.REGISTRAR));
        refused(400, "/admin/api/issues", issues);
        assertThat(issues.body()).doesNotContain("[L", "x".repeat(41));
    }

    @Test
    void anUnsupportedHttpVersionIsA400InTheSurfaceFormat() {
        Api.Response r = raw.exchange("GET /api/v1/people/1@census HTTP/2.0\r\nHost: a\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        refused(400, CENSUS, r);
    }

    @Test
    void aMalformedChunkedBodyIsA400InTheSurfaceFormat() {
        Api.Response r = raw.send("POST", "/api/v1/people", "5\r\na=b\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "application/x-www-form-urlencoded", "Transfer-Encoding", "chunked");
        refused(400, "/api/v1/people", r);
        refused(400, "/api/v1/people", raw.send("POST", "/api/v1/people",
                "5\r\na=b\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "Content-Type", "application/json",
                "Transfer-Encoding", "chunked", "Accept", "text/html"));
        Api.Response g2p = raw.send("POST", OPENG2P, "Z\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                headersWith("Content-Type", "application/json", "Transfer-Encoding", "chunked"));
        refused(400, OPENG2P, g2p);
    }

    @Test
    void aMalformedChunkedUploadIsA400ProblemDetail() {
        Api.Response r = raw.send("POST", "/admin/api/scopes", "5\r\nab\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                headersWith("Content-Type", "text/tab-separated-values", "Transfer-Encoding", "chunked"));
        refused(400, "/admin/api/scopes", r);
    }

    private String[] headersWith(String... more) {
        String[] all = new String[admin.length + more.length];
        System.arraycopy(admin, 0, all, 0, admin.length);
        System.arraycopy(more, 0, all, admin.length, more.length);
        return all;
    }
}
