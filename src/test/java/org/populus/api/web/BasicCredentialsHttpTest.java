package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;

/** Malformed HTTP Basic credentials are wrong credentials: a 401 where login is needed, never a 500. */
class BasicCredentialsHttpTest extends HttpTest {

    private static String[] rawBasic(String credentials) {
        return new String[] {"Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))};
    }

    @Test
    void aNulByteInTheLoginIsAWrongLoginOnEverySurface() {
        String[] nul = rawBasic("adm\u0000in:" + ADMIN_PASSWORD);
        Response g2p = api.get("/api/v1/registry/individual/?limit=1", nul);
        assertThat(g2p.status()).isEqualTo(401);
        assertThat(g2p.json().get("errorCode").asString()).isEqualTo("401");
        Response admin = api.get("/admin/api/users", nul);
        assertThat(admin.status()).isEqualTo(401);
        assertThat(admin.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/actuator/health", nul).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", nul).status()).isEqualTo(401);
    }

    @Test
    void controlCharactersInTheLoginNeverAuthenticate() {
        for (String login : new String[] {"admin\u0000", "admin\n", "\u001badmin", "admin\u007f"}) {
            assertThat(api.get("/admin/api/users", rawBasic(login + ":" + ADMIN_PASSWORD)).status())
                    .as("login %s", login.replace("\u0000", "\\0")).isEqualTo(401);
        }
    }

    @Test
    void aNulByteInThePasswordIsAWrongPassword() {
        assertThat(api.get("/admin/api/users", rawBasic("admin:" + ADMIN_PASSWORD + "\u0000")).status())
                .isEqualTo(401);
    }
}
