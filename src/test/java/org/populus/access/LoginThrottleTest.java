package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.basic;
import static org.populus.support.Api.obj;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;
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
 * Failed logins are throttled per login (default 10 per 15 minutes) and per client address, on instances of their
 * own (the shared test context raises the limits): one with the default limit per login, one with a small limit
 * per address tried from a random loopback address. The counts live in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleTest extends HttpTest {

    private static final int PER_ADDRESS = 15;

    @Autowired
    DataSource dataSource;

    private ConfigurableApplicationContext throttled;
    private Api t;

    @BeforeAll
    void startInstance() {
        throttled = instance("--populus.security.login.max-failures-per-address=1000000");
        t = new Api("http://127.0.0.1:" + port(throttled));
    }

    @AfterAll
    void stopInstance() {
        if (throttled != null) {
            throttled.close();
        }
    }

    private ConfigurableApplicationContext instance(String setting) {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        return new SpringApplicationBuilder(PopulusApplication.class).run(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--server.port=0", "--populus.data-dir=target/test-data/throttled-" + unique(),
                "--populus.security.bcrypt-strength=4", "--populus.procedures.enabled=false", setting,
                "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private String newUser(String login) {
        accounts.create(login, null, "password-" + login, EnumSet.of(Role.REGISTRY_READ, Role.ADMIN));
        return "password-" + login;
    }

    private Response login(String login, String password) {
        return t.post("/session/auth/login", obj("login", login, "password", password));
    }

    @Test
    void aHundredWrongPasswordsThenTheRightOneIsStillRefused() {
        String login = "target-" + unique();
        String password = newUser(login);
        for (int i = 0; i < 100; i++) {
            int status = login(login, "wrong-" + i).status();
            assertThat(status).isIn(401, 429);
        }
        Response r = login(login, password);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("429");
        assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
    }

    @Test
    void theTenthFailureLocksTheLoginOnEverySurfaceThatAcceptsIt() {
        String login = "locked-" + unique();
        String password = newUser(login);
        for (int i = 0; i < 10; i++) {
            assertThat(login(login, "wrong-" + i).status()).isEqualTo(401);
        }
        Response g2p = t.get("/api/v1/registry/individual/1", basic(login, password));
        assertThat(g2p.status()).isEqualTo(429);
        assertThat(g2p.json().get("errorCode").asString()).isEqualTo("429");
        assertThat(g2p.header("Retry-After")).isNotNull();
        Response admin = t.get("/admin/api/users", basic(login, password));
        assertThat(admin.status()).isEqualTo(429);
        assertThat(admin.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.header("Retry-After")).isNotNull();
        assertThat(t.get("/actuator/prometheus", basic(login, password)).status()).isEqualTo(429);
    }

    @Test
    void successfulLoginsDoNotCount() {
        String login = "regular-" + unique();
        String password = newUser(login);
        for (int i = 0; i < 15; i++) {
            assertThat(login(login, password).status()).isEqualTo(200);
        }
        for (int i = 0; i < 9; i++) {
            assertThat(login(login, "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(login(login, password).status()).isEqualTo(200);
    }

    @Test
    void basicCredentialsOnOpenPathsAndTheCensusApiAreNotChecked() {
        String login = "open-" + unique();
        String password = newUser(login);
        for (int i = 0; i < 12; i++) {
            assertThat(t.get("/actuator/health", basic(login, "wrong-" + i)).status()).isEqualTo(200);
            assertThat(t.get("/v3/api-docs", basic(login, "wrong-" + i)).status()).isEqualTo(200);
            assertThat(t.get("/api/v1/people/999999999@census", basic(login, "wrong-" + i)).status())
                    .isEqualTo(404);
        }
        assertThat(login(login, password).status()).as("no failure was counted").isEqualTo(200);
    }

    @Test
    void failuresFromOneAddressLockThatAddressForEveryLogin() throws IOException {
        InetAddress address = InetAddress.getByName("127." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                + ThreadLocalRandom.current().nextInt(0, 255) + "." + ThreadLocalRandom.current().nextInt(2, 255));
        String login = "victim-" + unique();
        String password = newUser(login);
        try (ConfigurableApplicationContext strict =
                instance("--populus.security.login.max-failures-per-address=" + PER_ADDRESS)) {
            int port = port(strict);
            for (int i = 0; i < PER_ADDRESS; i++) {
                assertThat(loginFrom(address, port, "guess-" + unique(), "wrong")).startsWith("HTTP/1.1 401");
            }
            assertThat(loginFrom(address, port, login, password)).startsWith("HTTP/1.1 429").contains("Retry-After");
            assertThat(new Api("http://127.0.0.1:" + port).post("/session/auth/login",
                    obj("login", login, "password", password)).status()).as("from another address").isEqualTo(200);
        }
    }

    /** A login sent from a given loopback address (the JDK 17 HTTP client cannot choose its own). */
    private static String loginFrom(InetAddress from, int tPort, String login, String password) throws IOException {
        byte[] body = Api.JSON.writeValueAsString(obj("login", login, "password", password))
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), tPort, from, 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /session/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
