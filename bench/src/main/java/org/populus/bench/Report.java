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
        long firstCensusNumber;
        List<CensusScenarios.HistoryPerson> history = List.of();
        final List<CensusScenarios.Processing> processing = new ArrayList<>();
        final List<EventsLag.Window> events = new ArrayList<>();
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
        boolean problems = results.stream().anyMatch(ScenarioResult::hasProblem)
                || f.processing.stream().anyMatch(CensusScenarios.Processing::hasProblem);
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
        if (f.firstCensusNumber > 0) {
            row(sb, "Census people", "registered by the bench with DNIs from " + CensusPeople.dni(f.firstCensusNumber)
                    + " up (origin_qualified_id = number@bench), above every DNI already stored"
                    + (f.history.isEmpty() ? "" : "; version_at people: " + f.history.stream()
                            .map(h -> h.qualifiedId() + " (" + (h.versions() < 0 ? "?" : h.versions()) + " versions)")
                            .collect(java.util.stream.Collectors.joining(", "))));
        }
        row(sb, "Concurrency", o.concurrency() + " closed-loop workers (virtual threads), java.net.http HTTP/1.1 "
                + "keep-alive, " + orUnknown(f.authentication));
        row(sb, "Durations", "warm-up " + secs(o.warmup()) + " (discarded) + measured " + secs(o.duration())
                + " per scenario" + (o.getWarmup().equals(o.warmup()) ? "" : "; warm-up of get and minimal "
                + secs(o.getWarmup())));
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

        if (!f.processing.isEmpty()) {
            processingSection(sb);
        }
        if (!f.events.isEmpty()) {
            eventsSection(sb);
        }
        Optional<ScenarioResult> plain = find("census-history-get");
        Optional<ScenarioResult> at = find("census-version-at");
        if (plain.isPresent() && at.isPresent() && !plain.get().hasProblem() && !at.get().hasProblem()) {
            ScenarioResult a = at.get();
            ScenarioResult b = plain.get();
            sb.append("## Census GET with version_at vs plain GET\n\n");
            sb.append("The same ").append(f.history.size()).append(" people, each with ")
                    .append(f.history.isEmpty() ? "?" : String.valueOf(f.history.get(0).versions()))
                    .append(" versions; `version_at` uniform over each one's history, so every version is read. "
                            + "Ratio = version_at / plain.\n\n");
            sb.append("| | Throughput (req/s) | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
            for (ScenarioResult r : List.of(b, a)) {
                sb.append(String.format(Locale.ROOT, "| %s | %,.1f | %s | %s | %s | %s |%n", r.title(), r.throughput(),
                        ScenarioResult.ms(r.p50()), ScenarioResult.ms(r.p95()), ScenarioResult.ms(r.p99()),
                        ScenarioResult.ms(r.max())));
            }
            sb.append(String.format(Locale.ROOT, "| **Ratio** | %.2f× | %.2f× | **%.2f×** | %.2f× | |%n%n",
                    a.throughput() / b.throughput(), a.p50() / b.p50(), a.p95() / b.p95(), a.p99() / b.p99()));
        }

        limitsSection(sb);

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
        Optional<ScenarioResult> minimal = find("minimal");
        if (minimal.isPresent()) {
            target(sb, "get", "Populus GET ≥ 90 % of the minimal server in the same run",
                    r -> minimal.filter(m -> !m.hasProblem()).map(m -> String.format(Locale.ROOT,
                            "%,.0f / %,.0f req/s = %.1f %%", r.throughput(), m.throughput(),
                            100 * r.throughput() / m.throughput())).orElse("minimal server: "
                            + (minimal.get().failure() != null ? "failed" : "had errors")),
                    r -> minimal.filter(m -> !m.hasProblem())
                            .map(m -> r.throughput() >= 0.9 * m.throughput()).orElse(false));
        }
        Optional<ScenarioResult> warm = find("get");
        if (find("cold-get").isPresent()) {
            target(sb, "cold-get", "First " + o.coldDuration().toSeconds() + " s after ready within 1.3× of "
                    + "warm (throughput and p99 vs the get scenario)",
                    r -> warm.filter(w -> !w.hasProblem()).map(w -> String.format(Locale.ROOT,
                            "%,.0f req/s, p99 %s ms cold vs %,.0f req/s, p99 %s ms warm: warm/cold throughput "
                                    + "%.2f×, cold/warm p99 %.2f×", r.throughput(), ScenarioResult.ms(r.p99()),
                            w.throughput(), ScenarioResult.ms(w.p99()), w.throughput() / r.throughput(),
                            r.p99() / w.p99())).orElse("no valid warm get"),
                    r -> warm.filter(w -> !w.hasProblem()).map(w -> w.throughput() <= 1.3 * r.throughput()
                            && r.p99() <= 1.3 * w.p99()).orElse(false));
        }
        target(sb, "post", "POST individual ≥ 1,000 req/s",
                r -> String.format(Locale.ROOT, "%,.0f req/s", r.throughput()), r -> r.throughput() >= 1000);
        for (String key : List.of("search", "search-common", "people-full", "people-given-family", "people-prefix",
                "people-common", "people-none")) {
            target(sb, key, "name search (" + key + ") p95 ≤ 10 ms at 1,000,000 people",
                    r -> String.format(Locale.ROOT, "p95 %s ms", ScenarioResult.ms(r.p95())), r -> r.p95() <= 10);
        }
        target(sb, "search-fragment", "other OpenG2P substrings p95 ≤ 50 ms at 1,000,000 people",
                r -> String.format(Locale.ROOT, "p95 %s ms", ScenarioResult.ms(r.p95())), r -> r.p95() <= 50);
        registrationTarget(sb);
        target(sb, "census-get", "Census GET N@census ≥ 5,000 req/s",
                r -> String.format(Locale.ROOT, "%,.0f req/s, p99 %s ms", r.throughput(), ScenarioResult.ms(r.p99())),
                r -> r.throughput() >= 5000);
        target(sb, "census-version-at", "Census GET with version_at (20 versions): p95 ≤ 1.5 × plain GET p95",
                r -> plain.filter(b -> !b.hasProblem()).map(b -> String.format(Locale.ROOT,
                        "p95 %s ms vs %s ms = %.2f×", ScenarioResult.ms(r.p95()), ScenarioResult.ms(b.p95()),
                        r.p95() / b.p95())).orElse("p95 " + ScenarioResult.ms(r.p95()) + " ms, no valid plain GET"),
                r -> plain.filter(b -> !b.hasProblem()).map(b -> r.p95() <= 1.5 * b.p95()).orElse(false));
        sb.append('\n');

        sb.append("## Server cost during the measured phases\n\n");
        sb.append("In cores (this machine has ").append(Runtime.getRuntime().availableProcessors())
                .append("): whole machine from /proc/stat, load generator = this JVM, app = the Populus JVM (the "
                        + "minimal server's JVM in its row), database = "
                        + "the PostgreSQL server and its backends (app and database need their pids; run.sh passes "
                        + "them), broker = RabbitMQ's Erlang VM when events are published (run.sh passes its pid with "
                        + "EVENTS=1 or publish). Machine minus these is CPU taken by anything else running on the "
                        + "machine: if it is not near 0, the run was disturbed. Steal (counted in machine) is time the "
                        + "hypervisor ran other guests on this one's cores: well above 0, the run measured a slower "
                        + "machine. CPU per request = (app + database cores) / throughput: the broker's share, on a "
                        + "host of its own in production, is left out."
                        + " Transactions and buffer accesses (shared buffers hit or read) per request come from "
                        + "pg_stat_database of the app's database (approximate: PostgreSQL flushes them about once "
                        + "a second). Statements per request come from pg_stat_statements (only with "
                        + "`PG_STAT_STATEMENTS=1`; BEGIN and COMMIT count as statements; queue workers' statements "
                        + "during the window count too).\n\n");
        sb.append("| Scenario | Machine | Steal | Load generator | App | Database | Broker | CPU per request (ms) "
                + "| DB transactions per request | DB buffer accesses per request | DB statements per request |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            if (r.failure() != null) {
                continue;
            }
            CpuMeter.Usage u = r.cpu();
            sb.append("| ").append(r.title()).append(" | ").append(cores(u.machine())).append(" | ")
                    .append(cores(u.steal())).append(" | ")
                    .append(cores(u.loadGenerator())).append(" | ").append(cores(u.app())).append(" | ")
                    .append(cores(u.db())).append(" | ").append(cores(u.broker())).append(" | ")
                    .append(perRequest(u, r)).append(" | ")
                    .append(dbPerRequest(u.xacts(), r, "%.2f")).append(" | ")
                    .append(dbPerRequest(u.buffers(), r, "%.1f")).append(" | ")
                    .append(dbPerRequest(u.statementsPerSecond(), r, "%.2f")).append(" |\n");
        }
        sb.append('\n');
        statements(sb, results);

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
        for (CensusScenarios.Processing p : f.processing) {
            if (!p.hasProblem()) {
                continue;
            }
            any = true;
            sb.append("- **").append(p.title()).append(", processing: ").append(processingProblem(p)).append("**\n");
            for (String x : p.stuckSamples()) {
                sb.append("  - `").append(code(x)).append("`\n");
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

    /**
     * Populus's GET beside what the same work costs without the framework (the minimal Java server), PostgreSQL's
     * primary-key lookup over JDBC and {@code pgbench -S}, all measured warm in this run.
     */
    private void limitsSection(StringBuilder sb) {
        Optional<ScenarioResult> get = find("get").filter(r -> !r.hasProblem());
        List<ScenarioResult> rows = new ArrayList<>();
        for (String key : List.of("get", "minimal", "pk", "pgbench")) {
            find(key).filter(r -> !r.hasProblem()).ifPresent(rows::add);
        }
        if (get.isEmpty() || rows.size() < 2) {
            return;
        }
        sb.append("## GET by id beside the limits\n\n");
        sb.append("All warm, same run, same concurrency. \"Populus / this\" = Populus GET throughput divided by the "
                + "row's (the target is ≥ 90 % of the minimal Java server). CPU per request = (app or minimal server "
                + "+ database cores) / throughput.\n\n");
        sb.append("| | Throughput (req/s) | Populus / this | p50 | p95 | p99 | CPU per request (ms) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        double populus = get.get().throughput();
        for (ScenarioResult r : rows) {
            boolean pg = r.key().equals("pgbench");
            sb.append(String.format(Locale.ROOT, "| %s | %,.1f | %s | %s | %s | %s | %s |%n", r.title(),
                    r.throughput(), r.key().equals("get") ? "—" : String.format(Locale.ROOT, "%.1f %%",
                            100 * populus / r.throughput()),
                    pg ? "avg " + ScenarioResult.ms(r.mean()) : ScenarioResult.ms(r.p50()),
                    ScenarioResult.ms(r.p95()), ScenarioResult.ms(r.p99()), pg ? "—" : perRequest(r.cpu(), r)));
        }
        sb.append('\n');
    }

    /** One line saying what went wrong with a registration run's processing. */
    static String processingProblem(CensusScenarios.Processing p) {
        List<String> parts = new ArrayList<>();
        if (p.failure() != null) {
            parts.add(p.failure());
        }
        if (p.stuck() > 0) {
            parts.add(String.format(Locale.ROOT, "%,d of %,d registered people not enabled %.0f s after the window%s",
                    p.stuck(), p.accepted(), p.drainSeconds(), p.drained() ? "" : " (held or stuck pending)"));
        }
        if (p.failedTasks() != null) {
            parts.add(p.failedTasks());
        }
        return String.join("; ", parts);
    }

    private void eventsSection(StringBuilder sb) {
        sb.append("## Events: from a version's recording, and from its commit, to its change event at a consumer\n\n");
        sb.append("A consumer of the load generator (an exclusive queue bound to `populus.#` on the events "
                + "exchange) receives the CloudEvent of every registrant and household version. **Lag** = its "
                + "arrival minus the version's `recorded_at` (taken inside the writing transaction, before the "
                + "commit; both clocks are this machine's), so it covers the commit, the outbox relay, the broker's "
                + "confirm and the delivery. **From commit** = its arrival minus the commit time of the version's "
                + "transaction (`pg_xact_commit_timestamp`, when the database has `track_commit_timestamp` on, as "
                + "run.sh sets it with EVENTS=1; — otherwise): the relay's and the broker's part alone, without "
                + "the writing transaction's own duration (the procedure queue commits up to 20 at once). "
                + "**Versions** = rows of `record_version` recorded in the scenario's "
                + "measured window; **events** = the events received for them once none had arrived for 2 s "
                + "(duplicates counted: at least once). Every version's event arrived when events ≥ versions.\n\n");
        sb.append("| Scenario | Versions in the window | Events received | Lag p50 | p95 | p99 | max "
                + "| From commit p50 | p95 | p99 | max | All arrived |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (EventsLag.Window w : f.events) {
            EventsLag.Lag r = w.fromRecording();
            EventsLag.Lag c = w.fromCommit();
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    w.title(), w.versions(), w.events(), ScenarioResult.ms(r.p50()), ScenarioResult.ms(r.p95()),
                    ScenarioResult.ms(r.p99()), ScenarioResult.ms(r.max()), ScenarioResult.ms(c.p50()),
                    ScenarioResult.ms(c.p95()), ScenarioResult.ms(c.p99()), ScenarioResult.ms(c.max()),
                    w.failure() != null
                            ? "**" + w.failure() + "**" : w.events() >= w.versions() ? "yes"
                            : String.format(Locale.ROOT, "**no: %,d missing**", w.versions() - w.events())));
        }
        sb.append('\n');
    }

    private void processingSection(StringBuilder sb) {
        sb.append("## Census registrations: processing (202 → enabled)\n\n");
        sb.append("Each registration answers 202 once the person (pending) and its registration procedure are "
                + "committed; the durable queue (`procedure_task`) then checks issues and accepts it, which enables "
                + "the person. **Lag** = the time the acceptance wrote the person's enabled version (its "
                + "`record_version.recorded_at`, PostgreSQL's `statement_timestamp()` of the enabling UPDATE, a few "
                + "ms before that transaction commits) minus the time the 202 reached the load generator (both "
                + "clocks are this machine's wall clock), for every registration measured in the window, read from "
                + "the database after the queue drained; a registration enabled before its 202 arrived counts 0. "
                + "**Enabled/s** = registrations of this run whose acceptance falls inside the measured window, per "
                + "second. **Backlog** = rows in `procedure_task` (sampled every 0.5 s over the window). The queue "
                + "**kept up** when it enabled ≥ 95 % of the registration rate during the window and ended it with "
                + "less than 1 s worth of registrations queued.\n\n");
        sb.append("| Scenario | Registrations/s (202) | Enabled/s | Backlog start / max / end | Not enabled at end "
                + "| Lag p50 | p95 | p99 | max | Kept up | All enabled |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (CensusScenarios.Processing p : f.processing) {
            Optional<ScenarioResult> r = find(p.key());
            double rate = r.map(ScenarioResult::throughput).orElse(0.0);
            if (p.failure() != null && !p.measuredLag()) {
                sb.append("| ").append(p.title()).append(String.format(Locale.ROOT,
                        " | %,.1f | — | — | — | — | — | — | — | — | %s |%n", rate, p.failure()));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %,.1f | %,.1f | %,d / %,d / %,d | %,d | %s | %s | %s | %s | %s "
                    + "| %s |%n", p.title(), rate, p.enabledPerSecond(), p.backlogStart(), p.backlogMax(),
                    p.backlogEnd(), p.notEnabledAtEnd(), ScenarioResult.ms(p.lagP50()), ScenarioResult.ms(p.lagP95()),
                    ScenarioResult.ms(p.lagP99()), ScenarioResult.ms(p.lagMax()), p.keptUp(rate) ? "yes" : "**no**",
                    p.stuck() == 0 ? String.format(Locale.ROOT, "yes, by %.1f s after the window", p.drainSeconds())
                            : String.format(Locale.ROOT, "**no: %,d not enabled**", p.stuck())));
        }
        sb.append('\n');
        for (CensusScenarios.Processing p : f.processing) {
            sb.append(String.format(Locale.ROOT, "- **%s**: %,d registrations accepted in all (warm-up and window), "
                    + "%,d measured, lag known for %,d (%,d enabled before their 202 arrived); lag mean %s ms%s.%n",
                    p.title(), p.accepted(), p.measured(), p.lagCount(), p.enabledBefore202(),
                    ScenarioResult.ms(p.lagMean()), p.offeredRate() > 0 ? String.format(Locale.ROOT,
                            "; offered %,.0f registrations/s", p.offeredRate()) : "; closed loop"));
        }
        sb.append('\n');
    }

    /**
     * Registrations ≥ 500/s sustained with lag p99 ≤ 1 s: judged on the paced run when there is one (offered 500/s,
     * at least 98 % of it answered in the window, allowing for requests cut by the window's edges), else on the
     * closed-loop run; the queue must have kept up and every registration must have been enabled.
     */
    private void registrationTarget(StringBuilder sb) {
        Optional<CensusScenarios.Processing> p = f.processing.stream()
                .filter(x -> x.key().equals("census-register-paced")).findFirst()
                .or(() -> f.processing.stream().filter(x -> x.key().equals("census-register")).findFirst());
        String target = "Census registrations ≥ 500/s sustained, processing lag (202 → enabled) p99 ≤ 1 s";
        if (p.isEmpty()) {
            sb.append("| ").append(target).append(" | — | not measured |\n");
            return;
        }
        CensusScenarios.Processing x = p.get();
        Optional<ScenarioResult> r = find(x.key());
        if (r.isEmpty() || r.get().hasProblem() || x.hasProblem() || !x.measuredLag()) {
            sb.append("| ").append(target).append(" | ").append(r.map(ScenarioResult::oneLine).orElse("—"))
                    .append(x.hasProblem() ? "; " + processingProblem(x) : "").append(" | **not valid** |\n");
            return;
        }
        double rate = r.get().throughput();
        boolean fastEnough = x.offeredRate() > 0 ? x.offeredRate() >= 500 && rate >= 0.98 * x.offeredRate()
                : rate >= 500;
        boolean met = fastEnough && x.keptUp(rate) && x.lagP99() <= 1000;
        sb.append("| ").append(target).append(" | ").append(String.format(Locale.ROOT,
                "%s: %,.0f registrations/s, %,.0f enabled/s, queue kept up: %s, lag p50 %s ms, p99 %s ms", x.key(),
                rate, x.enabledPerSecond(), x.keptUp(rate) ? "yes" : "no", ScenarioResult.ms(x.lagP50()),
                ScenarioResult.ms(x.lagP99()))).append(" | ").append(met ? "met" : "**NOT met**").append(" |\n");
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
            if (a.equals("--command") || a.equals("--password") || a.equals("--db-password")
                    || a.equals("--minimal-session")) {
                if (!a.equals("--command")) {
                    words.add(a);
                    words.add("***");
                }
                i++;
            } else if (a.startsWith("--command=")) {
                continue;
            } else if (a.startsWith("--password=") || a.startsWith("--db-password=")
                    || a.startsWith("--minimal-session=")) {
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

    /** Each scenario's statements per request, most frequent first (when pg_stat_statements was on). */
    private static void statements(StringBuilder sb, List<ScenarioResult> results) {
        List<ScenarioResult> measured = results.stream().filter(r -> r.failure() == null
                && !r.key().equals("pgbench") && r.throughput() > 0 && !r.cpu().statements().isEmpty()).toList();
        if (measured.isEmpty()) {
            return;
        }
        sb.append("### Statements per request (pg_stat_statements)\n\n");
        for (ScenarioResult r : measured) {
            sb.append("**").append(r.title()).append("**: ")
                    .append(String.format(Locale.ROOT, "%.2f", r.cpu().statementsPerSecond() / r.throughput()))
                    .append(" statements per request\n\n| Per request | Statement |\n|---:|---|\n");
            for (CpuMeter.StatementCalls c : r.cpu().statements()) {
                double perRequest = c.calls() / r.throughput();
                if (perRequest < 0.01) {
                    break;
                }
                String query = c.query().replaceAll("\\s+", " ").strip();
                if (query.length() > 140) {
                    query = query.substring(0, 137) + "...";
                }
                sb.append(String.format(Locale.ROOT, "| %.2f | `%s` |%n", perRequest, query.replace("|", "\\|")
                        .replace("`", "'")));
            }
            sb.append('\n');
        }
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
