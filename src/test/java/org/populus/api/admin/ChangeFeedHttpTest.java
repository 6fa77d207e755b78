package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;

import java.net.URLEncoder;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.history.Provenance;
import org.populus.person.Registrants;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** {@code GET /admin/api/changes}: the change feed. */
class ChangeFeedHttpTest extends HttpTest {

    @Autowired
    Registrants registrants;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    javax.sql.DataSource dataSource;

    /** What a consumer has read so far: every change, and the cursor to ask from next. */
    final class Reader {
        final String[] auth = Api.session(sessionWith(Role.DATA));
        final List<JsonNode> seen = new ArrayList<>();
        String cursor;

        /** Asks until the feed has nothing more; returns what this round gave. */
        List<JsonNode> poll() {
            List<JsonNode> round = new ArrayList<>();
            while (true) {
                Api.Response r = api.get("/admin/api/changes?limit=1000"
                        + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), auth);
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                JsonNode changes = r.json().get("changes");
                cursor = r.json().get("next").asString();
                if (changes.isEmpty()) {
                    seen.addAll(round);
                    return round;
                }
                changes.forEach(round::add);
            }
        }

        boolean saw(List<JsonNode> changes, long id, int version) {
            return changes.stream().anyMatch(c -> c.get("type").asString().equals("registrant")
                    && c.get("id").asLong() == id && c.get("version").asInt() == version);
        }

