package org.populus.api.openg2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.SurfaceFormats.assertErrorFormat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A listing without {@code limit} streams every match (OpenG2P's behaviour), but one client may run at most two at
 * once (the default of {@code POPULUS_OPENG2P_MAX_UNBOUNDED_LISTINGS}): a third is a 429 in OpenG2P's error format
 * at once, while listings with a limit and other clients are not counted against it.
 */
class UnboundedListingsHttpTest extends HttpTest {

    private static final String LIST = "/api/v1/registry/individual/";

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<HttpResponse<String>> listAsync(String sid, String query) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LIST + query))
                .header("X-Openerp-Session-Id", sid).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Listings waiting for the lock on the people's table. */
    private static int waiting(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select count(distinct pid) from pg_locks where not granted"
                        + " and relation in ('party'::regclass, 'record_version'::regclass)")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void aThirdUnboundedListingOfTheSameClientIsA429WhileTwoRunAndWorksOnceTheyEnd() throws Exception {
        String given = "Unbounded" + unique();
        var created = api.post(LIST, Api.obj("name", given + " Test", "given_name", given, "family_name", "Test"),
                Api.session(adminSession()));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String reader = sessionWith(Role.REGISTRY_READ);
        String other = sessionWith(Role.REGISTRY_READ);
        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("set local lock_timeout = '10s'");
                // the listings wait: the unfiltered one reads party, the one by name the records' history versions
                s.execute("lock table party, record_version in access exclusive mode");
            }
            try (Connection watch = dataSource.getConnection()) {
                running.add(listAsync(reader, ""));
                running.add(listAsync(reader, "?name=" + given));
                long until = System.currentTimeMillis() + 10_000;
                while (waiting(watch) < 2 && System.currentTimeMillis() < until) {
                    Thread.sleep(20);
                }
                assertThat(waiting(watch)).as("two listings are running").isGreaterThanOrEqualTo(2);

                Api.Response third = api.get(LIST + "?name=" + given, Api.session(reader));
                assertThat(third.status()).as(third.toString()).isEqualTo(429);
                assertThat(third.header("Retry-After")).isNotNull();
                assertErrorFormat(LIST, third);
                assertThat(third.json().get("errorDescription").asString()).contains("limit");
                // another client is not refused (its listing waits for the lock like the others)
                running.add(listAsync(other, "?name=" + given));
            } finally {
                lock.rollback();
            }
        }
        for (var r : running) {
            assertThat(r.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(api.get(LIST + "?name=" + given, Api.session(reader)).status()).isEqualTo(200);
    }

    @Test
    void listingsWithALimitAreNotCounted() {
        String reader = sessionWith(Role.REGISTRY_READ);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get(LIST + "?limit=1", Api.session(reader)).status()).isEqualTo(200);
        }
    }
}
