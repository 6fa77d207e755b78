package org.populus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.populus.support.RawHttp;
import org.populus.support.SurfaceFormats;
import tools.jackson.databind.JsonNode;

/**
 * Every documented operation (from {@code /v3/api-docs}) fuzzed with a seeded generator: NUL bytes, invalid UTF-8,
 * over-long values, wrong JSON types, arrays for objects, deep nesting, odd methods, paths, content types and
 * credentials. No answer may be a 5xx, and every error must be in the format of the surface of its path.
 *
 * <p>The seed is printed; run again with {@code -Dpopulus.fuzz.seed=<seed>} to replay. Writes only touch what the
 * test made itself or ids nobody has (the application context is shared with the other HTTP tests).
 */
class FuzzHttpTest extends HttpTest {

    private static final int REQUESTS = Integer.getInteger("populus.fuzz.requests", 20_000);
    private static final int THREADS = 4;
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
        "PROPFIND", "CONNECT", "FOO"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json",
        "application/x-www-form-urlencoded", "text/plain", "*/*", "multipart/form-data",
        "multipart/form-data; boundary=xyz", "application/json; charset=bogus", "application/xml", "garbage", "",
        "text/tab-separated-values", "application/json; charset=UTF-16"};
    private static final String[] HOSTILE_SEGMENTS = {"%00", "%FF", "%C3%28", "a%2Fb", "%2e%2e", "..", "%20", "null",
        "1e99", "-1", "0", "abc", "99999999999999999999999", "1;x=y", "%01", "%E2%82", "x".repeat(300)};
    private static final String[] QUERY_NAMES = {"limit", "offset", "name", "id", "version_at", "includes[]",
        "excludes[]", "with_scope", "type", "state", "person_id", "format", "include_members_full", "a[b][c]", "%00",
        "%FF"};
    private static final String[] QUERY_VALUES = {"%00", "a%00b", "%FF", "%C3%28", "%zz", "%", "abc", "-1", "0", "1",
        "99999999999999999999", "true", "a+b", "%E2%82%AC", "2020-01-01T00:00:00Z", "x".repeat(3_000), "[]", "",
        "-9999999-01-01T00:00:00Z", "%2B6000000-01-01T00:00:00Z", "-999999999-01-01", "-4713-01-01", "infinity",
        "-infinity", "99999999999", "1899-12-31", "2999-01-01 00:00 %2B01:00"};
    private static final String[] PATH_SUFFIXES = {"/..", "//x", ";jsessionid=1", "%2F", "%00", "%FF", "/%2e%2e/",
        "/", "/x/../y", "%5C", "/.", "?", "#frag", "/%2e%2e", "/%2E%2E/x", "/%2e/", "//"};
    /** Ways to start a path that a firewall refuses before any surface has seen it. */
    private static final String[] PATH_PREFIXES = {"/", "//", "/./", "/%2e/", "/x/%2e%2e/", "/x/../"};
    private static final String[] EXTRA_FIELDS = {"first_name", "last_name1", "last_name2", "document_type",
        "document_id", "document_scope_code", "born_at", "gender", "address", "address_scope_code", "postal_code",
        "email", "scope_code", "phone", "origin_qualified_id", "person_id", "channel", "reason", "key", "json_value",
        "membership_level", "received_code", "files", "prioritize", "ignore_email", "person", "partner_id",
        "id_type", "value", "login", "password", "version", "comment", "resolution", "chosen_person_id", "roles"};

    record Operation(String method, String template, List<String> query) {
    }

    record Attempt(String method, String target, byte[] body, String[] headers, boolean lenientFormat) {

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        String describe() {
            String b = body == null ? "" : new String(body, StandardCharsets.ISO_8859_1);
            StringBuilder h = new StringBuilder();
            for (int i = 0; i < headers.length; i += 2) {
                h.append(headers[i]).append(": ").append(shorten(headers[i + 1], 60)).append("; ");
            }
            return method + " " + shorten(target, 200) + " [" + h + "] body: " + shorten(b, 200);
        }
    }

    private String fuzzLogin;
    private String victimLogin;
    private String sid;
    private List<String> personIds;
    private List<String> censusIds;

    @Test
    void noAnswerIsA5xxOrOutsideTheSurfaceFormat() throws Exception {
        long seed = Long.getLong("populus.fuzz.seed", System.nanoTime());
        System.out.println("FuzzHttpTest seed: " + seed + " (replay with -Dpopulus.fuzz.seed=" + seed + ")");
        prepare();
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(50);
        Random random = new Random(seed);
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            attempts.add(attempt(random, operations.get(i % operations.size()), i));
        }
        RawHttp raw = new RawHttp(port, 15_000);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (Attempt a : attempts) {
            pool.execute(() -> {
                String failure = check(raw, a);
                if (failure != null) {
                    failures.add(failure);
                }
                done.incrementAndGet();
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(Math.max(170, REQUESTS / 25), TimeUnit.SECONDS))
                .as("the fuzz run ends in time").isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("FuzzHttpTest: " + done.get() + " requests over " + operations.size() + " operations in "
                + millis + " ms, " + failures.size() + " failures");
        assertThat(done.get()).isEqualTo(REQUESTS);
        assertThat(failures).as("seed %d", seed).isEmpty();
    }

    private static String check(RawHttp raw, Attempt a) {
        Api.Response r;
        try {
            r = a.body == null ? raw.send(a.method, a.target, a.headers) : raw.send(a.method, a.target, a.body,
                    a.headers);
        } catch (RuntimeException e) {
            return "no answer (" + e.getMessage() + ") to " + a.describe();
        }
        if (r.status() >= 500) {
            return r.status() + " " + shorten(r.body(), 300) + " to " + a.describe();
        }
        if (r.status() >= 400 && !"HEAD".equals(a.method)) {
            String problem = SurfaceFormats.of(a.path()).problemWith(r);
            if (problem != null && a.lenientFormat) {
                problem = SurfaceFormats.OTHER.problemWith(r) == null ? null : problem;
            }
            if (problem != null) {
                return r.status() + " " + problem + ": " + shorten(r.body(), 300) + " (" + r.header("Content-Type")
                        + ") to " + a.describe();
            }
        }
        return null;
    }

    // ---- set-up --------------------------------------------------------------------------------------------

    private void prepare() {
        fuzzLogin = "fuzz-" + unique();
        victimLogin = "fuzz-victim-" + unique();
        accounts.create(fuzzLogin, null, "password-" + fuzzLogin, EnumSet.allOf(Role.class));
        accounts.create(victimLogin, null, "password-" + victimLogin, EnumSet.of(Role.REGISTRY_READ));
        sid = api.login(fuzzLogin, "password-" + fuzzLogin);
        personIds = new ArrayList<>();
        censusIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response r = api.post("/api/v1/registry/individual/", Api.obj("given_name", "Fuzz",
                    "family_name", "Fuzz" + unique()), Api.session(sid));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            personIds.add(r.json().get("id").asString());
            censusIds.add(r.json().get("id").asString() + "@census");
        }
    }

    /** Every documented operation, with its query parameters. */
    private List<Operation> operations() {
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        List<Operation> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.json().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                List<String> query = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if ("query".equals(p.path("in").asString())) {
                        query.add(p.path("name").asString());
                    }
                }
                result.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), query));
            }
        }
        // documented in the README, whatever the OpenAPI document says
        result.add(new Operation("GET", "/api/v1/people/{id}", List.of("version_at", "includes[]", "excludes[]")));
        result.add(new Operation("POST", "/api/v1/people", List.of()));
        result.add(new Operation("GET", "/error", List.of()));
        result.add(new Operation("GET", "/actuator/health", List.of()));
        result.add(new Operation("GET", "/admin/api/nothing", List.of()));
        result.add(new Operation("GET", "/api/v1/registry/nothing", List.of()));
        result.add(new Operation("GET", "/api/v1/people", List.of()));
        return result;
    }

    // ---- generation ----------------------------------------------------------------------------------------

    private Attempt attempt(Random random, Operation op, int n) {
        String method = random.nextInt(10) < 8 ? op.method : pick(random, METHODS);
        boolean lenient = false;
        String path = fill(random, op.template);
        if (random.nextInt(6) == 0) {
            String suffix = pick(random, PATH_SUFFIXES);
            path = path + suffix;
            // Tomcat refuses a fragment in the request line before it has read the path: problem details
            lenient = suffix.startsWith("#");
        }
        if (random.nextInt(40) == 0) {
            path = path + (random.nextBoolean() ? "\u0001" : "a b");
            lenient = true;
        }
        if (random.nextInt(12) == 0) {
            path = pick(random, PATH_PREFIXES) + path.substring(1);
        }
        StringBuilder target = new StringBuilder(path);
        if (random.nextInt(3) == 0) {
            target.append(path.contains("?") ? '&' : '?');
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                List<String> names = new ArrayList<>(op.query);
                names.addAll(List.of(QUERY_NAMES));
                target.append(i > 0 ? "&" : "").append(pick(random, names)).append('=')
                        .append(pick(random, QUERY_VALUES));
            }
        }
        List<String> headers = new ArrayList<>();
        credentials(random, op, headers);
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("HEAD") || random.nextInt(10) == 0) {
            String type = pick(random, CONTENT_TYPES);
            if (!type.isEmpty()) {
                headers.add("Content-Type");
                headers.add(type);
            }
            String valid = random.nextBoolean() ? template(op.template, n) : null;
            body = valid != null ? mutate(random, valid, n).getBytes(StandardCharsets.UTF_8)
                    : type.contains("form") && random.nextBoolean() ? form(random) : json(random, n);
            if (random.nextInt(8) == 0) {
                body = null; // a write without a body
            }
        }
        if (random.nextInt(40) == 0) {
            // a body framed wrongly: a chunk shorter than announced, or a size that is no number
            headers.addAll(List.of("Transfer-Encoding", "chunked"));
            body = (random.nextBoolean() ? "5\r\na=b\r\n0\r\n\r\n" : "ZZ\r\n{}\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        if (random.nextInt(30) == 0) {
            // a CORS preflight from another origin
            headers.addAll(List.of("Origin", "http://elsewhere.example", "Access-Control-Request-Method",
                    pick(random, METHODS)));
        }
        if (random.nextInt(10) == 0) {
            headers.add("Accept");
            headers.add(random.nextBoolean() ? "text/html" : "application/xml");
        }
        if (random.nextInt(200) == 0) {
            headers.add("X-Long");
            headers.add("h".repeat(9_000));
        }
        // a request line over Tomcat's 8 KB is refused before its path is read: problem details (see README)
        lenient |= target.length() > 8_000;
        return new Attempt(method, target.toString(), body, headers.toArray(String[]::new), lenient);
    }

    private void credentials(Random random, Operation op, List<String> headers) {
        // never claim procedures of other tests' reviewers, nor end the fuzz user's own session
        boolean harmless = op.template.endsWith("/procedures/next") || op.template.contains("/logout");
        switch (harmless ? 5 + random.nextInt(3) : random.nextInt(8)) {
            case 0, 1 -> headers.addAll(List.of("X-Openerp-Session-Id", sid));
            case 2 -> headers.addAll(List.of("Cookie", "session_id=" + sid));
            case 3 -> headers.addAll(List.of(Api.basic(fuzzLogin, "password-" + fuzzLogin)));
            case 4 -> headers.addAll(List.of(Api.basic(random.nextBoolean() ? "fuzz-nobody-" + random.nextInt(1000)
                    : "fuzz\u0000nobody\u0001" + random.nextInt(1000), "wrong")));
            case 5 -> headers.addAll(List.of("X-Openerp-Session-Id", "not-a-session-" + random.nextInt()));
            case 6 -> headers.addAll(List.of("Authorization", random.nextBoolean() ? "Basic !!!"
                    : "Bearer populus_" + "x".repeat(40)));
            default -> {
                // anonymous
            }
        }
    }

    /** The template with its variables filled in: ids the test owns, ids nobody has, or hostile text. */
    private String fill(Random random, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            out.append(template, i, open);
            out.append(value(random, template.substring(open + 1, close), template));
            i = close + 1;
        }
        return out.toString();
    }

    private String value(Random random, String variable, String template) {
        if (random.nextInt(3) == 0) {
            return pick(random, HOSTILE_SEGMENTS);
        }
        return switch (variable) {
            case "locale" -> pick(random, new String[] {"es", "en", "ca", "xx", "EN"});
            case "login" -> random.nextBoolean() ? victimLogin : "nobody-" + random.nextInt(1000);
            case "code" -> pick(random, new String[] {"ES", "XX", "FR", "nope"});
            case "id" -> template.startsWith("/api/v1/") && template.contains("people")
                    ? pick(random, List.of(pick(random, censusIds), "999999999@census", "1R@document_id", "x@y",
                            pick(random, personIds)))
                    : template.startsWith("/api/v1/registry") || template.startsWith("/admin/api/people")
                            ? pick(random, List.of(pick(random, personIds), "999999999", "0"))
                            : pick(random, new String[] {"999999999", "0", "-1"});
            default -> "x";
        };
    }

    private static final String[] STRINGS = {"x", "", "Ana", "A\\u0000B", "\\u0000", "\\ud800", "é\\u00e9",
        "0034666000000", "ES", "dni", "female", "1990-01-01", "-999999999-01-01", "+6000000-01-01", "-4713-01-01",
        "1899-12-31", "9999-12-31", "infinity", "a@b.c", "National ID", "Head", "admin", "member",
        "decidim", "{\\\"a\\\":1}", "null", "1", "<script>", "'; drop table party; --"};

    private byte[] json(Random random, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(12)) {
            case 0 -> out.writeBytes(("[".repeat(3_000) + "]".repeat(3_000)).getBytes(StandardCharsets.US_ASCII));
            case 1 -> out.writeBytes(("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000))
                    .getBytes(StandardCharsets.US_ASCII));
            case 2 -> {
                out.writeBytes("{\"given_name\":\"".getBytes(StandardCharsets.US_ASCII));
                // a broken sequence, a stray byte, NUL, and the over-long encoding of '/' (C0 AF)
                out.writeBytes(random.nextBoolean() ? new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0}
                        : new byte[] {'a', (byte) 0xC0, (byte) 0xAF, 'b'});
                out.writeBytes("\",\"family_name\":\"x\"}".getBytes(StandardCharsets.US_ASCII));
            }
            case 3 -> out.writeBytes(("{\"a\":1").getBytes(StandardCharsets.US_ASCII));
            default -> out.writeBytes(value(random, 0, n).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** A JSON value as text; at the top mostly an object with known field names. */
    private String value(Random random, int depth, int n) {
        int kind = depth == 0 ? (random.nextInt(10) < 8 ? 5 : random.nextInt(5)) : random.nextInt(depth > 2 ? 4 : 6);
        return switch (kind) {
            case 0 -> "\"" + string(random, n) + "\"";
            case 1 -> pick(random, new String[] {"0", "-1", "999999999", "9223372036854775808", "1e308", "1.5",
                "-0.0", "1E400"});
            case 2 -> random.nextBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4 -> {
                StringBuilder a = new StringBuilder("[");
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    a.append(i > 0 ? "," : "").append(value(random, depth + 1, n));
                }
                yield a.append(']').toString();
            }
            default -> {
                StringBuilder o = new StringBuilder("{");
                int count = random.nextInt(depth == 0 ? 8 : 4);
                Set<String> keys = new LinkedHashSet<>();
                for (int i = 0; i < count; i++) {
                    keys.add(random.nextInt(15) == 0 ? string(random, n) : pick(random, EXTRA_FIELDS));
                }
                int i = 0;
                for (String k : keys) {
                    o.append(i++ > 0 ? "," : "").append('"').append(k).append("\":").append(value(random, depth + 1, n));
                }
                yield o.append('}').toString();
            }
        };
    }

    private static final java.util.concurrent.atomic.AtomicInteger DNI = new java.util.concurrent.atomic.AtomicInteger(
            (int) (System.nanoTime() % 40_000_000) + 50_000_000);

    /** A valid DNI, different on every call. */
    private static String dni() {
        int n = DNI.incrementAndGet() % 100_000_000;
        return String.format("%08d", n) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }

    /** A valid body for the operation (a JSON object), to be spoilt in one field; null when there is none. */
    private String template(String path, int n) {
        String u = unique();
        if (path.startsWith("/api/v1/registry/individual/updateIdentification")) {
            return "{\"id_type\":\"National ID\",\"value\":\"NID" + u + "\",\"partner_id\":" + personIds.get(n % 3)
                    + "}";
        }
        if (path.startsWith("/api/v1/registry/individual")) {
            return "{\"given_name\":\"Fuzz\",\"family_name\":\"F" + u + "\",\"birthdate\":\"1990-01-01\","
                    + "\"gender\":\"female\",\"email\":\"f" + u + "@example.org\",\"address\":\"Calle 1\","
                    + "\"ids\":[{\"id_type\":\"National ID\",\"value\":\"NID" + u + "\"}],"
                    + "\"phone_numbers\":[{\"phone_no\":\"+34666" + (100_000 + n) + "\"}],"
                    + "\"additional_g2p_info\":{\"size\":4},\"notification_preference\":\"sms\"}";
        }
        if (path.startsWith("/api/v1/registry/group")) {
            return "{\"name\":\"G" + u + "\",\"kind\":\"Household\",\"members\":[{\"given_name\":\"M\","
                    + "\"family_name\":\"F" + u + "\",\"kind\":[{\"name\":\"Head\"}]}]}";
        }
        if (path.matches("/api/v1/([^/]+/)?people")) {
            return "{\"first_name\":\"Fuzz\",\"last_name1\":\"F" + u + "\",\"document_type\":\"dni\","
                    + "\"document_id\":\"" + dni() + "\",\"document_scope_code\":\"ES\",\"born_at\":\"1980-01-01\","
                    + "\"gender\":\"female\",\"address\":\"Calle 1\",\"address_scope_code\":\"ES\","
                    + "\"postal_code\":\"28001\",\"email\":\"f" + u + "@example.org\",\"scope_code\":\"ES\","
                    + "\"origin_qualified_id\":\"" + (1_000 + n) + "@fuzz\"}";
        }
        if (path.endsWith("/additional_informations")) {
            return "{\"key\":\"fuzz_key\",\"json_value\":\"{\\\"a\\\":1}\"}";
        }
        if (path.endsWith("/membership_levels")) {
            return "{\"membership_level\":\"member\"}";
        }
        if (path.endsWith("/phone_verifications")) {
            return "{\"received_code\":\"1234567\",\"phone\":\"+34666000000\"}";
        }
        if (path.matches("/api/v1/([^/]+/)?people/\\{id}")) {
            return "{\"first_name\":\"Fuzzy\",\"address\":\"Calle 2\",\"channel\":\"fuzz\",\"reason\":\"r\"}";
        }
        if (path.equals("/admin/api/users")) {
            return "{\"login\":\"fuzz-u" + u + "\",\"display_name\":\"F\",\"password\":\"password-" + u
                    + "\",\"roles\":[\"registry-read\"]}";
        }
        if (path.startsWith("/admin/api/catalog/")) {
            return "{\"name\":\"Fuzz " + u + "\",\"code\":\"fuzz-" + u + "\",\"value\":\"Fuzz\","
                    + "\"target_type\":\"individual\",\"validation_regex\":\"^[0-9]+$\",\"version\":0}";
        }
        if (path.equals("/admin/api/api-keys")) {
            return "{\"name\":\"fuzz " + u + "\"}";
        }
        if (path.startsWith("/admin/api/")) {
            return "{\"comment\":\"c\",\"resolution\":\"not_duplicate\",\"version\":0,\"display_name\":\"F\","
                    + "\"roles\":[],\"password\":\"password-" + u + "\"}";
        }
        if (path.startsWith("/session/auth/login")) {
            return "{\"login\":\"" + victimLogin + "\",\"password\":\"wrong\"}";
        }
        return null;
    }

    private static final String[] HOSTILE_VALUES = {"\"A\\u0000B\"", "\"\\u0000\"", "\"\\ud800\"",
        "\"\\ud83d\\ude00\"", "\"\u202e\u0644\"", "null", "[]", "{}", "[[[]]]", "0", "-1", "1e308",
        "9223372036854775808", "true", "\"\"", "\" \"", "\"x\"", "{\"a\":[1,{\"b\":null}]}",
        "\"-999999999-01-01\"", "\"+6000000-01-01\"", "\"-4713-01-01\"", "99999999999", "\"1899-12-31\"",
        "\"-infinity\"", "\"2999-02-30\""};

    /** The valid body with one field's value replaced by a hostile one (or a long text, or a NUL inside). */
    private String mutate(Random random, String valid, int n) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\w+)\":").matcher(valid);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.end());
        }
        if (starts.isEmpty()) {
            return valid;
        }
        int at = pick(random, starts);
        int end = valueEnd(valid, at);
        String replacement = switch (random.nextInt(4)) {
            case 0 -> "\"" + "w".repeat(100 + random.nextInt(3) * 4_950) + "\"";
            case 1 -> "\"" + unique() + "\\u0000\"";
            default -> pick(random, HOSTILE_VALUES);
        };
        return valid.substring(0, at) + replacement + valid.substring(end);
    }

    /** Where the JSON value starting at {@code from} ends. */
    private static int valueEnd(String json, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    private String string(Random random, int n) {
        return switch (random.nextInt(10)) {
            case 0 -> "v".repeat(10_000);
            case 1 -> "Fuzz " + n + " " + unique();
            case 2 -> pick(random, censusIds);
            default -> pick(random, STRINGS);
        };
    }

    private byte[] form(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String name = random.nextBoolean() ? "person[" + pick(random, EXTRA_FIELDS) + "]"
                    : pick(random, new String[] {"a[][b]", "files[][filename]", "a" + "[x]".repeat(200), "%00",
                        "excludes[]", pick(random, EXTRA_FIELDS)});
            out.writeBytes(((i > 0 ? "&" : "") + name + "=").getBytes(StandardCharsets.US_ASCII));
            switch (random.nextInt(6)) {
                case 0 -> out.writeBytes("%00".getBytes(StandardCharsets.US_ASCII));
                case 1 -> out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, 0x28});
                case 2 -> out.writeBytes("%FF%C3%28".getBytes(StandardCharsets.US_ASCII));
                case 3 -> out.writeBytes("w".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
                case 4 -> out.writeBytes("%zz%".getBytes(StandardCharsets.US_ASCII));
                default -> out.writeBytes(("x" + unique()).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("[\\x00-\\x1f]", "?");
        return t.length() <= max ? t : t.substring(0, max) + "…(" + t.length() + ")";
    }
}