        int indexOf(long id, int version) {
            for (int i = 0; i < seen.size(); i++) {
                if (saw(List.of(seen.get(i)), id, version)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private long individual() {
        return api.post("/api/v1/registry/individual/", obj("given_name", "Fee", "family_name", "Feed" + unique()),
                Api.session(adminSession())).json().get("id").asLong();
    }

    @Test
    void aChangeCommittedAfterALaterOneIsNotSkippedByAReaderThatPolledBetween() throws Exception {
        long early = individual();
        long late = individual();
        Reader reader = new Reader();
        reader.poll();
        // a transaction that writes first and commits last
        SlowWriter slow = new SlowWriter(early, "race");
        try {
            registrants.setAdditionalInformation(late, "race", "1", Provenance.system("fast"));
            List<JsonNode> between = reader.poll();
            assertThat(reader.saw(between, early, 2)).as("the uncommitted change").isFalse();
        } finally {
            slow.commit();
        }
        reader.poll();
        assertThat(reader.indexOf(early, 2)).as("the change committed late").isNotNegative();
        assertThat(reader.indexOf(late, 2)).as("the change committed first").isNotNegative();
        assertThat(reader.indexOf(early, 2)).isLessThan(reader.indexOf(late, 2));
    }

    /**
     * A Populus writer that stays open: a transaction that has written one version of the person (additional
     * information {@code key}) when the constructor returns, and commits on {@link #commit()}.
     */
    private final class SlowWriter {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> done;

        SlowWriter(long person, String key) throws InterruptedException {
            CountDownLatch written = new CountDownLatch(1);
            done = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
                registrants.setAdditionalInformation(person, key, "1", Provenance.system("slow"));
                written.countDown();
                try {
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        }

        void commit() throws Exception {
            release.countDown();
            done.get(30, TimeUnit.SECONDS);
        }
    }

    /** A connection of its own, as the application's role, to {@code database} on the application's server. */
    private Connection connectTo(String database) throws SQLException {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        String url = hikari.getJdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
        return DriverManager.getConnection(url, hikari.getUsername(), hikari.getPassword());
    }

    private static String currentDatabase(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Opens a transaction on {@code c} and gives it a transaction id (as its first write would). */
    private static void holdATransactionId(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("select pg_current_xact_id()");
        }
    }

    @Test
    void theFeedMovesWhileATransactionOfAnotherDatabaseIsOpen() throws Exception {
        Reader reader = new Reader();
        reader.poll();
        try (Connection other = connectTo("postgres")) {
            assertThat(currentDatabase(other)).isNotEqualTo(jdbc.sql("select current_database()").query(String.class).single());
            holdATransactionId(other);
            long id = individual();
            assertThat(reader.saw(reader.poll(), id, 1)).as("a change committed after the other database's "
                    + "transaction began").isTrue();
            other.rollback();
        }
    }

    @Test
    void theFeedMovesWhileATransactionOfThisDatabaseThatWroteNothingToPopulusTablesIsOpen() throws Exception {
        Reader reader = new Reader();
        reader.poll();
        try (Connection bystander = connectTo(jdbc.sql("select current_database()").query(String.class).single())) {
            try (Statement s = bystander.createStatement()) {
                s.execute("create temp table scratch (x int)");
            }
            bystander.setAutoCommit(false);
            try (Statement s = bystander.createStatement()) {
                s.execute("insert into scratch values (1)");
                s.execute("select * from party limit 1");
            }
            long id = individual();
            assertThat(reader.saw(reader.poll(), id, 1)).as("a change committed after the bystander began")
                    .isTrue();
            bystander.rollback();
        }
    }

    private static double metric(String exposition, String name) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(name + " not in the metrics");
    }

    @Test
    void whatARunningWriterHoldsBackIsMeasuredInVersionsAndSeconds() throws Exception {
        long early = individual();
        long late = individual();
        String[] admin = Api.session(adminSession());
        SlowWriter slow = new SlowWriter(early, "lag");
        try {
            registrants.setAdditionalInformation(late, "lag", "1", Provenance.system("fast"));
            Thread.sleep(1100);
            String metrics = api.get("/actuator/prometheus", admin).body();
            assertThat(metric(metrics, "populus_feed_lag_versions")).isGreaterThanOrEqualTo(1);
            assertThat(metric(metrics, "populus_feed_lag_seconds")).isGreaterThanOrEqualTo(1);
        } finally {
            slow.commit();
        }
        double held = Double.MAX_VALUE;
        for (int i = 0; i < 50 && held > 0; i++) {
            held = metric(api.get("/actuator/prometheus", admin).body(), "populus_feed_lag_versions");
            Thread.sleep(held > 0 ? 100 : 0);
        }
        assertThat(held).as("held back once the writer has ended").isZero();
    }

    @Test
    void eachChangeComesOnceWithWhatChangedAndTheCursorAfterIt() {
        Reader reader = new Reader();
        reader.poll();
        long id = individual();
        registrants.setAdditionalInformation(id, "note", "\"x\"", Provenance.system("feed test"));
        List<JsonNode> round = reader.poll();
        List<JsonNode> mine = round.stream().filter(c -> c.get("id").asLong() == id
                && c.get("type").asString().equals("registrant")).toList();
        assertThat(mine).extracting(c -> c.get("version").asInt()).containsExactly(1, 2);
        JsonNode second = mine.get(1);
        assertThat(second.propertyNames()).containsExactly("type", "id", "version", "recorded_at", "actor",
                "reason", "changed", "cursor");
        assertThat(second.get("actor").asString()).isEqualTo("system");
        assertThat(second.get("reason").asString()).isEqualTo("feed test");
        assertThat(second.get("changed")).extracting(JsonNode::asString).containsExactly("data.additionalInfo");
        Api.Response fromSecond = api.get("/admin/api/changes?after=" + second.get("cursor").asString(),
                reader.auth);
        assertThat(fromSecond.json().get("changes").toString()).doesNotContain("\"cursor\":\""
                + second.get("cursor").asString() + "\"");
        assertThat(reader.poll()).isEmpty();
    }

    @Test
    void aMalformedCursorOrLimitIsA400ProblemNamingTheParameter() {
        String[] auth = Api.session(sessionWith(Role.DATA));
        String notACursor = java.util.Base64.getUrlEncoder().encodeToString("12.x".getBytes(StandardCharsets.UTF_8));
        for (String after : List.of("garbage!", "", notACursor, "OTk5OTk5OTk5OTk5OTk5OTk5OTk5LjE")) {
            Api.Response r = api.get("/admin/api/changes?after=" + after, auth);
            assertThat(r.status()).as(after + ": " + r).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("field").asString()).isEqualTo("after");
        }
        for (String limit : List.of("0", "1001", "-1")) {
            Api.Response r = api.get("/admin/api/changes?limit=" + limit, auth);
            assertThat(r.status()).as(limit + ": " + r).isEqualTo(400);
            assertThat(r.json().get("field").asString()).isEqualTo("limit");
        }
        assertThat(api.get("/admin/api/changes?limit=ten", auth).status()).isEqualTo(400);
    }

    @Test
    void theFeedNeedsTheDataRole() {
        assertThat(api.get("/admin/api/changes", Api.session(sessionWith(Role.REGISTRAR))).status()).isEqualTo(403);
        assertThat(api.get("/admin/api/changes", Api.session(adminSession())).status()).isEqualTo(403);
    }
}
