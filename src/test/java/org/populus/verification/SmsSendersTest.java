package org.populus.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The three SMS senders and how one is chosen. */
class SmsSendersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theFileSenderAppendsOneJsonLinePerSmsCreatingDirectories() throws Exception {
        Path file = dir.resolve("a/b/sms.jsonl");
        SmsSender sender = new SmsSenders.FileSender(file);
        sender.send("+34600000001", "Tu código es \"1\"\nsegunda línea \\ \u0001");
        sender.send("+34600000002", "two");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("to").asString()).isEqualTo("+34600000001");
        assertThat(first.get("body").asString()).isEqualTo("Tu código es \"1\"\nsegunda línea \\ \u0001");
        assertThat(JSON.readTree(lines.get(1)).get("body").asString()).isEqualTo("two");
    }

    @Test
    void theFileSenderKeepsLinesWholeUnderConcurrency() throws Exception {
        Path file = dir.resolve("sms.jsonl");
        SmsSender sender = new SmsSenders.FileSender(file);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        sender.send("+" + thread, "x".repeat(500) + i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(400);
        for (String line : lines) {
            assertThat(JSON.readTree(line).get("body").asString()).startsWith("x".repeat(500));
        }
    }

    @Test
    void theHttpSenderPostsJsonWithTheBearerToken() throws Exception {
        ConcurrentLinkedQueue<String[]> received = new ConcurrentLinkedQueue<>();
        URI uri = serve(200, received, Duration.ZERO);
        new SmsSenders.HttpSender(uri, "s3cret", Duration.ofSeconds(5)).send("+34600000003", "Código 1234567");
        String[] request = received.poll();
        assertThat(request[0]).isEqualTo("POST");
        assertThat(request[1]).isEqualTo("Bearer s3cret");
        assertThat(request[2]).startsWith("application/json");
        JsonNode body = JSON.readTree(request[3]);
        assertThat(body.get("to").asString()).isEqualTo("+34600000003");
        assertThat(body.get("body").asString()).isEqualTo("Código 1234567");

        new SmsSenders.HttpSender(uri, null, Duration.ofSeconds(5)).send("+34600000003", "x");
        assertThat(received.poll()[1]).isNull();
    }

    @Test
    void theHttpSenderFailsOnAnErrorStatusATimeoutOrNoServer() throws Exception {
        URI failing = serve(503, new ConcurrentLinkedQueue<>(), Duration.ZERO);
        URI withKey = URI.create(failing + "?apikey=s3cret");
        assertThatThrownBy(() -> new SmsSenders.HttpSender(withKey, null, Duration.ofSeconds(5)).send("+1", "x"))
                .isInstanceOf(SmsDeliveryFailed.class).hasMessageContaining("503").hasMessageContaining("/sms")
                .hasMessageNotContaining("s3cret");
        stop();
        URI slow = serve(200, new ConcurrentLinkedQueue<>(), Duration.ofSeconds(3));
        assertThatThrownBy(() -> new SmsSenders.HttpSender(slow, null, Duration.ofMillis(300)).send("+1", "x"))
                .isInstanceOf(SmsDeliveryFailed.class);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + closedPort + "/sms");
        assertThatThrownBy(() -> new SmsSenders.HttpSender(nobody, null, Duration.ofSeconds(2)).send("+1", "x"))
                .isInstanceOf(SmsDeliveryFailed.class).hasMessageContaining("unreachable");
    }

    @Test
    void theSenderIsChosenByNameAndAnUnknownOneStopsStartUp() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(SmsSenders.class)
                .withPropertyValues("populus.data-dir=" + dir);
        runner.run(context -> assertThat(context.getBean(SmsSender.class)).isInstanceOf(SmsSenders.LogSender.class));
        runner.withPropertyValues("populus.sms.sender=FILE").run(context ->
                assertThat(context.getBean(SmsSender.class)).isInstanceOf(SmsSenders.FileSender.class));
        runner.withPropertyValues("populus.sms.sender=http", "populus.sms.http.url=https://sms.example/send")
                .run(context -> assertThat(context.getBean(SmsSender.class))
                        .isInstanceOf(SmsSenders.HttpSender.class));
        runner.withPropertyValues("populus.sms.sender=pigeon").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("Unknown SMS sender 'pigeon'")
                .hasMessageContaining("POPULUS_SMS_SENDER"));
        runner.withPropertyValues("populus.sms.sender=http").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("POPULUS_SMS_HTTP_URL"));
        runner.withPropertyValues("populus.sms.sender=http", "populus.sms.http.url=ftp://x").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("http(s)"));
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void theLogSenderSaysLoudlyAtStartUpThatCodesGoToTheLog(
            org.springframework.boot.test.system.CapturedOutput output) {
        new SmsSenders().smsSender("log", "", dir, "", "");
        assertThat(output.getOut() + output.getErr()).contains("WARN")
                .contains("SMS codes are written to the application log")
                .contains("for trying Populus out only").contains("POPULUS_SMS_SENDER");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void theOtherSendersStartQuietly(org.springframework.boot.test.system.CapturedOutput output) {
        new SmsSenders().smsSender("file", "", dir, "", "");
        assertThat(output.getOut() + output.getErr()).doesNotContain("application log");
    }

    @Test
    void theLogSenderNeverFails() {
        new SmsSenders.LogSender().send("+34600000004", "Tu código de activación es 0000000");
    }

    /** A one-route server answering every POST with this status after this delay; records method, auth, type, body. */
    private URI serve(int status, ConcurrentLinkedQueue<String[]> received, Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/sms", exchange -> {
            calls.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[] {exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)});
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }
}
