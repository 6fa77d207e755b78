package org.populus.bench;

import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The back office as registrars use it, one registrar and browser session per worker (form sign-in, the session cookie, the
 * CSRF token of the session): a person's page, the people search results page, and "Next" in the review queue —
 * which claims the next pending procedure, so the queue is filled with document verifications first.
 */
final class OfficeScenarios {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    /** A 1×1 PNG: Populus checks a document's type from its bytes. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private final URI base;
    private final List<String> logins;
    private final String password;
    private final Duration timeout;

    /** Worker {@code w} signs in as {@code logins[w % size]}: as many registrars as workers, each in a browser. */
    OfficeScenarios(URI base, List<String> logins, String password, Duration timeout) {
        this.base = base;
        this.logins = List.copyOf(logins);
        this.password = password;
        this.timeout = timeout;
    }

    /** One signed-in browser: its own cookie jar, and the CSRF token of its session. */
    final class Browser {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(10)).build();
        private String csrf;

        Browser signIn(String login) throws Exception {
            String token = token(get("/office/sign-in"));
            HttpResponse<String> r = post("/office/sign-in", "username=" + Api.encode(login) + "&password="
                    + Api.encode(password), token);
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() != 302 || location.contains("sign-in")) {
                throw new Api.SetupException("Signing in to the back office as '" + login + "' failed: "
                        + r.statusCode() + " → " + location);
            }
            HttpResponse<String> home = get("/office");
            if (home.statusCode() != 200) {
                throw new Api.SetupException("GET /office after signing in answered " + home.statusCode());
            }
            csrf = token(home);
            return this;
        }

        private String token(HttpResponse<String> page) {
            Matcher m = CSRF.matcher(page.body());
            if (!m.find()) {
                throw new Api.SetupException("No CSRF token on " + page.uri().getPath() + " (" + page.statusCode()
                        + ")");
            }
            return m.group(1);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form, String token) throws Exception {
            String body = form.isEmpty() ? "_csrf=" + Api.encode(token) : form + "&_csrf=" + Api.encode(token);
            return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .header("Content-Type", Api.FORM).header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path) throws Exception {
            return post(path, "", csrf);
        }
    }

    /** A worker that signs in once, then calls {@code call} per request. */
    private LoadRunner.WorkerFactory signedIn(java.util.function.BiFunction<Browser, SplittableRandom,
            LoadRunner.Worker> call, long seed, int scenario) {
        return w -> call.apply(new Browser().signIn(logins.get(w % logins.size())), new SplittableRandom(seed * 1_000_003L + scenario * 10_007L
                + w));
    }

    private static String describe(HttpResponse<String> r) {
        String b = r.body() == null ? "" : r.body().replaceAll("\\s+", " ");
        return r.statusCode() + " " + r.request().method() + " " + r.uri().getPath() + ": "
                + (b.length() > 120 ? b.substring(0, 120) + "…" : b);
    }

    /** {@code GET /office/people/{id}} of a random loaded individual: the whole person page, timeline included. */
    LoadRunner.WorkerFactory personPage(Population pop, long seed) {
        return signedIn((b, r) -> () -> {
            HttpResponse<String> resp = b.get("/office/people/" + pop.id(r.nextInt(pop.size())));
            return resp.statusCode() == 200 ? null : describe(resp);
        }, seed, 40);
    }

    /** {@code GET /office/people?q=<given family>} of a random loaded individual: the results page. */
    LoadRunner.WorkerFactory searchPage(Population pop, long seed) {
        return signedIn((b, r) -> () -> {
            HttpResponse<String> resp = b.get("/office/people?q=" + Api.encode(pop.searchName(r.nextInt(pop.size()))));
            return resp.statusCode() == 200 ? null : describe(resp);
        }, seed, 41);
    }

    /**
     * {@code POST /office/review/next}: claims the next pending procedure and is sent to its page (302 to
     * {@code /office/review/{id}}); an empty queue (302 to {@code ?empty}) is an error, as the queue was filled.
     */
    LoadRunner.WorkerFactory next(long seed) {
        return signedIn((b, r) -> () -> {
            HttpResponse<String> resp = b.post("/office/review/next");
            String location = resp.headers().firstValue("Location").orElse("");
            return resp.statusCode() == 302 && location.matches(".*/office/review/\\d+$") ? null
                    : "no procedure claimed: " + resp.statusCode() + " → " + location;
        }, seed, 42);
    }

    /**
     * Fills the review queue: a document verification (two image files) for {@code count} loaded individuals,
     * through the Census API as a portal sends them. Returns how many were accepted (202).
     */
    static int fillReviewQueue(Api api, Population pop, int count, int concurrency, PrintStream log) throws Exception {
        String body = "{\"files\":[{\"filename\":\"front.png\",\"content_type\":\"image/png\",\"base_64_content\":\""
                + PNG + "\"},{\"filename\":\"back.png\",\"content_type\":\"image/png\",\"base_64_content\":\"" + PNG
                + "\"}]}";
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        int wanted = Math.min(count, pop.size());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < concurrency; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < wanted; i = next.getAndIncrement()) {
                        HttpResponse<byte[]> r = api.send(api.censusRequest("/api/v1/people/" + pop.id(i)
                                + "@census/document_verifications").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                        if (r.statusCode() == 202) {
                            accepted.incrementAndGet();
                        } else if (failures.size() < 3) {
                            failures.add(Api.describe(r));
                        }
                    }
                    return null;
                });
            }
        }
        log.printf("   review queue: %,d document verifications requested, %,d accepted%s%n", wanted, accepted.get(),
                failures.isEmpty() ? "" : "; refused e.g. " + failures);
        return accepted.get();
    }
}
