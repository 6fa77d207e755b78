package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.populus.PopulusApplication;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances with the default limits on one database, behind a reverse proxy on this host: wrong passwords
 * sent to both at once, from one address, are checked at most as often as the limit allows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleAcrossInstancesTest extends HttpTest {

    private static final int DEFAULT_LIMIT = 10;
    private static final int GUESSES = 100;

    @Autowired
    DataSource dataSource;

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeAll
    void startInstances() {
        first = instance();
        second = instance();
    }

    @AfterAll
    void stopInstances() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    private ConfigurableApplicationContext instance() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        return new SpringApplicationBuilder(PopulusApplication.class).run(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--server.port=0", "--populus.data-dir=target/test-data/instance-" + unique(),
                "--populus.procedures.enabled=false", "--populus.security.bcrypt-strength=10",
                "--populus.proxy.mode=x-forwarded", "--populus.proxy.trusted=127.0.0.1, ::1",
                "--populus.census.require-api-key=true",
                "--spring.main.banner-mode=off");
    }

    private static Api api(ConfigurableApplicationContext instance) {
        return new Api("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port"));
    }

    private static double failuresCounted(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).counter("populus.login.attempts", "outcome", "failure").count();
    }

    @Test
    void aHundredParallelGuessesOnTwoInstancesCheckAtMostTheLimit() throws Exception {
        String login = "guessed-" + unique();
        // hashed at the default cost, so a check takes as long as in production
        first.getBean(UserAccounts.class).create(login, null, "password-" + login, EnumSet.of(Role.REGISTRY_READ));
        String address = "10." + ThreadLocalRandom.current().nextInt(0, 256) + "."
                + ThreadLocalRandom.current().nextInt(0, 256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        Api[] instances = {api(first), api(second)};

        ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
        List<Future<Integer>> answers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int i = 0; i < GUESSES; i++) {
                Api instance = instances[i % 2];
                String guess = "guess-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return instance.post("/session/auth/login", obj("login", login, "password", guess),
                            "X-Forwarded-For", address).status();
                }));
            }
            start.countDown();
            int checked = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                assertThat(status).isIn(401, 429);
                checked += status == 401 ? 1 : 0;
            }
            assertThat(checked).as("passwords checked (answered 401)").isBetween(1, DEFAULT_LIMIT);
            assertThat(failuresCounted(first) + failuresCounted(second)).as("failures in populus.login.attempts")
                    .isEqualTo(checked);
        } finally {
            pool.shutdownNow();
        }
    }
}
