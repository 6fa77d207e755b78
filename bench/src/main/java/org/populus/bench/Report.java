package org.populus.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The Markdown report of one run. */
final class Report {

    /** Facts for the header, gathered while the run goes. */
    static final class Facts {
        ZonedDateTime started = ZonedDateTime.now();
        ZonedDateTime finished;
        String databaseVersion;
        String authentication;
        DataLoader.Result load;
        boolean vacuumed;
        int population;
        List<Map.Entry<String, Integer>> commonFamilies = List.of();
        long firstNewNid;
        final List<String> notes = new ArrayList<>();
    }

    static final int TARGET_N = 100_000;

    private final Options o;
    private final Facts f;
    private final List<ScenarioResult> results;
    private final List<String> args;

    Report(Options options, Facts facts, List<ScenarioResult> results, List<String> args) {
        this.o = options;
        this.f = facts;
        this.results = results;
        this.args = args;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Populus benchmark report\n\n");
        boolean problems = results.stream().anyMatch(ScenarioResult::hasProblem);
        if (problems) {
            sb.append("> **WARNING: some scenarios had errors or failed — see [Errors](#errors). Their figures are not "
                    + "valid results.**\n\n");
        }
        sb.append("| | |\n|---|---|\n");
        row(sb, "Date", f.started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " (took "
                + (f.finished == null ? "?" : java.time.Duration.between(f.started, f.finished).toSeconds()) + " s)");
        row(sb, "Machine", machine());
        row(sb, "Populus", orUnknown(o.appVersion()) + " at " + o.baseUrl());
        row(sb, "App JVM", orUnknown(o.appJdk()) + (o.appJvmOpts() == null ? "" : "; `" + o.appJvmOpts() + "`"));
        row(sb, "Load generator JVM", loadGeneratorJvm());
        row(sb, "Database", orUnknown(f.databaseVersion) + (o.dbUrl() == null ? "" : " at `" + o.dbUrl() + "`"));
        row(sb, "Individuals", individuals());
        row(sb, "Load", loadLine());
        row(sb, "Concurrency", o.concurrency() + " closed-loop workers (virtual threads), java.net.http HTTP/1.1 "
                + "keep-alive, " + orUnknown(f.authentication));
        row(sb, "Durations", "warm-up " + secs(o.warmup()) + " (discarded) + measured " + secs(o.duration())
                + " per scenario");
        row(sb, "Command", "`" + orUnknown(o.command()) + "`");
        row(sb, "Load generator command", "`" + loadGeneratorCommand() + "`");
        sb.append('\n');
        for (String note : f.notes) {
            sb.append("- ").append(note).append('\n');
        }
        if (!f.notes.isEmpty()) {
            sb.append('\n');
        }

        Optional<ScenarioResult> pk = find("pk");
        sb.append("## Results\n\n");
        sb.append("Latencies in ms, successful requests only. \"vs raw PK\" is the scenario's throughput as a share of "
                + "the raw PostgreSQL primary-key lookup rate over JDBC measured in the same run, same concurrency.\n\n");
        sb.append("| # | Scenario | Requests | Errors | Throughput (req/s) | vs raw PK | p50 | p95 | p99 | max |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int i = 0;
        for (ScenarioResult r : results) {
            i++;
            if (r.failure() != null) {
                sb.append(String.format(Locale.ROOT, "| %d | %s | — | — | **FAILED** | — | — | — | — | — |%n", i,
                        r.title()));
                continue;
            }
            String ratio = pk.filter(p -> p.failure() == null && p.throughput() > 0 && r != p)
                    .map(p -> String.format(Locale.ROOT, "%.1f%%", 100 * r.throughput() / p.throughput()))
                    .orElse(r.key().equals("pk") ? "100%" : "—");
            boolean pg = r.key().equals("pgbench");
            sb.append(String.format(Locale.ROOT, "| %d | %s | %,d | %s | %,.1f | %s | %s | %s | %s | %s |%n", i,
                    r.title(), r.ok() + r.errors(), r.errors() > 0 ? "**" + String.format("%,d", r.errors()) + "**"
                            : "0", r.throughput(), ratio, pg ? "avg " + ScenarioResult.ms(r.mean())
                            : ScenarioResult.ms(r.p50()), ScenarioResult.ms(r.p95()), ScenarioResult.ms(r.p99()),
                    ScenarioResult.ms(r.max())));
        }
        sb.append('\n');
        for (ScenarioResult r : results) {
            sb.append("- **").append(r.title()).append("**: ").append(r.detail()).append('\n');
        }
        sb.append('\n');

        sb.append("## Against the targets of the issue\n\n");
        if (f.population != TARGET_N) {
            sb.append("The targets are set for ").append(String.format("%,d", TARGET_N))
                    .append(" individuals; this run had ").append(String.format("%,d", f.population))
                    .append(", so the verdicts below are indicative only.\n\n");
        }
        sb.append("| Target | Measured | Verdict |\n|---|---|---|\n");
        target(sb, "get", "GET individual by id ≥ 5,000 req/s with p99 ≤ 20 ms",
                r -> String.format(Locale.ROOT, "%,.0f req/s, p99 %s ms", r.throughput(), ScenarioResult.ms(r.p99())),
                r -> r.throughput() >= 5000 && r.p99() <= 20);
        target(sb, "post", "POST individual ≥ 1,000 req/s",
                r -> String.format(Locale.ROOT, "%,.0f req/s", r.throughput()), r -> r.throughput() >= 1000);
        target(sb, "search", "name search p95 ≤ 20 ms",
                r -> String.format(Locale.ROOT, "p95 %s ms", ScenarioResult.ms(r.p95())), r -> r.p95() <= 20);
        sb.append('\n');

        sb.append("## Server cost during the measured phases\n\n");
        sb.append("In cores (this machine has ").append(Runtime.getRuntime().availableProcessors())
                .append("): whole machine from /proc/stat, load generator = this JVM, app = the Populus JVM, database = "
                        + "the PostgreSQL server and its backends (app and database need their pids; run.sh passes "
                        + "them). Machine minus the three is CPU taken by anything else running on the machine: if it is "
                        + "not near 0, the run was disturbed. CPU per request = (app + database cores) / throughput."
                        + " Transactions and buffer accesses (shared buffers hit or read) per request come from "
                        + "pg_stat_database of the app's database (approximate: PostgreSQL flushes them about once "
                        + "a second).\n\n");
        sb.append("| Scenario | Machine | Load generator | App | Database | CPU per request (ms) "
                + "| DB transactions per request | DB buffer accesses per request |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            if (r.failure() != null) {
                continue;
            }
            CpuMeter.Usage u = r.cpu();
            sb.append("| ").append(r.title()).append(" | ").append(cores(u.machine())).append(" | ")
                    .append(cores(u.loadGenerator())).append(" | ").append(cores(u.app())).append(" | ")
                    .append(cores(u.db())).append(" | ").append(perRequest(u, r)).append(" | ")
                    .append(dbPerRequest(u.xacts(), r, "%.2f")).append(" | ")
                    .append(dbPerRequest(u.buffers(), r, "%.1f")).append(" |\n");
        }
        sb.append('\n');

        sb.append("## Errors\n\n");
        boolean any = false;
        if (f.load != null && f.load.failed() > 0) {
            any = true;
            sb.append(String.format(Locale.ROOT, "- **Loading: %,d of %,d POSTs failed.**%n", f.load.failed(),
                    f.load.requested()));
            for (String s : f.load.errorSamples()) {
                sb.append("  - `").append(code(s)).append("`\n");
            }
        }
        for (ScenarioResult r : results) {
            if (!r.hasProblem()) {
                continue;
            }
            any = true;
            if (r.failure() != null) {
                sb.append("- **").append(r.title()).append(": FAILED** — ").append(r.failure()).append('\n');
            } else if (r.errors() > 0) {
                sb.append(String.format(Locale.ROOT, "- **%s: %,d errors (%.2f%% of requests)**%n", r.title(),
                        r.errors(), 100.0 * r.errors() / (r.ok() + r.errors())));
            } else {
                sb.append("- **").append(r.title()).append(": no successful request**\n");
            }
            for (String s : r.errorSamples()) {
                sb.append("  - `").append(code(s)).append("`\n");
            }
        }
        if (!any) {
            sb.append("None.\n");
        }
        return sb.toString();
    }

