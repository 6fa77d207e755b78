package org.populus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.events.ChangeEventsHttpTest.cloudEvent;
import static org.populus.events.ChangeEventsHttpTest.data;
import static org.populus.support.Api.obj;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.populus.PopulusApplication;
import org.populus.history.Provenance;
import org.populus.person.Registrants;
import org.populus.support.Api;
import org.populus.support.BrokerQueue;
import org.populus.support.BrokerQueue.Delivery;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The relay when things go wrong: the broker down during changes, the active relay's instance gone, two instances
 * relaying one outbox.
 */
class RelayResilienceHttpTest extends HttpTest {

    @Autowired
    Registrants registrants;

    @Autowired
    Outbox outbox;

    @Autowired
    DataSource dataSource;

    private long individual(String name) {
        Api.Response r = api.post("/api/v1/registry/individual/", obj("given_name", name, "family_name",
                "Relay" + unique()), Api.session(adminSession()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("id").asLong();
    }

    /** Versions 2 to {@code 1 + count} of each person, interleaved between the people. */
    private void changeInTurns(List<Long> people, int count) {
        for (int i = 0; i < count; i++) {
            for (long id : people) {
                registrants.setAdditionalInformation(id, "step", Integer.toString(i), Provenance.system("test"));
            }
        }
    }

    private static Predicate<Delivery> about(Set<Long> people) {
        return d -> people.contains(Long.parseLong(cloudEvent(d).getSubject()));
    }

    /** The versions each person's events carried, in the order received. */
    private static Map<Long, List<Integer>> versionsByPerson(List<Delivery> received) {
        Map<Long, List<Integer>> out = new LinkedHashMap<>();
        for (Delivery d : received) {
            var data = data(cloudEvent(d));
            out.computeIfAbsent(data.get("id").asLong(), k -> new ArrayList<>()).add(data.get("version").asInt());
        }
        return out;
    }

    private void awaitEmptyOutbox() {
        long until = System.currentTimeMillis() + 20_000;
        while (outbox.backlog().size() > 0) {
            assertThat(System.currentTimeMillis()).as("outbox emptied by the relay").isLessThan(until);
            sleep(20);
        }
    }

    @Test
    void whileTheBrokerIsDownChangesWaitInTheOutboxAndArePublishedInOrderOnceItIsBack() {
        try (BrokerQueue consumer = BrokerQueue.open("populus-test-down-" + unique(), "hutch",
                "populus.registrant.changed")) {
            long ana = individual("Ana");
            long bea = individual("Bea");
            assertThat(consumer.await(about(Set.of(ana, bea)), 2, Duration.ofSeconds(20))).hasSize(2);
            // the consumer can have the first versions before the relay has their confirms and deleted their rows:
            // cutting the broker then would (rightly, at least once) publish them again
            awaitEmptyOutbox();
            BROKER.refuse();
            try {
                changeInTurns(List.of(ana, bea), 3);
                long until = System.currentTimeMillis() + 20_000;
                while (!api.get("/actuator/health").body().contains("DEGRADED")) {
                    assertThat(System.currentTimeMillis()).as("health degraded").isLessThan(until);
                    sleep(50);
                }
                Api.Response health = api.get("/actuator/health");
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.json().get("status").asString()).isEqualTo("DEGRADED");
                assertThat(outbox.backlog().size()).isGreaterThanOrEqualTo(6);
                assertThat(consumer.drain(about(Set.of(ana, bea)), Duration.ofMillis(500))).isEmpty();
            } finally {
                BROKER.accept();
            }
            List<Delivery> received = consumer.await(about(Set.of(ana, bea)), 6, Duration.ofSeconds(30));
            assertThat(versionsByPerson(received)).containsEntry(ana, List.of(2, 3, 4))
                    .containsEntry(bea, List.of(2, 3, 4));
            long until = System.currentTimeMillis() + 10_000;
            while (!api.get("/actuator/health").json().get("status").asString().equals("UP")) {
                assertThat(System.currentTimeMillis()).as("health up again").isLessThan(until);
                sleep(50);
            }
        }
    }

    @Test
    void theBacklogAndTheAgeOfItsOldestEventAreMetrics() {
        BROKER.refuse();
        try {
            long id = individual("Ivy");
            registrants.setAdditionalInformation(id, "step", "1", Provenance.system("test"));
            sleep(1100);
            String[] admin = Api.session(adminSession());
            String metrics = api.get("/actuator/prometheus", admin).body();
            assertThat(metric(metrics, "populus_events_outbox_backlog")).isGreaterThanOrEqualTo(2);
            assertThat(metric(metrics, "populus_events_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(1);
        } finally {
            BROKER.accept();
        }
        long until = System.currentTimeMillis() + 20_000;
        String[] admin = Api.session(adminSession());
        String metrics = api.get("/actuator/prometheus", admin).body();
        while (metric(metrics, "populus_events_outbox_backlog") > 0) {
            assertThat(System.currentTimeMillis()).as("the backlog published").isLessThan(until);
            sleep(100);
            metrics = api.get("/actuator/prometheus", admin).body();
        }
        // other writers of the shared database may add a row between the two readings: it is fresh, not a second old
        assertThat(metric(metrics, "populus_events_outbox_oldest_age_seconds")).isLessThan(1);
    }

    private static double metric(String exposition, String name) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(name + " not in the metrics");
    }

    private ConfigurableApplicationContext secondInstance() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        return new SpringApplicationBuilder(PopulusApplication.class).run(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=0", "--populus.data-dir=target/test-data/second-" + unique(),
                "--populus.events.rabbitmq-uri=amqp://guest:guest@127.0.0.1:" + BrokerQueue.PORT + "/%2f",
                "--spring.main.banner-mode=off");
    }

    @Test
    void twoInstancesPublishEachOutboxEntryOnce() {
        try (BrokerQueue consumer = BrokerQueue.open("populus-test-two-" + unique(), "hutch",
                "populus.registrant.changed"); ConfigurableApplicationContext second = secondInstance()) {
            Registrants other = second.getBean(Registrants.class);
            List<Long> people = List.of(individual("Cas"), individual("Dan"), individual("Eli"), individual("Fay"));
            for (int i = 0; i < 5; i++) {
                for (long id : people) {
                    (id % 2 == 0 ? registrants : other).setAdditionalInformation(id, "step", Integer.toString(i),
                            Provenance.system("test"));
                }
            }
            List<Delivery> received = consumer.await(about(Set.copyOf(people)), 24, Duration.ofSeconds(30));
            assertThat(consumer.drain(about(Set.copyOf(people)), Duration.ofSeconds(2))).as("nothing twice").isEmpty();
            assertThat(received).extracting(d -> d.properties().getMessageId()).doesNotHaveDuplicates();
            for (long id : people) {
                assertThat(versionsByPerson(received).get(id)).containsExactly(1, 2, 3, 4, 5, 6);
            }
        }
    }

    @Test
    void whenTheActiveRelaysConnectionDiesAStandbyTakesOverWithinSecondsAndRepeatsOnlyWithTheSameIds() {
        try (BrokerQueue consumer = BrokerQueue.open("populus-test-takeover-" + unique(), "hutch",
                "populus.registrant.changed"); ConfigurableApplicationContext second = secondInstance()) {
            List<Long> people = List.of(individual("Gil"), individual("Hal"));
            changeInTurns(people, 2);
            assertThat(terminateActiveRelaysConnection()).as("an active relay").isTrue();
            changeInTurns(people, 2);
            long changedAt = System.nanoTime();
            List<Delivery> received = consumer.await(about(Set.copyOf(people)), 10, Duration.ofSeconds(30));
            received.addAll(consumer.drain(about(Set.copyOf(people)), Duration.ofSeconds(1)));
            assertThat(Duration.ofNanos(System.nanoTime() - changedAt)).isLessThan(Duration.ofSeconds(10));
            Map<String, Integer> versionOfId = new java.util.HashMap<>();
            for (Delivery d : received) {
                int version = data(cloudEvent(d)).get("version").asInt();
                assertThat(versionOfId.putIfAbsent(d.properties().getMessageId(), version))
                        .as("a repeated message has the same id and version").isIn(null, version);
            }
            for (long id : people) {
                assertThat(versionsByPerson(received).get(id).stream().distinct().toList())
                        .containsExactly(1, 2, 3, 4, 5);
            }
        }
    }

    @Test
    void changesCommittedByAJvmKilledBeforeItPublishedThemArePublishedByTheNextRelay() throws Exception {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(javaCommand, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                PopulusApplication.class.getName(),
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--server.port=" + port, "--populus.data-dir=target/test-data/killed-" + unique(),
                "--populus.warm-up.duration=0", "--spring.main.banner-mode=off",
                // its broker cannot be reached: whether or not it is the active relay, it publishes nothing
                "--populus.events.rabbitmq-uri=amqp://guest:guest@127.0.0.1:1/%2f")
                .redirectErrorStream(true).redirectOutput(java.nio.file.Path.of("target", "killed-jvm.log").toFile())
                .start();
        try (BrokerQueue consumer = BrokerQueue.open("populus-test-killed-" + unique(), "hutch",
                "populus.registrant.changed")) {
            Api childApi = new Api("http://127.0.0.1:" + port);
            long until = System.currentTimeMillis() + 120_000;
            while (status(childApi, "/actuator/health/readiness") != 200) {
                assertThat(child.isAlive()).as("the child JVM runs (target/killed-jvm.log)").isTrue();
                assertThat(System.currentTimeMillis()).as("the child JVM is ready").isLessThan(until);
                sleep(200);
            }
            List<Long> people = new ArrayList<>();
            BROKER.refuse();
            try {
                String[] admin = Api.session(childApi.login("admin", ADMIN_PASSWORD));
                for (int i = 0; i < 3; i++) {
                    Api.Response r = childApi.post("/api/v1/registry/individual/", obj("given_name", "Kim",
                            "family_name", "Killed" + unique()), admin);
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    people.add(r.json().get("id").asLong());
                }
                child.destroyForcibly().waitFor();
                assertThat(consumer.drain(about(Set.copyOf(people)), Duration.ofMillis(500))).isEmpty();
            } finally {
                BROKER.accept();
            }
            List<Delivery> received = consumer.await(about(Set.copyOf(people)), 3, Duration.ofSeconds(30));
            assertThat(versionsByPerson(received).keySet()).containsExactlyInAnyOrderElementsOf(people);
        } finally {
            child.destroyForcibly();
        }
    }

    /** Ends the database session holding the relay's lock, as if its instance died; true when there was one. */
    private boolean terminateActiveRelaysConnection() {
        return jdbc.sql("""
                select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted
                and classid::bigint = ? and objid::bigint = ? and objsubid = 2
                and database = (select oid from pg_database where datname = current_database())""")
                .params(Integer.toUnsignedLong(EventRelay.LOCK_CLASS), Integer.toUnsignedLong(EventRelay.LOCK_OBJECT))
                .query(Boolean.class).optional().orElse(false);
    }

    /** The status of a GET, 0 while nothing answers. */
    private static int status(Api to, String path) {
        try {
            return to.get(path).status();
        } catch (java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
