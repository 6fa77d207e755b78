package org.populus.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.populus.PopulusApplication;

/**
 * A registration answered with 202 is processed even when the application dies before processing it: the first
 * run has its queue workers off (a crash between the 202 and the processing), is killed with SIGKILL, and the
 * second run on the same data directory processes the queued registration.
 */
class ProcedureQueueRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aQueuedProcedureSurvivesAKillAndIsProcessedAfterTheRestart() throws Exception {
        int port = freePort();
        Process first = start(port, false);
        long personId;
        try {
            awaitUp(port, first);
            String body = "person[first_name]=Ana&person[last_name1]=Restart&person[document_type]=dni"
                    + "&person[document_id]=00000023T&person[document_scope_code]=ES&person[born_at]=1980-01-01"
                    + "&person[gender]=female&person[address]=Calle+1&person[address_scope_code]=ES"
                    + "&person[postal_code]=28001&person[email]=ana@example.org&person[scope_code]=ES"
                    + "&origin_qualified_id=5@restart";
            HttpResponse<String> r = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/en/people"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            personId = Long.parseLong(r.body().replaceAll("\\D", ""));
            assertThat(state(port, personId)).isEqualTo("pending");
        } finally {
            first.destroyForcibly(); // SIGKILL
            first.waitFor(30, TimeUnit.SECONDS);
        }

        Process second = start(port, true);
        try {
            awaitUp(port, second);
            long until = System.currentTimeMillis() + 30_000;
            String state = state(port, personId);
            while (!"enabled".equals(state) && System.currentTimeMillis() < until) {
                Thread.sleep(100);
                state = state(port, personId);
            }
            assertThat(state).isEqualTo("enabled");
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    private Process start(int port, boolean queue) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), PopulusApplication.class.getName(),
                "--server.port=" + port, "--populus.data-dir=" + dataDir, "--populus.db-port=0",
                "--populus.procedures.enabled=" + queue, "--logging.level.root=WARN",
                "--populus.warm-up.duration=0");
        // always its own embedded database, also when the tests run against an external server
        pb.environment().remove("SPRING_DATASOURCE_URL");
        pb.environment().remove("SPRING_DATASOURCE_USERNAME");
        pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("app-" + queue + ".log").toFile());
        return pb.start();
    }

    private void awaitUp(int port, Process p) throws Exception {
        long until = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < until) {
            if (!p.isAlive()) {
                throw new AssertionError("the application stopped: " + log());
            }
            try {
                if (send(port, HttpRequest.newBuilder(uri(port, "/actuator/health"))).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application did not start: " + log());
    }

    private String log() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path f : List.of(dataDir.resolve("app-false.log"), dataDir.resolve("app-true.log"))) {
            if (Files.exists(f)) {
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }

    private static String state(int port, long id) throws Exception {
        HttpResponse<String> r = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/people/" + id + "@census")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body().replaceAll(".*\"state\":\"([a-z]+)\".*", "$1");
    }

    private static HttpResponse<String> send(int port, HttpRequest.Builder b) throws IOException {
        try {
            return HttpClient.newHttpClient().send(b.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
