package org.populus.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: real requests through the real port. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public Response post(String path, Object body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(body(body)), json(headers));
    }

    public Response patch(String path, Object body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method("PATCH", body(body)), json(headers));
    }

    public Response put(String path, Object body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(body(body)), json(headers));
    }

    public Response delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers);
    }

    /** Any method, any raw body and headers. */
    public Response raw(String method, String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    /** An {@code application/x-www-form-urlencoded} body, sent as given (already encoded), with any method. */
    public Response form(String method, String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return raw(method, path, body, all);
    }

    /**
     * Alternating names and values encoded as a form body or query string, in order (UTF-8, a blank as {@code +});
     * a null value gives a bare name, as Ruby's Faraday sends nil.
     */
    public static String formBody(String... namesAndValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8));
            if (namesAndValues[i + 1] != null) {
                b.append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    /** Any method with a body of bytes, sent with its {@code Content-Length}. */
    public Response bytes(String method, String path, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method,
                HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    /** Any method with a body of bytes sent {@code chunked}, without a {@code Content-Length}. */
    public Response chunked(String method, String path, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))), headers);
    }

    /** Logs in through {@code /session/auth/login} and returns the session id. */
    public String login(String login, String password) {
        Response r = post("/session/auth/login", Map.of("login", login, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r);
        }
        return r.json().get("session").get("sid").asString();
    }

    public static String[] session(String sid) {
        return new String[] {"X-Openerp-Session-Id", sid};
    }

    public static String[] basic(String login, String password) {
        return new String[] {"Authorization",
                "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes())};
    }

    /** Builds a JSON object from alternating keys and values (which may be maps, lists, nulls). */
    public static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static String[] json(String[] headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return headers;
            }
        }
        String[] result = new String[headers.length + 2];
        System.arraycopy(headers, 0, result, 0, headers.length);
        result[headers.length] = "Content-Type";
        result[headers.length + 1] = "application/json";
        return result;
    }

    private Response send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
