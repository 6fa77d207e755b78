package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.basic;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.populus.PopulusApplication;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.populus.support.TcpProxy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database (this test's context is A; B is a second application whose every database
 * connection goes through a {@link TcpProxy}). Freezing the proxy stalls B as a paused process or a stuck network
 * would: its connections stay open but nothing moves, so B hears no announcement and acknowledges none, while its
 * HTTP side still takes requests. The announcement bound is the default, 1 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StalledInstanceRevocationTest extends HttpTest {

    private static final Duration BOUND = Duration.ofSeconds(1);

    @Autowired
    DataSource dataSource;

    private TcpProxy databaseOfB;
    private ConfigurableApplicationContext second;
    private Api b;
    private String probe;

    @BeforeAll
    void startSecondInstanceBehindAProxy() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        Matcher server = Pattern.compile("^jdbc:postgresql://[^/:]+(?::(\\d+))?/").matcher(hikari.getJdbcUrl());
        assertThat(server.find()).as(hikari.getJdbcUrl()).isTrue();
        databaseOfB = new TcpProxy(server.group(1) == null ? 5432 : Integer.parseInt(server.group(1)));
        String url = "jdbc:postgresql://127.0.0.1:" + databaseOfB.port() + "/"
                + hikari.getJdbcUrl().substring(server.end());
        second = new SpringApplicationBuilder(PopulusApplication.class).run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=0", "--populus.data-dir=target/test-data/stalled-" + unique(),
                "--populus.security.bcrypt-strength=4", "--populus.procedures.enabled=false",
                "--populus.events.relay.enabled=false",
                "--populus.security.login.max-failures-per-login=1000000",
                "--populus.security.login.max-failures-per-address=1000000",
                "--spring.main.banner-mode=off");
        b = new Api("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port"));
        long id = b.post("/api/v1/registry/individual/", obj("given_name", "Probe", "family_name", "P" + unique()),
                admin()).json().get("id").asLong();
        probe = "/api/v1/registry/individual/" + id;
    }

    @BeforeEach
    void secondInstanceListens() throws InterruptedException {
        SessionCache channelOfB = second.getBean(SessionCache.class);
        for (int i = 0; i < 300 && !channelOfB.listening(); i++) {
            Thread.sleep(100);
        }
        assertThat(channelOfB.listening()).as("B hears the channel").isTrue();
    }

    @AfterEach
    void resume() {
        databaseOfB.thaw();
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    private String[] admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    private String newReader(String login) {
        String password = "password-" + login;
        accounts.create(login, null, password, EnumSet.of(Role.REGISTRY_READ));
        return password;
    }

    /**
     * Stalls B for 2.5 s. A makes the revocation meanwhile; as soon as A has answered, a request to B with these
     * credentials arrives, answered once B resumes. Returns its status, then that of B's next request.
     */
    private int[] duringAndAfterAStall(String[] credentials, Runnable revocation) throws Exception {
        long frozenAt = System.nanoTime();
        databaseOfB.freeze();
        revocation.run();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> b.get(probe, credentials).status());
        sleepUntil(frozenAt + TimeUnit.MILLISECONDS.toNanos(2500));
        databaseOfB.thaw();
        int firstStatus = first.get(30, TimeUnit.SECONDS);
        return new int[] {firstStatus, b.get(probe, credentials).status()};
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    @Test
    void aStalledInstanceRefusesASessionEndedMeanwhileOnItsFirstRequestAfterResuming() throws Exception {
        String login = "stalled-" + unique();
        String sid = api.login(login, newReader(login));
        assertThat(b.get(probe, session(sid)).status()).isEqualTo(200); // now in B's cache

        int[] statuses = duringAndAfterAStall(session(sid),
                () -> assertThat(api.post("/session/auth/logout", null, session(sid)).status()).isEqualTo(200));

        assertThat(statuses).as("answered after resuming, and the next one").containsExactly(401, 401);
    }

    @Test
    void aStalledInstanceRefusesAPasswordResetMeanwhileOnItsFirstRequestAfterResuming() throws Exception {
        String login = "stalled-reset-" + unique();
        String password = newReader(login);
        assertThat(b.get(probe, basic(login, password)).status()).isEqualTo(200);
        Thread.sleep(200);
        assertThat(b.get(probe, basic(login, password)).status()).isEqualTo(200); // now in B's password cache

        int[] statuses = duringAndAfterAStall(basic(login, password),
                () -> assertThat(api.post("/admin/api/users/" + login + "/password",
                        obj("password", "another-password-1",
                                "version", accounts.find(login).orElseThrow().version()), admin()).status())
                        .isEqualTo(200));

        assertThat(statuses).as("answered after resuming, and the next one").containsExactly(401, 401);
    }

    @Test
    void aLogoutWaitsAtMostTheBoundForAnInstanceThatHasJustStalled() throws Exception {
        String login = "just-stalled-" + unique();
        String sid = api.login(login, newReader(login));
        assertThat(b.get(probe, session(sid)).status()).isEqualTo(200);
        databaseOfB.freeze(); // B still looks alive: it was heard a moment ago

        long started = System.nanoTime();
        assertThat(api.post("/session/auth/logout", null, session(sid)).status()).isEqualTo(200);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("the logout's time").isLessThan(BOUND.plusMillis(500));
        CompletableFuture<Integer> onB = CompletableFuture.supplyAsync(() -> b.get(probe, session(sid)).status());
        Thread.sleep(300);
        databaseOfB.thaw();
        assertThat(onB.get(30, TimeUnit.SECONDS)).isEqualTo(401);
    }

    @Test
    void aLogoutDoesNotWaitForAnInstanceKnownToBeDown() throws Exception {
        String login = "down-" + unique();
        String password = newReader(login);
        String warm = api.login(login, password);
        api.post("/session/auth/logout", null, session(warm));
        String sid = api.login(login, password);
        databaseOfB.freeze();
        Thread.sleep(BOUND.toMillis() + 300); // B has been silent for longer than the bound

        long started = System.nanoTime();
        assertThat(api.post("/session/auth/logout", null, session(sid)).status()).isEqualTo(200);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("the logout's time").isLessThan(BOUND);
        assertThat(api.get(probe, session(sid)).status()).isEqualTo(401);
    }
}
