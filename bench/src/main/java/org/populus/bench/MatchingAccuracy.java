package org.populus.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.populus.bench.accuracy.LabelledFiles;
import org.populus.bench.accuracy.LabelledFiles.LabelledRecord;
import org.populus.bench.accuracy.PairwiseEvaluation;
import org.populus.bench.accuracy.PersonClusters;
import tools.jackson.databind.JsonNode;

/**
 * {@code matching-accuracy}: how well Populus finds the same person registered twice. Posts every record of a
 * labelled set through the OpenG2P write path, one at a time in file order, waits until matching has finished,
 * joins people by the issues that say two of them are one ({@code possible_duplicate}, {@code duplicated_document},
 * {@code duplicated_person}) and compares those clusters with the truth: pairwise precision, recall and F1.
 *
 * <p>A record refused because its document is already registered to a person counts as that person: the product
 * itself said who it is.
 */
final class MatchingAccuracy {

    static final String USAGE = """
            Usage: java -jar populus-bench.jar matching-accuracy --file FILE[,FILE…] --format febrl|spanish [options]

              --file FILES            the labelled set, comma-separated files posted in this order (FEBRL 4a,4b)
              --format febrl|spanish  FEBRL data sets 3/4, or generate-matching-set's Spanish set
              --no-documents          send no document (FEBRL soc_sec_id as National ID, Spanish DNI as dni)
              --postal-code-field F   send the postal code in this body field (default: not sent; Populus's
                                      OpenG2P individual has no postal code field)
              --base-url URL          the running Populus (default http://127.0.0.1:18080)
              --user LOGIN            an admin user (default admin)
              --password PW           its password (default: environment POPULUS_ADMIN_PASSWORD)
              --matching-timeout SEC  how long to wait for GET /admin/api/matching/status to say pending 0
                                      (default 600)
              --settle-seconds SEC    when that endpoint does not exist (404): wait this long instead (default 30)
              --limit N               post only the first N records
              --report FILE           also write the report there
              --allow-remote          allow a base URL that is not on this machine (loopback)
            """;

    /** Issue types whose people are taken as one person. */
    static final List<String> JOINING_TYPES = List.of("possible_duplicate", "duplicated_document", "duplicated_person");
    private static final Pattern ALREADY_REGISTERED = Pattern.compile("already registered to registrant (\\d+)");
    private static final int PAGE = 500;

    private record Settings(List<Path> files, LabelledFiles.Format format, boolean documents, String postalCodeField,
            URI baseUrl, String user, String password, Duration matchingTimeout, Duration settle, int limit,
            Path report) {
    }

    private MatchingAccuracy() {
    }

