package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a transaction that writes first and commits last
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            registrants.setAdditionalInformation(early, "race", "1", Provenance.system("slow"));
            written.countDown();
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        try {
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            registrants.setAdditionalInformation(late, "race", "1", Provenance.system("fast"));
            List<JsonNode> between = reader.poll();
            assertThat(reader.saw(between, early, 2)).as("the uncommitted change").isFalse();
        } finally {
            release.countDown();
        }
        slow.get(30, TimeUnit.SECONDS);
        reader.poll();
        assertThat(reader.indexOf(early, 2)).as("the change committed late").isNotNegative();
        assertThat(reader.indexOf(late, 2)).as("the change committed first").isNotNegative();
        assertThat(reader.indexOf(early, 2)).isLessThan(reader.indexOf(late, 2));
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
