package org.populus.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The slice of the OpenG2P Registry REST API (as Populus serves it) that the benchmark drives, over one shared
 * {@link HttpClient} speaking HTTP/1.1 with keep-alive. Every request carries the session id from
 * {@code POST /session/auth/login} in {@code X-Openerp-Session-Id} (or HTTP Basic with {@code --auth basic}).
 */
final class Api {

    static final String SESSION_HEADER = "X-Openerp-Session-Id";
    static final String INDIVIDUAL = "/api/v1/registry/individual/";
    static final String GROUP = "/api/v1/registry/group/";
    /** Census API v1 (the Decidim connector's paths; the locale only affects human texts). */
    static final String CENSUS_PEOPLE = "/api/v1/people/";
    static final String CENSUS_LOCALE_PEOPLE = "/api/v1/es/people";
    static final String FORM = "application/x-www-form-urlencoded";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final String base;
    private final Duration timeout;
    private String authName;
    private String authValue;

    /** Thrown when the app cannot be used at all (not up, login refused, endpoint missing). */
    static final class SetupException extends RuntimeException {
        SetupException(String message) {
            super(message);
        }

        SetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Api(URI baseUrl, Duration timeout) {
        this.base = baseUrl.toString();
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder();
        // The client's internal tasks run on virtual threads: on this 2-core box that cost the load generator
        // noticeably less CPU per request than the default cached thread pool. -Dpopulus.bench.http-executor=
        // default|direct tries the alternatives.
        switch (System.getProperty("populus.bench.http-executor", "virtual")) {
            case "default" -> { }
            case "direct" -> builder.executor(Runnable::run);
            default -> builder.executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        }
        this.client = builder
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String base() {
        return base;
    }

    /** {@code GET /actuator/health}; fails unless it answers 200 with status UP. */
    String health() {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> resp;
        try {
            resp = send(r);
        } catch (ConnectException e) {
            throw new SetupException("Populus is not reachable at " + base + " (connection refused): is it running?");
        } catch (IOException e) {
            throw new SetupException("Populus is not reachable at " + base + ": " + e, e);
        }
        String body = body(resp);
        if (resp.statusCode() != 200 || !body.replace(" ", "").contains("\"status\":\"UP\"")) {
            throw new SetupException("GET /actuator/health did not answer UP: " + describe(resp));
        }
        return body;
    }

    /** Logs in and remembers how to authenticate every later request. Returns a one-line description. */
    String login(String login, String password, String mode) {
        if (mode.equals("basic")) {
            authName = "Authorization";
            authValue = "Basic " + Base64.getEncoder()
                    .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
            HttpResponse<byte[]> check = sendUnchecked(request(INDIVIDUAL + "?name=" + encode("zzzz-no-such-name"))
                    .GET().build());
            if (check.statusCode() == 401 || check.statusCode() == 403) {
                throw new SetupException("HTTP Basic credentials for '" + login + "' were refused: " + describe(check));
            }
            return "HTTP Basic as " + login;
        }
        String body = new PersonGenerator.Json(128).open().field("login", login).field("password", password).close()
                .toString();
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/session/auth/login")).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<byte[]> resp = sendUnchecked(r);
        if (resp.statusCode() != 200) {
            throw new SetupException("Login as '" + login + "' failed: " + describe(resp)
                    + (resp.statusCode() == 404 || resp.statusCode() == 401 && Api.body(resp).isBlank()
                            ? " (is the session endpoint implemented in this build?)" : ""));
        }
        JsonNode sid;
        try {
            sid = JSON.readTree(resp.body()).path("session").path("sid");
        } catch (RuntimeException e) {
            throw new SetupException("Login answered 200 but not the expected JSON: " + describe(resp), e);
        }
        if (!sid.isString() || sid.asString().isBlank()) {
            throw new SetupException("Login answered 200 without session.sid: " + describe(resp));
        }
        authName = SESSION_HEADER;
        authValue = sid.asString();
        return "session " + SESSION_HEADER + " for " + login;
    }

    /** Sends this session id on every later request (the minimal server's token, known in advance). */
    void useSession(String sessionId) {
        authName = SESSION_HEADER;
        authValue = sessionId;
    }

    /** {@code GET /api/v1/registry/individual/{id}} without any credentials. */
    HttpRequest getIndividualAnonymous(long id) {
        return HttpRequest.newBuilder(URI.create(base + INDIVIDUAL + id)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
    }

    /** {@code GET /api/v1/registry/individual/{id}} with a session id nobody was given. */
    HttpRequest getIndividualUnknownSession(long id) {
        return HttpRequest.newBuilder(URI.create(base + INDIVIDUAL + id)).timeout(timeout)
                .header("Accept", "application/json").header(SESSION_HEADER, "no-such-session-" + System.nanoTime())
                .GET().build();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .header("Accept", "application/json");
        if (authName != null) {
            b.header(authName, authValue);
        }
        return b;
    }

    HttpRequest getIndividual(long id) {
        return request(INDIVIDUAL + id).GET().build();
    }

    HttpRequest searchIndividuals(String name, int limit) {
        return request(INDIVIDUAL + "?name=" + encode(name) + (limit > 0 ? "&limit=" + limit : "")).GET().build();
    }

    /** The registrars' search: {@code GET /admin/api/people?q=…&size=20}. */
    HttpRequest searchPeople(String q) {
        return request("/admin/api/people?size=20&q=" + encode(q)).GET().build();
    }

    /**
     * Creates a user with these roles through the Admin API (as the logged-in admin) and returns an API client
     * logged in as that user.
     */
    Api asNewUser(String login, String password, List<String> roles) {
        String body = new PersonGenerator.Json(256).open().field("login", login).field("password", password)
                .close().toString();
        body = body.substring(0, body.length() - 1) + ",\"roles\":[" + roles.stream().map(r -> "\"" + r + "\"")
                .collect(java.util.stream.Collectors.joining(",")) + "]}";
        HttpResponse<byte[]> resp = sendUnchecked(request("/admin/api/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        if (resp.statusCode() / 100 != 2) {
            throw new SetupException("Creating the user '" + login + "' failed: " + describe(resp));
        }
        Api other = new Api(URI.create(base), timeout);
        other.login(login, password, "session");
        return other;
    }

    HttpRequest postIndividual(String json) {
        return request(INDIVIDUAL).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    HttpRequest postGroup(String json) {
        return request(GROUP).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    /**
     * A Census API request: like the real client it sends no credentials (loopback callers are allowed without
     * them) and no session header.
     */
    HttpRequest.Builder censusRequest(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .header("Accept", "application/json");
    }

    /** {@code POST /api/v1/es/people}, form-urlencoded as the Decidim connector sends it. */
    HttpRequest censusRegister(String form) {
        return censusRequest(CENSUS_LOCALE_PEOPLE).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
    }

    /** {@code PATCH /api/v1/es/people/{qualifiedId}}, form-urlencoded: a person data change. */
    HttpRequest censusPatch(String qualifiedId, String form) {
        return censusRequest(CENSUS_LOCALE_PEOPLE + "/" + qualifiedId).header("Content-Type", FORM)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
    }

    /** {@code GET /api/v1/people/{qualifiedId}}, with {@code version_at} when not null. */
    HttpRequest censusGet(String qualifiedId, String versionAt) {
        return censusRequest(CENSUS_PEOPLE + qualifiedId
                + (versionAt == null ? "" : "?version_at=" + encode(versionAt))).GET().build();
    }

    /** The {@code "person_id"} of a Census answer (registration 202 or GET 200), or -1. */
    static long personId(HttpResponse<byte[]> resp) {
        try {
            JsonNode id = JSON.readTree(resp.body()).get("person_id");
            return id != null && id.isIntegralNumber() ? id.longValue() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    HttpResponse<byte[]> send(HttpRequest r) throws IOException {
        try {
            return client.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private HttpResponse<byte[]> sendUnchecked(HttpRequest r) {
        try {
            return send(r);
        } catch (IOException e) {
            throw new SetupException(r.method() + " " + r.uri() + " failed: " + e, e);
        }
    }

    /** The {@code "id"} of a created record, or -1 when the body has none. */
    static long createdId(HttpResponse<byte[]> resp) {
        try {
            JsonNode id = JSON.readTree(resp.body()).get("id");
            return id != null && id.isIntegralNumber() ? id.longValue() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static boolean ok(HttpResponse<?> resp) {
        return resp.statusCode() >= 200 && resp.statusCode() < 300;
    }

    static String body(HttpResponse<byte[]> resp) {
        byte[] b = resp.body();
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    /** One line for a log or the report: method, path, status and the start of the body. */
    static String describe(HttpResponse<byte[]> resp) {
        String b = body(resp).replaceAll("\\s+", " ").strip();
        if (b.length() > 300) {
            b = b.substring(0, 300) + "…";
        }
        String path = resp.request().uri().getRawPath();
        return resp.request().method() + " " + path + " -> HTTP " + resp.statusCode() + (b.isEmpty() ? "" : " " + b);
    }

    /** Query-string encoding with {@code %20} for spaces (not {@code +}). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
