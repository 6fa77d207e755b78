package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.populus.PopulusApplication;
import org.populus.access.Role;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The back office on a second application on the test database, behind a TLS reverse proxy on this host
 * ({@code POPULUS_PROXY_MODE=x-forwarded}) and with the failed-login limit of a real installation (the shared test
 * context allows far more failures).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeBehindProxyHttpTest extends HttpTest {

    static final int MAX_FAILURES = 3;

    @Autowired
    DataSource dataSource;

    ConfigurableApplicationContext instance;
    int instancePort;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void startInstance() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--server.port=0", "--populus.data-dir=target/test-data/office-proxy-" + unique(),
                "--populus.procedures.enabled=false", "--populus.security.bcrypt-strength=4",
                "--spring.main.banner-mode=off", "--populus.proxy.mode=x-forwarded",
                "--populus.proxy.trusted=127.0.0.1, ::1", "--populus.census.require-api-key=true",
                "--populus.security.login.max-failures-per-login=" + MAX_FAILURES));
        instance = new SpringApplicationBuilder(PopulusApplication.class).run(args.toArray(String[]::new));
        instancePort = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopInstance() {
        if (instance != null) {
            instance.close();
        }
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instancePort + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() throws Exception {
        var form = send("GET", "/office/sign-in", null, "X-Forwarded-Proto", "https");
        assertThat(OfficeHttpTest.setCookie(form).orElseThrow()).contains("; Secure").contains("; HttpOnly")
                .contains("; SameSite=Strict");
    }

    @Test
    void tooManyFailedSignInsShowTheWaitOnTheFormAndRefuseEvenTheRightPassword() throws Exception {
        String login = "office-throttled-" + unique();
        accounts.create(login, null, "password-" + login, EnumSet.of(Role.REGISTRY_READ));
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(OfficeHttpTest.location(signIn(login, "wrong-password"))).isEqualTo("/office/sign-in?error");
        }
        var refused = signIn(login, "password-" + login);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(OfficeHttpTest.location(refused)).matches("/office/sign-in\\?throttled=\\d+");

        var page = send("GET", OfficeHttpTest.location(refused), null, "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsPattern("Too many failed sign-ins\\. Try again in \\d+ minutes\\.");
    }

    HttpResponse<String> signIn(String login, String password) throws Exception {
        var form = send("GET", "/office/sign-in", null);
        String cookie = OfficeHttpTest.sessionCookie(form);
        return send("POST", "/office/sign-in", OfficeHttpTest.form("username", login, "password", password, "_csrf",
                OfficeHttpTest.csrf(form)), "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
    }
}
