package org.populus.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.populus.PopulusApplication;
import org.populus.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * No one is missing from the search index after the application is killed ({@code SIGKILL}) in the middle of a
 * load and started again: the people committed in PostgreSQL (counted there) are exactly those the index finds,
 * and every person whose creation was answered is found by name. The application runs as a process of its own on
 * its own embedded database.
 */
class SearchIndexKillTest {

    private static final String PASSWORD = "kill-test-password";

    @TempDir
    Path dataDir;

    @Test
    void afterAKillMidLoadTheIndexHoldsEveryoneCommitted() throws Exception {
        int port = freePort();
        int dbPort = freePort();
        String tag = "k" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        Set<Long> answered = ConcurrentHashMap.newKeySet();
        Process first = start(port, dbPort, "first");
        try {
            awaitReady(port, first);
            Api api = new Api("http://127.0.0.1:" + port);
            String[] admin = Api.session(api.login("admin", PASSWORD));
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(8);
            for (int w = 0; w < 8; w++) {
                int worker = w;
                writers.submit(() -> {
                    for (int i = 0; loading.get(); i++) {
                        String given = "G" + worker + "n" + i + tag;
                        try {
                            Api.Response r = api.post("/api/v1/registry/individual/", Api.obj("name", given + " " + tag,
                                    "given_name", given, "family_name", tag), admin);
                            if (r.status() == 200) {
                                answered.add(r.json().get("id").asLong());
                            }
                        } catch (RuntimeException e) {
                            return; // the application is gone
                        }
                    }
                });
            }
            Thread.sleep(3000);
            first.destroyForcibly(); // SIGKILL, requests in flight
            first.waitFor(30, TimeUnit.SECONDS);
            loading.set(false);
            writers.shutdown();
            writers.awaitTermination(30, TimeUnit.SECONDS);
        } finally {
            first.destroyForcibly();
        }
        assertThat(answered).as("people created before the kill").hasSizeGreaterThan(10);

        Process second = start(port, dbPort, "second");
        try {
            awaitReady(port, second);
            List<Long> committed = committedIds(dbPort, tag);
            assertThat(committed).containsAll(answered);
            assertThat(committed.size()).isLessThan(1000);
            Api api = new Api("http://127.0.0.1:" + port);
            String[] admin = Api.session(api.login("admin", PASSWORD));
            Api.Response user = api.post("/admin/api/users", Api.obj("login", "reader", "display_name", "Reader",
                    "password", "reader-password-1", "roles", List.of("data", "registry-read")), admin);
            assertThat(user.status()).as(user.body()).isEqualTo(201);
            String[] reader = Api.session(api.login("reader", "reader-password-1"));
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<Long> found = found(api, reader, tag);
            while (found.size() < committed.size() && System.nanoTime() < until) {
                Thread.sleep(100);
                found = found(api, reader, tag);
            }
            assertThat(found).as("the index finds exactly the people committed").containsExactlyInAnyOrderElementsOf(
                    committed);
            for (long id : answered.stream().limit(20).toList()) {
                String name = api.get("/api/v1/registry/individual/" + id, reader).json().get("given_name").asString();
                assertThat(api.get("/admin/api/people?q=" + name, reader).json().get("people").get(0).get("id")
                        .asLong()).as(name).isEqualTo(id);
            }
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    private static List<Long> found(Api api, String[] admin, String tag) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            JsonNode people = api.get("/admin/api/people?size=100&page=" + page + "&q=" + tag, admin).json()
                    .get("people");
            people.forEach(p -> ids.add(p.get("id").asLong()));
            if (people.size() < 100) {
                break;
            }
        }
        return ids;
    }

    private List<Long> committedIds(int dbPort, String tag) throws Exception {
        String password = Files.readString(dataDir.resolve("db.password")).strip();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/populus",
                "populus", password); var s = c.prepareStatement(
                        "select id from party where family_name = ? order by id")) {
            s.setString(1, tag);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private Process start(int port, int dbPort, String name) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), PopulusApplication.class.getName(),
                "--server.port=" + port, "--populus.data-dir=" + dataDir, "--populus.db-port=" + dbPort,
                "--populus.admin.password=" + PASSWORD, "--populus.security.bcrypt-strength=4",
                "--logging.level.root=WARN", "--populus.warm-up.duration=0");
        pb.environment().remove("SPRING_DATASOURCE_URL");
        pb.environment().remove("SPRING_DATASOURCE_USERNAME");
        pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("app-" + name + ".log").toFile());
        return pb.start();
    }

    /** Waits for readiness, which includes the search index being current. */
    private void awaitReady(int port, Process p) throws Exception {
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            if (!p.isAlive()) {
                throw new AssertionError("the application stopped: " + Files.readString(dataDir.resolve(
                        "app-" + (p.info().commandLine().orElse("").contains("second") ? "second" : "first")
                                + ".log")));
            }
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application did not get ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