    /** Runs the command; returns the exit status (0 fine, 1 could not run, 2 errors or matching unfinished). */
    static int run(String[] args, PrintStream log) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(USAGE);
            return 0;
        }
        Settings s;
        try {
            s = parse(args);
        } catch (IllegalArgumentException e) {
            log.println("populus-bench matching-accuracy: " + e.getMessage());
            log.print(USAGE);
            return 64;
        }
        try {
            return run(s, args, log);
        } catch (Api.SetupException | IOException e) {
            log.println("populus-bench matching-accuracy: CANNOT RUN: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static Settings parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> flags = List.of("no-documents", "allow-remote");
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                m.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (flags.contains(key)) {
                m.put(key, "true");
            } else if (i + 1 < args.length) {
                m.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("Option --" + key + " needs a value");
            }
        }
        List<String> known = List.of("file", "format", "no-documents", "postal-code-field", "base-url", "user",
                "password", "matching-timeout", "settle-seconds", "limit", "report", "allow-remote");
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("Unknown option --" + k);
            }
        }
        if (!m.containsKey("file") || !m.containsKey("format")) {
            throw new IllegalArgumentException("--file and --format are required");
        }
        LabelledFiles.Format format = switch (m.get("format")) {
            case "febrl" -> LabelledFiles.Format.FEBRL;
            case "spanish" -> LabelledFiles.Format.SPANISH;
            default -> throw new IllegalArgumentException("--format must be febrl or spanish");
        };
        URI base = URI.create(m.getOrDefault("base-url", "http://127.0.0.1:18080"));
        if (!m.containsKey("allow-remote") && !Options.isLoopback(base.getHost())) {
            throw new IllegalArgumentException("Refusing to send traffic to " + base
                    + ": only this machine (loopback) is a target unless --allow-remote is given");
        }
        String password = m.getOrDefault("password", System.getenv("POPULUS_ADMIN_PASSWORD"));
        if (password == null) {
            throw new IllegalArgumentException("--password (or POPULUS_ADMIN_PASSWORD) is required");
        }
        return new Settings(Arrays.stream(m.get("file").split(",")).map(Path::of).toList(), format,
                !m.containsKey("no-documents"), m.get("postal-code-field"), base, m.getOrDefault("user", "admin"),
                password, Duration.ofSeconds(Long.parseLong(m.getOrDefault("matching-timeout", "600"))),
                Duration.ofSeconds(Long.parseLong(m.getOrDefault("settle-seconds", "30"))),
                Integer.parseInt(m.getOrDefault("limit", String.valueOf(Integer.MAX_VALUE))),
                m.containsKey("report") ? Path.of(m.get("report")) : null);
    }

    private static int run(Settings s, String[] args, PrintStream log) throws IOException, InterruptedException {
        List<LabelledRecord> records = LabelledFiles.read(s.files(), s.format(), s.documents(), s.postalCodeField());
        if (records.size() > s.limit()) {
            records = records.subList(0, s.limit());
        }
        log.printf(Locale.ROOT, "matching-accuracy: %,d records from %s%n", records.size(), s.files());
        Api api = new Api(s.baseUrl(), Duration.ofSeconds(30));
        api.health();
        log.println("logged in: " + api.login(s.user(), s.password(), "session"));
        // issues are read by a registrar; the bootstrap admin has neither the registrar nor the data role
        String login = "bench-accuracy-" + Long.toString(System.nanoTime(), 36);
        Api registrar = api.asNewUser(login, "bench-" + java.util.UUID.randomUUID(), List.of("data", "registrar"));

        Posting posting = post(api, records, log);
        String waited = waitForMatching(List.of(api, registrar), s, log);
        PersonClusters clusters = new PersonClusters();
        Map<String, int[]> issueCounts = joinByIssues(registrar, clusters, log);

        List<PairwiseEvaluation.Labelled> labelled = new ArrayList<>(records.size());
        long unposted = -1;
        for (int i = 0; i < records.size(); i++) {
            long person = posting.personIds()[i];
            labelled.add(new PairwiseEvaluation.Labelled(records.get(i).truth(),
                    person > 0 ? clusters.find(person) : unposted--));
        }
        PairwiseEvaluation.Result result = PairwiseEvaluation.evaluate(labelled);
        String report = report(s, args, records.size(), posting, waited, issueCounts, result);
        System.out.print(report);
        if (s.report() != null) {
            Files.writeString(s.report(), report, StandardCharsets.UTF_8);
        }
        return posting.errors() > 0 || waited.startsWith("TIMED OUT") ? 2 : 0;
    }

    /** Every record's registry person (0: not posted), and how the posting went. */
    private record Posting(long[] personIds, int created, int refusedAsRegistered, int errors,
            Map<String, Integer> errorSamples, double seconds) {
    }

    private static Posting post(Api api, List<LabelledRecord> records, PrintStream log) {
        long[] ids = new long[records.size()];
        int created = 0;
        int registered = 0;
        int errors = 0;
        Map<String, Integer> samples = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            HttpResponse<byte[]> resp;
            try {
                resp = api.send(api.postIndividual(records.get(i).body()));
            } catch (IOException e) {
                errors++;
                samples.merge("I/O error: " + e.getMessage(), 1, Integer::sum);
                continue;
            }
            if (Api.ok(resp) && Api.createdId(resp) > 0) {
                ids[i] = Api.createdId(resp);
                created++;
            } else {
                Matcher m = ALREADY_REGISTERED.matcher(Api.body(resp));
                if (resp.statusCode() == 400 && m.find()) {
                    ids[i] = Long.parseLong(m.group(1));
                    registered++;
                } else {
                    errors++;
                    String d = Api.describe(resp);
                    samples.merge(d.length() > 160 ? d.substring(0, 160) + "…" : d, 1, Integer::sum);
                }
            }
            if ((i + 1) % 1000 == 0) {
                log.printf(Locale.ROOT, "  posted %,d / %,d (%,d errors)%n", i + 1, records.size(), errors);
            }
        }
        return new Posting(ids, created, registered, errors, samples, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Waits for {@code pending: 0}; returns how it ended, for the report. Asks as the first of {@code callers}
     * the endpoint does not forbid (the admin, else the registrar).
     */
    private static String waitForMatching(List<Api> callers, Settings s, PrintStream log)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + s.matchingTimeout().toNanos();
        long pending = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> resp = null;
            for (Api api : callers) {
                try {
                    resp = api.send(api.request("/admin/api/matching/status").GET().build());
                } catch (IOException e) {
                    throw new Api.SetupException("GET /admin/api/matching/status failed: " + e, e);
                }
                if (resp.statusCode() != 401 && resp.statusCode() != 403) {
                    break;
                }
            }
            if (resp.statusCode() == 404) {
                log.printf("GET /admin/api/matching/status answered 404: waiting %d s instead%n",
                        s.settle().toSeconds());
                Thread.sleep(s.settle().toMillis());
                return "no status endpoint (404): waited --settle-seconds " + s.settle().toSeconds() + " s";
            }
            if (!Api.ok(resp)) {
                throw new Api.SetupException("GET /admin/api/matching/status: " + Api.describe(resp));
            }
            pending = Api.JSON.readTree(resp.body()).path("pending").asLong(-1);
            if (pending == 0) {
                return String.format(Locale.ROOT, "pending 0 after %.1f s", (System.nanoTime() - started) / 1e9);
            }
            Thread.sleep(1000);
        }
        return "TIMED OUT after " + s.matchingTimeout().toSeconds() + " s with pending " + pending;
    }

    /** Joins the people of every issue of a joining type; returns the count of each type as [open, resolved]. */
    private static Map<String, int[]> joinByIssues(Api api, PersonClusters clusters, PrintStream log) {
        Map<String, int[]> counts = new TreeMap<>();
        for (long offset = 0; ; offset += PAGE) {
            HttpResponse<byte[]> resp;
            try {
                resp = api.send(api.request("/admin/api/issues?state=all&limit=" + PAGE + "&offset=" + offset)
                        .GET().build());
            } catch (IOException e) {
                throw new Api.SetupException("GET /admin/api/issues failed: " + e, e);
            }
            if (!Api.ok(resp)) {
                throw new Api.SetupException("Reading the issues failed: " + Api.describe(resp));
            }
            JsonNode page = Api.JSON.readTree(resp.body());
            if (page.isEmpty()) {
                break;
            }
            for (JsonNode issue : page) {
                String type = issue.path("type").asString();
                counts.computeIfAbsent(type, t -> new int[2])[issue.path("state").asString().equals("open") ? 0 : 1]++;
                if (JOINING_TYPES.contains(type)) {
                    long first = -1;
                    for (JsonNode id : issue.path("person_ids")) {
                        if (first < 0) {
                            first = id.asLong();
                        } else {
                            clusters.join(first, id.asLong());
                        }
                    }
                }
            }
        }
        log.println("issues read: " + counts.keySet());
        return counts;
    }

    /** A share with four decimals, or "n/a" when undefined (nothing predicted, or no true pair). */
    private static String share(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.4f", x);
    }

    private static String report(Settings s, String[] args, int records, Posting p, String waited,
            Map<String, int[]> issues, PairwiseEvaluation.Result r) {
        StringBuilder b = new StringBuilder();
        b.append("\n## Matching accuracy\n\n");
        b.append("Command: `java -jar bench/target/populus-bench.jar");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--password")) {
                b.append(" --password ***");
                i++;
            } else {
                b.append(' ').append(args[i].startsWith("--password=") ? "--password=***" : args[i]);
            }
        }
        b.append("`\n\n");
        b.append(String.format(Locale.ROOT, "- %s, format %s, documents %s, postal code %s%n", s.files(),
                s.format().name().toLowerCase(Locale.ROOT), s.documents() ? "sent" : "not sent",
                s.postalCodeField() == null ? "not sent" : "as " + s.postalCodeField()));
        b.append(String.format(Locale.ROOT, "- posted %,d records one at a time in %.1f s: %.1f records/s; %,d "
                + "created, %,d refused as a document already registered (counted as that person), %,d errors%n",
                records, p.seconds(), records / p.seconds(), p.created(), p.refusedAsRegistered(), p.errors()));
        p.errorSamples().forEach((d, n) -> b.append("  - ").append(n).append(" × ").append(d).append('\n'));
        b.append("- matching: ").append(waited).append('\n');
        b.append("- issues (open / resolved):");
        if (issues.isEmpty()) {
            b.append(" none");
        }
        issues.forEach((t, c) -> b.append(' ').append(t).append(' ').append(c[0]).append(" / ").append(c[1])
                .append(JOINING_TYPES.contains(t) ? " (joins)" : "").append(';'));
        b.append("\n\n| Records | True pairs | Predicted pairs | TP | FP | FN | Precision | Recall | F1 |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        b.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %,d | %s | %s | %.4f |%n",
                r.records(), r.truePairs(), r.predictedPairs(), r.truePositives(), r.falsePositives(),
                r.falseNegatives(), share(r.precision()), share(r.recall()), r.f1()));
        return b.toString();
    }
}
