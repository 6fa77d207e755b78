package org.populus.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link SmsSender} by {@code populus.sms.sender} ({@code POPULUS_SMS_SENDER}); an unknown name or a
 * missing setting stops start-up.
 */
@Configuration(proxyBeanMethods = false)
class SmsSenders {

    private static final Logger log = LoggerFactory.getLogger(SmsSenders.class);

    @Bean
    SmsSender smsSender(@Value("${populus.sms.sender:log}") String name, @Value("${populus.sms.file:}") String file,
            @Value("${populus.data-dir:data}") Path dataDir, @Value("${populus.sms.http.url:}") String url,
            @Value("${populus.sms.http.token:}") String token) {
        switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "log":
                log.warn("""

                        ************************************************************************************
                        POPULUS_SMS_SENDER=log: SMS codes are written to the application log, and no SMS
                        reaches any phone. Anyone who can read the log can verify any phone. This sender is
                        for trying Populus out only: set POPULUS_SMS_SENDER to http (a gateway) or file.
                        ************************************************************************************""");
                return new LogSender();
            case "file":
                return new FileSender(file.isBlank() ? dataDir.resolve("sms.jsonl") : Path.of(file.strip()));
            case "http":
                if (url.isBlank()) {
                    throw new IllegalStateException("POPULUS_SMS_SENDER=http needs POPULUS_SMS_HTTP_URL"
                            + " (populus.sms.http.url), the gateway to POST {\"to\",\"body\"} to");
                }
                URI uri;
                try {
                    uri = URI.create(url.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("POPULUS_SMS_HTTP_URL (populus.sms.http.url) is not a valid URL");
                }
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                    throw new IllegalStateException("POPULUS_SMS_HTTP_URL (populus.sms.http.url) must be an http(s)"
                            + " URL");
                }
                return new HttpSender(uri, token.isBlank() ? null : token.strip(), Duration.ofSeconds(5));
            default:
                throw new IllegalStateException("Unknown SMS sender '" + name + "' (POPULUS_SMS_SENDER,"
                        + " populus.sms.sender): use log, file or http");
        }
    }

    /** One JSON object {@code {"to":…,"body":…}}, no line breaks. */
    static String json(String to, String body) {
        return "{\"to\":" + quote(to) + ",\"body\":" + quote(body) + "}";
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Writes every SMS, code included, to the application log at INFO: the development default. Nothing reaches a
     * phone; do not use it where the log is readable by people who should not see codes.
     */
    static final class LogSender implements SmsSender {

        private static final Logger log = LoggerFactory.getLogger(LogSender.class);

        @Override
        public void send(String to, String body) {
            log.info("SMS to {}: {}", to, body);
        }
    }

    /** Appends one JSON line {@code {"to","body"}} per SMS to a file (parent directories created). */
    static final class FileSender implements SmsSender {

        private final Path file;
        private final ReentrantLock lock = new ReentrantLock();

        FileSender(Path file) {
            this.file = file;
        }

        @Override
        public void send(String to, String body) {
            byte[] line = (json(to, body) + "\n").getBytes(StandardCharsets.UTF_8);
            lock.lock();
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new SmsDeliveryFailed("Cannot append the SMS to " + file, new UncheckedIOException(e));
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * POSTs {@code {"to","body"}} as JSON to a gateway, with {@code Authorization: Bearer <token>} when a token is
     * set. Any status other than 2xx, a timeout or an I/O error is a {@link SmsDeliveryFailed}.
     */
    static final class HttpSender implements SmsSender {

        private final URI uri;
        private final String shown;
        private final String token;
        private final Duration timeout;
        private final HttpClient client;

        HttpSender(URI uri, String token, Duration timeout) {
            this.uri = uri;
            // for messages: without user info or query, which may carry credentials
            this.shown = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
            this.token = token;
            this.timeout = timeout;
            this.client = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        @Override
        public void send(String to, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json(to, body), StandardCharsets.UTF_8));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new SmsDeliveryFailed("SMS gateway " + shown + " unreachable: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsDeliveryFailed("Interrupted while sending an SMS", e);
            }
            if (response.statusCode() / 100 != 2) {
                throw new SmsDeliveryFailed("SMS gateway " + shown + " answered " + response.statusCode(), null);
            }
        }
    }
}
