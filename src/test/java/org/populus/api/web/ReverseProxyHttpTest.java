package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.populus.PopulusApplication;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Behind a reverse proxy ({@code POPULUS_PROXY_MODE=x-forwarded}, the proxy on this host): a second application
 * on the test database, so the shared context keeps the default (no proxy, forwarded headers ignored).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseProxyHttpTest extends HttpTest {

    private static final String PERSON = "/api/v1/people/999999999@census";

    @Autowired
    DataSource dataSource;

    ConfigurableApplicationContext behindProxy;
    Api proxied;

    @BeforeAll
    void startBehindProxy() {
        behindProxy = start("--populus.proxy.mode=x-forwarded", "--populus.proxy.trusted=127.0.0.1, ::1",
                "--populus.census.allowed-networks=198.51.100.0/24");
        proxied = new Api("http://127.0.0.1:" + behindProxy.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        if (behindProxy != null) {
            behindProxy.close();
        }
    }

    ConfigurableApplicationContext start(String... more) {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--server.port=0", "--populus.data-dir=target/test-data/proxy-" + unique(),
                "--populus.procedures.enabled=false", "--populus.security.bcrypt-strength=4",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(PopulusApplication.class).run(args.toArray(String[]::new));
    }

    static void forbidden(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{}");
    }

    static void letIn(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(404); // nobody by that id
        assertThat(r.body()).isEqualTo("{}");
    }

    @Test
    void aClientOutsideTheAllowedNetworksIsRefusedThoughTheProxyIsOnLoopback() {
        forbidden(proxied.get(PERSON, "X-Forwarded-For", "203.0.113.9"));
    }

    @Test
    void aClientInTheAllowedNetworksIsLetInThroughTheProxy() {
        letIn(proxied.get(PERSON, "X-Forwarded-For", "198.51.100.7"));
    }

    @Test
    void anAllowedAddressPrependedByTheClientIsNotBelieved() {
        // the proxy appends the address it saw; what the client sent stays on the left
        forbidden(proxied.get(PERSON, "X-Forwarded-For", "198.51.100.7, 203.0.113.9"));
    }

    @Test
    void aRequestWithoutForwardedAddressKeepsTheProxysAddressAndIsRefused() {
        forbidden(proxied.get(PERSON));
        forbidden(proxied.get(PERSON, "X-Forwarded-For", "127.0.0.1"));
    }

    @Test
    void overHttpsAtTheProxyTheSessionCookieIsSecureAndHstsIsSent() {
        Response login = proxied.post("/session/auth/login",
                Api.obj("login", "admin", "password", ADMIN_PASSWORD), "X-Forwarded-Proto", "https",
                "X-Forwarded-For", "203.0.113.9");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.header("Set-Cookie")).contains("session_id=").contains("Secure").contains("HttpOnly");
        assertThat(login.header("Strict-Transport-Security")).contains("max-age=");

        Response plain = proxied.post("/session/auth/login", Api.obj("login", "admin", "password", ADMIN_PASSWORD),
                "X-Forwarded-For", "203.0.113.9");
        assertThat(plain.header("Set-Cookie")).doesNotContain("Secure");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void withoutProxyModeForwardedHeadersAreIgnored() {
        letIn(api.get(PERSON, "X-Forwarded-For", "203.0.113.9"));
        letIn(api.get(PERSON, "Forwarded", "for=203.0.113.9;proto=https"));
        Response login = api.post("/session/auth/login", Api.obj("login", "admin", "password", ADMIN_PASSWORD),
                "X-Forwarded-Proto", "https");
        assertThat(login.header("Set-Cookie")).doesNotContain("Secure");
        assertThat(login.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void itRefusesToStartWhenTheProxysAddressIsAnAllowedCensusNetworkWithoutApiKeys() {
        assertThatThrownBy(() -> start("--populus.proxy.mode=x-forwarded", "--populus.proxy.trusted=127.0.0.1").close())
                .rootCause().hasMessageContaining("Refusing to start").hasMessageContaining("127.0.0.1/32")
                .hasMessageContaining("POPULUS_CENSUS_REQUIRE_API_KEY");
    }

    @Test
    void withApiKeysRequiredTheDefaultNetworksMayStayBehindAProxy() {
        start("--populus.proxy.mode=x-forwarded", "--populus.proxy.trusted=127.0.0.1",
                "--populus.census.require-api-key=true").close();
    }
}
