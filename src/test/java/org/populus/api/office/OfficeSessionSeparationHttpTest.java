package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.Api;
import org.populus.support.HttpTest;

/**
 * A back-office (browser) session and an API login session are different kinds: the office's session id does not
 * authenticate the JSON APIs (as header or cookie), and an API session id does not open the office.
 */
class OfficeSessionSeparationHttpTest extends HttpTest {

    OfficeClient office;

    @BeforeEach
    void client() {
        office = new OfficeClient(port, accounts);
    }

    /** The session id inside a {@code populus_office=…} cookie (Spring Session writes it in Base64). */
    private static String sessionId(String cookie) {
        String value = cookie.substring(cookie.indexOf('=') + 1);
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    @Test
    void anOfficeSessionIdDoesNotAuthenticateTheApis() {
        String cookie = office.signIn(Role.ADMIN, Role.REGISTRY_READ, Role.DATA);
        assertThat(office.get("/office/admin/users", cookie).statusCode()).isEqualTo(200);
        String sid = sessionId(cookie);
        assertThat(api.get("/admin/api/users", Api.session(sid)).status()).isEqualTo(401);
        assertThat(api.get("/admin/api/users", "Cookie", "session_id=" + sid).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/registry/individual/?limit=1", Api.session(sid)).status()).isEqualTo(401);
        assertThat(api.get("/admin/api/changes?limit=1", Api.session(sid)).status()).isEqualTo(401);
    }

    @Test
    void anApiSessionIdDoesNotOpenTheOffice() {
        String sid = adminSession();
        assertThat(api.get("/admin/api/users", Api.session(sid)).status()).isEqualTo(200);
        String forged = "populus_office=" + Base64.getEncoder().encodeToString(sid.getBytes(StandardCharsets.UTF_8));
        var page = office.get("/office/admin/users", forged);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(OfficeHttpTest.location(page)).startsWith("/office/sign-in");
        assertThat(office.get("/office", forged).statusCode()).isEqualTo(302);
        // the API session keeps working
        assertThat(api.get("/admin/api/users", Api.session(sid)).status()).isEqualTo(200);
    }
}
