package org.populus.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Populus benchmark: loads N synthetic individuals through the API (or takes those already there), then runs, in
 * this order and at the same concurrency: GET individual by id, the raw PostgreSQL primary-key lookup over JDBC,
 * name search (full name; common family name with limit 20), Census GET N@census, Census GET with version_at
 * against people with a long history (and plain GET of the same people), POST individual, POST group of 4, Census
 * registrations (paced at the target rate, then closed loop) with their processing lag — and writes a Markdown
 * report. Exit status: 0 all fine, 1 could not run (app down, login refused, load failed), 2 some scenario had
 * errors, 64 bad options.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (args.length > 0 && args[0].equals("generate-people")) {
            generatePeople(args, log);
            return;
        }
        if (args.length > 0 && args[0].equals("sample")) {
            sample(args);
            return;
        }
        if (args.length > 0 && args[0].equals("generate-matching-set")) {
            generateMatchingSet(args, log);
            return;
        }
        if (args.length > 0 && args[0].equals("matching-accuracy")) {
            System.exit(MatchingAccuracy.run(args, log));
            return;
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (Options.HelpRequested e) {
            System.out.print(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            log.println("populus-bench: " + e.getMessage());
            log.print(Options.USAGE);
            System.exit(64);
            return;
        }
        int status;
        try {
            status = run(o, List.of(args), log);
        } catch (Api.SetupException e) {
            log.println();
            log.println("populus-bench: CANNOT RUN: " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            log.println();
            log.println("populus-bench: CANNOT RUN: " + e);
            e.printStackTrace(log);
            status = 1;
        }
        System.exit(status);
    }

    /**
     * {@code generate-people <count> <file.csv> [seed]}: writes a people file for Populus's {@code import-people}
     * command ({@link ImportFile}), touching nothing else.
     */
    private static void generatePeople(String[] args, PrintStream log) {
        if (args.length < 3) {
            log.println("Usage: java -jar populus-bench.jar generate-people <count> <file.csv> [seed]");
            System.exit(64);
        }
        long count = Long.parseLong(args[1]);
        Path file = Path.of(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        long started = System.nanoTime();
        try {
            long households = ImportFile.write(file, count, seed);
            log.printf(Locale.ROOT, "wrote %d people in %d households to %s in %.1f s%n", count, households, file,
                    (System.nanoTime() - started) / 1e9);
        } catch (java.io.IOException e) {
            log.println("populus-bench: cannot write " + file + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * {@code generate-matching-set --records N --seed S --out FILE}: writes the Spanish labelled set for
     * {@code matching-accuracy} ({@link org.populus.bench.accuracy.MatchingSet}) and prints what is in it.
     */
    private static void generateMatchingSet(String[] args, PrintStream log) {
        int records = 100_000;
        long seed = 42;
        Path out = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> out = null;
            }
        }
        if (out == null || args.length % 2 == 0) {
            log.println("Usage: java -jar populus-bench.jar generate-matching-set [--records N] [--seed S] --out FILE");
            System.exit(64);
        }
        long started = System.nanoTime();
        try {
            org.populus.bench.accuracy.MatchingSet.Summary s = org.populus.bench.accuracy.MatchingSet.write(out,
                    records, seed);
            log.print(org.populus.bench.accuracy.MatchingSet.describe(s));
            log.printf(Locale.ROOT, "wrote %s in %.1f s%n", out, (System.nanoTime() - started) / 1e9);
        } catch (java.io.IOException e) {
            log.println("populus-bench: cannot write " + out + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** {@code sample [count] [seed]}: prints synthetic request bodies, touching nothing. */
    private static void sample(String[] args) {
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        PersonGenerator g = new PersonGenerator(seed);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            out.println(g.individualJson(g.person(i), PersonGenerator.nid(i + 1L)));
        }
        out.println(g.householdJson(count, 900_000_001L));
        CensusPeople census = new CensusPeople(g);
        for (int i = 1; i <= count; i++) {
            out.println(census.registrationForm(i));
        }
    }

    /** The events of the versions recorded in a write scenario's measured window, from then until now. */
    private static void measureEvents(EventsLag events, Report.Facts facts, String key, String title, Instant from,
            Options o, Database db) {
        measureEvents(events, facts, key, title, from, Instant.now(), o, db);
    }

    private static void measureEvents(EventsLag events, Report.Facts facts, String key, String title, Instant from,
            Instant to, Options o, Database db) {
        if (events != null) {
            facts.events.add(events.measure(key, title, from, to, o.drainTimeout(), db));
        }
    }

    private static void addProcessing(Report.Facts facts, CensusScenarios.RegistrationRun run, Database db) {
        if (run.processing() != null) {
            facts.processing.add(run.processing());
        } else if (db == null) {
            facts.notes.add(run.result().title() + ": no database (--db-url none), so the processing lag (202 → "
                    + "enabled) was not measured.");
        }
    }

    static final String COLD_TITLE_PREFIX = "GET individual by id — cold, first ";

    static final String MINIMAL_TITLE = "GET individual by id — minimal Java server";

    /**
     * The GET scenario again, against the minimal Java server (same work, no framework), right after Populus's: its
     * answers are first compared with Populus's (a difference fails the scenario: the comparison would be
     * meaningless), then it is measured exactly like {@code get}, with its own process as the "app" of the CPU
     * columns.
     */
    private static ScenarioResult minimal(Options o, Api populus, Population population, long seed, Database db,
            PrintStream log) throws InterruptedException {
        String detail = "the same GET /api/v1/registry/individual/{id}, same ids, against the minimal Java server at "
                + o.minimalUrl() + " (bench/src/main/java/org/populus/bench/minimal: JDK HttpServer, virtual "
                + "threads, HikariCP + pgjdbc + Jackson, Populus's SQL and JSON, session checked in memory)";
        Api minimal = new Api(o.minimalUrl(), o.requestTimeout());
        minimal.useSession(o.minimalSession());
        log.printf("%n== minimal: comparing the minimal server's answers with Populus's ...%n");
        MinimalComparison.Outcome check = MinimalComparison.verify(populus, minimal, population, log);
        if (check.failure() != null) {
            log.println("   !!! THE MINIMAL SERVER DOES NOT ANSWER WHAT POPULUS ANSWERS: " + check.failure());
            return ScenarioResult.failed("minimal", MINIMAL_TITLE, detail, "its answers differ from Populus's, so "
                    + "it was not measured: " + check.failure(), List.of());
        }
        CpuMeter cpu = new CpuMeter(o.minimalPid(), o.dbPid(), 0, db);
        try {
            LoadRunner runner = new LoadRunner(o.concurrency(), o.getWarmup(), o.duration(), o.requestTimeout(),
                    cpu, log);
            return runner.run("minimal", MINIMAL_TITLE, detail + "; checked first: " + check.checked(),
                    Scenarios.getById(minimal, population, seed));
        } finally {
            cpu.close();
        }
    }

    static int run(Options o, List<String> args, PrintStream log) throws Exception {
        Report.Facts facts = new Report.Facts();
        log.printf("populus-bench: %s, %d workers, warm-up %s + %s per scenario%n", o.baseUrl(), o.concurrency(),
                o.warmup(), o.duration());

        Api api = new Api(o.baseUrl(), o.requestTimeout());
        api.health();
        facts.authentication = api.login(o.login(), o.password(), o.auth());
        log.println("logged in: " + facts.authentication);

        Database db = o.dbUrl() == null ? null : new Database(o.dbUrl(), o.dbUser(), o.dbPassword());
        if (db != null) {
            try {
                facts.databaseVersion = db.serverVersion();
            } catch (SQLException e) {
                throw new Api.SetupException("Cannot connect to the database at " + o.dbUrl() + " (needed for the raw "
                        + "PK lookup): " + e.getMessage() + ". Give --db-url, or --db-url none to run without it.");
            }
            log.println("database: " + facts.databaseVersion + " at " + o.dbUrl());
        }

        PersonGenerator generator = new PersonGenerator(o.seed());
        Population population;
        if (o.skipLoad()) {
            if (db == null) {
                throw new Api.SetupException("--skip-load reads the existing individuals from the database: it needs "
                        + "--db-url");
            }
            population = db.readPopulation();
            log.printf("loading skipped: %,d individuals found in the database%n", population.size());
            if (population.size() == 0) {
                throw new Api.SetupException("--skip-load, but the database holds no individual: load some first");
            }
        } else {
            if (db != null) {
                long existing = db.existingLoaderIds(o.n());
                if (existing > 0) {
                    throw new Api.SetupException(String.format(Locale.ROOT, "The database already holds %,d of the "
                            + "National IDs this load would create (NID000000001..): it was loaded before. Use "
                            + "--skip-load (SKIP_LOAD=1) to reuse it, or start from a fresh data directory.", existing));
                }
            }
            log.printf("loading %,d individuals (seed %d) with %d concurrent POSTs ...%n", o.n(), o.seed(),
                    o.loadConcurrency());
            DataLoader.Result load = new DataLoader(api, generator, log).load(o.n(), o.loadConcurrency());
            facts.load = load;
            population = load.population();
            log.printf("loaded %,d individuals in %.1f s: %,.0f individuals/s (%,d failed)%n", load.created(),
                    load.seconds(), load.rate(), load.failed());
            if (load.failed() > 0) {
                log.printf("!!! LOADING HAD %,d FAILURES !!!%n", load.failed());
                load.errorSamples().forEach(s -> log.println("    " + s));
            }
            if (load.created() == 0 && o.n() > 0) {
                throw new Api.SetupException("No individual could be created: " + String.join(" | ",
                        load.errorSamples()));
            }
            if (load.failed() > Math.max(20, o.n() / 100)) {
                throw new Api.SetupException(String.format(Locale.ROOT, "Loading failed for %,d of %,d individuals: "
                        + "%s", load.failed(), o.n(), String.join(" | ", load.errorSamples())));
            }
            if (db != null && o.vacuum() && load.created() > 0) {
                log.println("VACUUM (ANALYZE) + CHECKPOINT, as autovacuum would do after a bulk load ...");
                db.vacuumAnalyzeAndCheckpoint();
                facts.vacuumed = true;
            }
        }
        if (o.loadOnly()) {
            log.println("--load-only: loaded; no scenario run");
            return 0;
        }
        facts.population = population.size();
        facts.commonFamilies = population.commonFamilyNames(5);
        long maxNid = db == null ? 0 : db.maxNid();
        facts.firstNewNid = Math.max(o.skipLoad() ? 0 : o.n(), maxNid) + 1;
        AtomicLong nextNid = new AtomicLong(facts.firstNewNid);
        if (db == null && o.skipLoad()) {
            facts.notes.add("No database: new National IDs start after the loaded ones only.");
        }
        if (population.size() == 0) {
            throw new Api.SetupException("No individual to read: nothing was loaded");
        }

        CpuMeter cpu = new CpuMeter(o.appPid(), o.dbPid(), o.brokerPid(), db);
        EventsLag events = o.eventsUri() == null ? null : new EventsLag(o.eventsUri(), o.eventsExchange());
        if (events != null && db == null) {
            throw new Api.SetupException("--events-uri needs the database (--db-url) to count the versions");
        }
        LoadRunner runner = new LoadRunner(o.concurrency(), o.warmup(), o.duration(), o.requestTimeout(), cpu, log);
        List<ScenarioResult> results = new ArrayList<>();
        long seed = o.seed();
        if (o.wants("cold-get")) {
            // first, before any other traffic: a fresh JVM's first window, no warm-up discarded
            String since = o.readyAt() > 0 ? String.format(Locale.ROOT, "; first request %.1f s after the app "
                    + "reported ready", (System.currentTimeMillis() - o.readyAt()) / 1000.0) : "";
            if (!o.skipLoad()) {
                facts.notes.add("cold-get ran after this run's load, which warmed the app: not a cold start "
                        + "(bench/run.sh restarts the app after loading for it).");
            }
            LoadRunner cold = new LoadRunner(o.concurrency(), java.time.Duration.ZERO, o.coldDuration(),
                    o.requestTimeout(), cpu, log);
            results.add(cold.run("cold-get", COLD_TITLE_PREFIX + o.coldDuration().toSeconds() + " s after ready",
                    "the get scenario's requests, from the first one the fresh app receives (after the bench's "
                            + "login), no warm-up" + since, Scenarios.getById(api, population, seed)));
        }
        if (o.wants("get")) {
            LoadRunner getRunner = new LoadRunner(o.concurrency(), o.getWarmup(), o.duration(), o.requestTimeout(),
                    cpu, log);
            results.add(getRunner.run("get", "GET individual by id",
                    "GET /api/v1/registry/individual/{id}, id uniform over the " + String.format("%,d",
                            population.size()) + " individuals", Scenarios.getById(api, population, seed)));
        }
        if (o.wants("minimal")) {
            results.add(minimal(o, api, population, seed, db, log));
        }
        if (o.wants("pk")) {
            if (db == null) {
                results.add(ScenarioResult.failed("pk", "Raw PostgreSQL PK lookup (JDBC)", "no database given",
                        "no --db-url: the raw lookup was not measured", List.of()));
            } else {
                results.add(runner.run("pk", "Raw PostgreSQL PK lookup (JDBC)", "`" + Database.PK_LOOKUP
                        + "` over JDBC (pgjdbc, prepared), one connection per worker, all columns read, same ids",
                        Scenarios.pkLookup(db, population, seed)));
            }
        }
        if (o.pgbench() && db != null) {
            results.add(new Pgbench(db, o.dbUser(), o.dbPassword(), o.pgbenchScale(), cpu, log)
                    .run(o.concurrency(), o.warmup(), o.duration()));
        }
        if (o.wants("search")) {
            results.add(runner.run("search", "Name search, full name",
                    "GET /api/v1/registry/individual/?name=<given family> of a random loaded individual (few matches)",
                    Scenarios.searchFullName(api, population, seed)));
        }
        if (o.wants("search-common")) {
            List<String> common = facts.commonFamilies.stream().map(Map.Entry::getKey).toList();
            results.add(runner.run("search-common", "Name search, common family name, limit 20",
                    "GET /api/v1/registry/individual/?name=<family>&limit=20, family among the 5 most common: "
                            + String.join(", ", common), Scenarios.searchCommonFamily(api, common, seed)));
        }
        if (o.wants("search-fragment")) {
            results.add(runner.run("search-fragment", "Name search, substring inside a word, limit 20",
                    "GET /api/v1/registry/individual/?name=<4 letters from the 2nd of a loaded family name>&limit=20",
                    Scenarios.searchFragment(api, population, seed)));
        }
        if (o.scenarios().stream().anyMatch(k -> k.startsWith("people-"))) {
            // the registrars' search needs the registrar or data role, which the bootstrap admin has not
            String login = "bench-data-" + Long.toString(System.nanoTime(), 36);
            Api registrar = api.asNewUser(login, "bench-" + java.util.UUID.randomUUID(), List.of("data"));
            List<String> common = facts.commonFamilies.stream().map(Map.Entry::getKey).toList();
            String people = "GET /admin/api/people?size=20&q=";
            if (o.wants("people-full")) {
                results.add(runner.run("people-full", "Registrars' search, full name", people
                        + "<given family> of a random loaded individual", Scenarios.searchPeople(registrar, 10, seed,
                                r -> population.searchName(r.nextInt(population.size())))));
            }
            if (o.wants("people-given-family")) {
                results.add(runner.run("people-given-family", "Registrars' search, family then given name", people
                        + "<family given> of a random loaded individual", Scenarios.searchPeople(registrar, 11, seed,
                                r -> {
                                    String[] words = population.searchName(r.nextInt(population.size()))
                                            .split(" ", 2);
                                    return words.length < 2 ? words[0] : words[1] + " " + words[0];
                                })));
            }
            if (o.wants("people-prefix")) {
                results.add(runner.run("people-prefix", "Registrars' search, typed prefixes", people
                        + "<3 letters of the given name> <4 of the family name> (`jos garc`)",
                        Scenarios.searchPeople(registrar, 12, seed,
                                r -> population.typedPrefixes(r.nextInt(population.size())))));
            }
            if (o.wants("people-common")) {
                results.add(runner.run("people-common", "Registrars' search, common family name", people
                        + "<family>, among the 5 most common: " + String.join(", ", common),
                        Scenarios.searchPeople(registrar, 13, seed, r -> common.get(r.nextInt(common.size())))));
            }
            if (o.wants("people-none")) {
                results.add(runner.run("people-none", "Registrars' search, no match (fuzzy fallback)", people
                        + "<two words of random letters> (nothing matches; the fuzzy fallback runs)",
                        Scenarios.searchPeople(registrar, 14, seed, r -> randomWord(r) + " " + randomWord(r))));
            }
        }
        CensusScenarios census = null;
        if (o.scenarios().stream().anyMatch(k -> k.startsWith("census-"))) {
            long maxDni = db == null ? 0 : db.maxDniNumber();
            facts.firstCensusNumber = db == null
                    ? 10_000_000L + new java.util.Random().nextLong(50_000_000L) : maxDni + 1;
            if (db == null) {
                facts.notes.add("No database: Census registrations take DNI numbers from a random start ("
                        + facts.firstCensusNumber + ").");
            }
            census = new CensusScenarios(api, db, new CensusPeople(generator),
                    new AtomicLong(facts.firstCensusNumber), log);
        }
        if (o.wants("census-get")) {
            results.add(runner.run("census-get", "Census GET person (N@census)",
                    "GET /api/v1/people/{id}@census, id uniform over the " + String.format("%,d", population.size())
                            + " individuals", census.getPerson(population, seed)));
        }
        if (o.wants("census-version-at")) {
            String plainTitle = "Census GET, " + o.historyVersions() + "-version people (plain)";
            String atTitle = "Census GET with version_at, " + o.historyVersions() + "-version people";
            List<CensusScenarios.HistoryPerson> prepared = null;
            String failure = null;
            log.printf("%npreparing %d Census people with %d versions each (register, then %d data changes, each "
                    + "processed before the next) ...%n", o.historyPeople(), o.historyVersions(),
                    o.historyVersions() - 2);
            try {
                prepared = census.prepareHistory(o.historyPeople(), o.historyVersions());
                facts.history = prepared;
                for (CensusScenarios.HistoryPerson p : prepared) {
                    log.printf("   %s: versions %s, recorded between %s and %s%n", p.qualifiedId(),
                            p.versions() < 0 ? "?" : p.versions(), p.from(), p.to());
                    if (p.versions() >= 0 && p.versions() != o.historyVersions()) {
                        facts.notes.add(p.qualifiedId() + " has " + p.versions() + " versions, not "
                                + o.historyVersions() + ".");
                    }
                }
            } catch (Api.SetupException e) {
                failure = e.getMessage();
                log.println("   !!! " + failure);
            }
            if (failure != null) {
                results.add(ScenarioResult.failed("census-history-get", plainTitle, "preparation failed", failure,
                        List.of()));
                results.add(ScenarioResult.failed("census-version-at", atTitle, "preparation failed", failure,
                        List.of()));
            } else {
                String who = prepared.size() + " people registered by the bench, each with " + o.historyVersions()
                        + " versions (" + prepared.stream().map(CensusScenarios.HistoryPerson::qualifiedId)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")";
                results.add(runner.run("census-history-get", plainTitle, "GET /api/v1/people/{id}@census of one of "
                        + who, census.historyGet(prepared, seed)));
                results.add(runner.run("census-version-at", atTitle, "GET /api/v1/people/{id}@census?version_at="
                        + "<ISO-8601 instant uniform over that person's history> of one of " + who,
                        census.versionAt(prepared, seed)));
            }
        }
        if (o.scenarios().stream().anyMatch(k -> k.startsWith("office-"))) {
            // one registrar per worker, as "Next" hands each registrar their own procedure
            String prefix = "bench-registrar-" + Long.toString(System.nanoTime(), 36) + "-";
            String password = "bench-" + java.util.UUID.randomUUID();
            List<String> logins = new ArrayList<>();
            for (int w = 0; w < o.concurrency(); w++) {
                logins.add(prefix + w);
                api.asNewUser(prefix + w, password, List.of("registrar", "data", "registry-read"));
            }
            OfficeScenarios office = new OfficeScenarios(o.baseUrl(), logins, password, o.requestTimeout());
            if (o.wants("office-person")) {
                results.add(runner.run("office-person", "Back office: a person's page",
                        "GET /office/people/{id} of a random loaded individual (signed-in session per worker)",
                        office.personPage(population, seed)));
            }
            if (o.wants("office-search")) {
                results.add(runner.run("office-search", "Back office: people search results",
                        "GET /office/people?q=<given family> of a random loaded individual",
                        office.searchPage(population, seed)));
            }
            if (o.wants("office-next")) {
                int queued = OfficeScenarios.fillReviewQueue(api, population, o.reviewQueue(), 16, log);
                results.add(runner.run("office-next", "Back office: Next in the review queue",
                        "POST /office/review/next (claims the next procedure, 302 to its page); " + queued
                                + " document verifications queued first", office.next(seed)));
            }
        }
        if (o.wants("post")) {
            Instant from = Instant.now().plus(o.warmup());
            results.add(runner.run("post", "POST individual",
                    "POST /api/v1/registry/individual/, new person with 1 National ID and 1 phone, IDs from NID"
                            + String.format("%09d", facts.firstNewNid) + " up",
                    Scenarios.postIndividual(api, generator, nextNid)));
            measureEvents(events, facts, "post", "POST individual", from, o, db);
        }
        if (o.wants("group")) {
            Instant from = Instant.now().plus(o.warmup());
            results.add(runner.run("group", "POST group with 4 members",
                    "POST /api/v1/registry/group/, kind Household, 4 new members (one Head), 4 new National IDs",
                    Scenarios.postGroup(api, generator, nextNid)));
            measureEvents(events, facts, "group", "POST group with 4 members", from, o, db);
        }
        // paced first, on an empty queue: it checks the target; the closed loop (capacity) may leave a backlog
        if (o.wants("census-register-paced")) {
            // enough requests in flight that the load generator never holds the schedule back below 200 ms latency
            int inFlight = Math.max(o.concurrency(), (int) Math.ceil(o.registerRate() / 5));
            LoadRunner paced = new LoadRunner(inFlight, o.warmup(), o.duration(), o.requestTimeout(), cpu, log);
            Instant from = Instant.now().plus(o.warmup());
            Instant to = from.plus(o.duration());
            CensusScenarios.RegistrationRun run = census.register(paced, "census-register-paced",
                    String.format(Locale.ROOT, "Census registration at %,.0f/s (POST, paced)", o.registerRate()),
                    o.registerRate(), inFlight, o.drainTimeout());
            results.add(run.result());
            addProcessing(facts, run, db);
            measureEvents(events, facts, "census-register-paced", run.result().title(), from, to, o, db);
        }
        if (o.wants("census-register")) {
            Instant from = Instant.now().plus(o.warmup());
            Instant to = from.plus(o.duration());
            CensusScenarios.RegistrationRun run = census.register(runner, "census-register",
                    "Census registration (POST, closed loop)", 0, o.concurrency(), o.drainTimeout());
            results.add(run.result());
            addProcessing(facts, run, db);
            measureEvents(events, facts, "census-register", run.result().title(), from, to, o, db);
        }
        cpu.close();
        if (events != null) {
            events.close();
        }
        facts.finished = ZonedDateTime.now();

        Report report = new Report(o, facts, results, args);
        String md = report.markdown();
        if (o.report() != null) {
            report.write(Path.of(o.report()));
            log.println();
            log.println("report written to " + o.report());
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (o.report() == null) {
            out.println();
            out.print(md);
        }
        boolean problems = results.stream().anyMatch(ScenarioResult::hasProblem)
                || facts.processing.stream().anyMatch(CensusScenarios.Processing::hasProblem)
                || facts.events.stream().anyMatch(EventsLag.Window::hasProblem);
        if (problems) {
            log.println("!!! SOME SCENARIOS HAD ERRORS OR FAILED: the figures of those are not valid results !!!");
            for (ScenarioResult r : results) {
                if (r.hasProblem()) {
                    log.println("    " + r.title() + ": " + r.oneLine());
                }
            }
            for (CensusScenarios.Processing p : facts.processing) {
                if (p.hasProblem()) {
                    log.println("    " + p.title() + ", processing: " + Report.processingProblem(p));
                }
            }
            return 2;
        }
        return 0;
    }

    /** Six letters drawn at random: a word no loaded name has. */
    private static String randomWord(java.util.SplittableRandom r) {
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 4; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }
}
