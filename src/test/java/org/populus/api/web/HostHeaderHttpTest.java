package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.populus.support.RawHttp;

/** No answer echoes the client's {@code Host} header into a {@code Location}: redirects are relative. */
class HostHeaderHttpTest extends HttpTest {

    private static final String EVIL = "evil.example";

    private Api.Response send(String method, String target, String body, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + EVIL
                + "\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("\r\n").append(body == null ? "" : body);
        return new RawHttp(port).exchange(request.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void relative(Api.Response r) {
        String location = r.header("Location");
        assertThat(location).as("Location of %s", r).isNotNull().doesNotContain(EVIL).startsWith("/");
    }

    @Test
    void theOfficeSignInRedirectIsRelative() {
        var office = send("GET", "/office", null, "Accept", "text/html");
        assertThat(office.status()).isEqualTo(302);
        relative(office);
        var root = send("GET", "/", null, "Accept", "text/html");
        assertThat(root.status()).isEqualTo(302);
        relative(root);
    }

    @Test
    void aFailedSignInRedirectIsRelative() {
        var form = send("GET", "/office/sign-in", null, "Accept", "text/html");
        String cookie = form.header("Set-Cookie");
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(m.find()).isTrue();
        var failed = send("POST", "/office/sign-in", "username=nobody&password=wrong-password&_csrf="
                + java.net.URLEncoder.encode(m.group(1), StandardCharsets.UTF_8), "Accept", "text/html",
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(failed.status()).isEqualTo(302);
        relative(failed);
    }

    @Test
    void theLocationOfACreatedAdminEntryIsRelative() {
        var created = send("POST", "/admin/api/catalog/group-kinds", "{\"name\":\"Host " + unique() + "\"}",
                "Content-Type", "application/json", "X-Openerp-Session-Id", adminSession());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        relative(created);
    }
}