    void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown());
    }

    private Optional<ScenarioResult> find(String key) {
        return results.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    private void target(StringBuilder sb, String key, String target,
            java.util.function.Function<ScenarioResult, String> measured,
            java.util.function.Predicate<ScenarioResult> met) {
        Optional<ScenarioResult> r = find(key);
        String m;
        String verdict;
        if (r.isEmpty()) {
            m = "—";
            verdict = "not measured";
        } else if (r.get().hasProblem()) {
            m = r.get().failure() != null ? "failed" : measured.apply(r.get()) + ", with errors";
            verdict = "**not valid**";
        } else {
            m = measured.apply(r.get());
            verdict = met.test(r.get()) ? "met" : "**NOT met**";
        }
        sb.append("| ").append(target).append(" | ").append(m).append(" | ").append(verdict).append(" |\n");
    }

    private String individuals() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d", f.population));
        s.append(o.skipLoad() ? " found in the database (loading skipped)" : " loaded by this run");
        if (!f.commonFamilies.isEmpty()) {
            s.append("; most common family names: ");
            for (int i = 0; i < f.commonFamilies.size(); i++) {
                var e = f.commonFamilies.get(i);
                s.append(i == 0 ? "" : ", ").append(e.getKey()).append(String.format(Locale.ROOT, " (%,d)",
                        e.getValue()));
            }
        }
        return s.toString();
    }

    private String loadLine() {
        if (f.load == null) {
            return "skipped";
        }
        DataLoader.Result l = f.load;
        return String.format(Locale.ROOT, "%,d POST individual in %.1f s = **%,.0f individuals/s** at %d concurrent "
                + "requests, seed %d%s%s", l.created(), l.seconds(), l.rate(), o.loadConcurrency(), o.seed(),
                l.failed() > 0 ? String.format(Locale.ROOT, ", **%,d failed**", l.failed()) : "",
                f.vacuumed ? "; then VACUUM (ANALYZE) + CHECKPOINT" : "");
    }

    /** How this JVM was started, arguments shell-quoted, passwords masked, the header's own --command left out. */
    private String loadGeneratorCommand() {
        List<String> words = new ArrayList<>();
        words.add(ProcessHandle.current().info().command().orElse("java"));
        words.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String cp = System.getProperty("java.class.path", "");
        if (cp.endsWith(".jar") && !cp.contains(java.io.File.pathSeparator)) {
            words.add("-jar");
            words.add(cp);
        } else {
            words.add("-cp");
            words.add(cp);
            words.add(Main.class.getName());
        }
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--command") || a.equals("--password") || a.equals("--db-password")) {
                if (!a.equals("--command")) {
                    words.add(a);
                    words.add("***");
                }
                i++;
            } else if (a.startsWith("--command=")) {
                continue;
            } else if (a.startsWith("--password=") || a.startsWith("--db-password=")) {
                words.add(a.substring(0, a.indexOf('=') + 1) + "***");
            } else {
                words.add(a);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.matches("[A-Za-z0-9_./:=@%+,-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    private static String loadGeneratorJvm() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.runtime.name", "Java")
                + " " + System.getProperty("java.runtime.version", Runtime.version().toString())
                + (args.isEmpty() ? "" : "; `" + String.join(" ", args) + "`");
    }

    static String machine() {
        int nproc = Runtime.getRuntime().availableProcessors();
        String model = "?";
        String mem = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    mem = String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                    break;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return nproc + " cores (nproc), " + model + ", " + mem + " RAM, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    /** CPU time the server side spent per successful request: what the machine's limits turn into throughput. */
    private static String perRequest(CpuMeter.Usage u, ScenarioResult r) {
        double server = (Double.isNaN(u.app()) ? 0 : u.app()) + (Double.isNaN(u.db()) ? 0 : u.db());
        if ((Double.isNaN(u.app()) && Double.isNaN(u.db())) || r.throughput() <= 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.3f", server / r.throughput() * 1000);
    }

    private static String dbPerRequest(double perSecond, ScenarioResult r, String format) {
        if (Double.isNaN(perSecond) || r.throughput() <= 0 || r.key().equals("pgbench")) {
            return "—";
        }
        return String.format(Locale.ROOT, format, perSecond / r.throughput());
    }

    private static String cores(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String secs(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s",
                d.toMillis() / 1000.0);
    }

    private static String orUnknown(String s) {
        return s == null ? "unknown" : s;
    }

    private static String code(String s) {
        return s.replace('`', '\'').replace('\n', ' ');
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }
}
