package org.populus.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Command-line options ({@code --name value} or {@code --name=value}); see {@link #USAGE}. */
record Options(
        URI baseUrl,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String login,
        String password,
        String auth,
        int n,
        int loadConcurrency,
        long seed,
        boolean skipLoad,
        boolean vacuum,
        int concurrency,
        Duration warmup,
        Duration duration,
        Duration requestTimeout,
        Set<String> scenarios,
        boolean pgbench,
        int pgbenchScale,
        String report,
        String command,
        String appJdk,
        String appJvmOpts,
        String appVersion,
        long appPid,
        long dbPid,
        boolean allowRemote,
        double registerRate,
        int historyPeople,
        int historyVersions,
        Duration drainTimeout,
        URI minimalUrl,
        String minimalSession,
        long minimalPid,
        Duration coldDuration,
        long readyAt,
        boolean loadOnly,
        Duration getWarmup,
        String eventsUri,
        String eventsExchange,
        int reviewQueue,
        long brokerPid) {

    static final List<String> ALL_SCENARIOS = List.of("get", "pk", "search", "search-common", "search-fragment",
            "people-full", "people-given-family", "people-prefix", "people-common", "people-none", "post", "group",
            "census-get", "census-version-at", "census-register-paced", "census-register");

    /** Scenarios that run only when asked for by name (they need something run.sh starts on request). */
    static final List<String> EXTRA_SCENARIOS = List.of("minimal", "cold-get", "office-person", "office-search",
            "office-next");

    static final String USAGE = """
            Usage: java -jar populus-bench.jar [options]
                   java -jar populus-bench.jar sample [COUNT] [SEED]   print synthetic request bodies and exit
                   java -jar populus-bench.jar generate-matching-set [--records N] [--seed S] --out FILE
                   java -jar populus-bench.jar matching-accuracy --help   (see bench/README.md, Matching accuracy)

              --base-url URL          the running Populus (default http://127.0.0.1:18080)
              --db-url JDBC_URL       its PostgreSQL, for the raw primary-key lookup
                                      (default jdbc:postgresql://127.0.0.1:15432/populus; none: no database)
              --db-user USER          (default postgres)
              --db-password PW        (default: environment PGPASSWORD, else none)
              --login LOGIN           API user (default admin)
              --password PW           its password (default: environment POPULUS_ADMIN_PASSWORD)
              --auth session|basic    send the session id (default) or HTTP Basic on every request
              --n N                   individuals to load (default 100000)
              --load-concurrency C    concurrent POSTs while loading (default 64)
              --seed S                seed of the synthetic population (default 42)
              --skip-load             do not load; take the individuals already in the database
              --no-vacuum             after loading, do not run VACUUM ANALYZE + CHECKPOINT
              --concurrency C         closed-loop workers per scenario (default 32)
              --warmup SECONDS        discarded warm-up per scenario (default 5)
              --get-warmup SECONDS    the warm-up of get and minimal, the GETs compared (default --warmup)
              --duration SECONDS      measured time per scenario (default 20)
              --request-timeout SEC   per request (default 30)
              --scenarios LIST        comma-separated subset of get,pk,search,search-common,post,group,census-get,
                                      census-version-at,census-register-paced,census-register (default all);
                                      all,minimal or e.g. get,minimal adds the minimal server's GET (not in all)
              --minimal-url URL       the minimal Java server (bench/run.sh MINIMAL=1 starts it; default
                                      http://127.0.0.1:18081)
              --minimal-session ID    the session id it accepts (default: environment MINIMAL_SESSION)
              --minimal-pid PID       its process, whose CPU use is reported for its scenario
                                      cold-get (not in all; run.sh restarts the app for it): GET by id for the
                                      first --cold-duration seconds of traffic, before every other scenario
              --cold-duration SEC     the cold window (default 30)
              --ready-at EPOCH_MS     when the app reported ready (run.sh passes it), for the report
              --load-only             load (and VACUUM), then exit: no scenario, no report
              --register-rate R       registrations per second offered by census-register-paced (default 500)
              --history-people P      people prepared for census-version-at (default 4)
              --history-versions V    versions each of them gets (default 20; at least 2)
              --drain-timeout SEC     after a registration scenario, how long to wait for the queue to enable
                                      every registered person (default 120)
                                      office-person, office-search, office-next (not in all): the back office
                                      as a registrar, one signed-in browser session per worker — a person's page,
                                      the people search results page, "Next" in the review queue
              --review-queue N        document verifications queued before office-next (default 5000)
              --events-uri AMQP_URI   the RabbitMQ Populus publishes its events to (bench/run.sh EVENTS=1): for
                                      each write scenario, the lag from a version's recording to its CloudEvent
                                      at a consumer, and whether every version's event arrived
              --events-exchange NAME  the exchange Populus publishes on (default hutch)
              --pgbench               also run pgbench -S (own database in the same PostgreSQL server)
              --pgbench-scale S       pgbench -i scale factor (default 10 = 1,000,000 accounts)
              --report FILE           write the Markdown report there (default: standard output only)
              --command TEXT          the command line to print in the report header (run.sh passes it)
              --app-jdk TEXT  --app-jvm-opts TEXT  --app-version TEXT   facts about the app, for the header
              --app-pid PID  --db-pid PID   processes whose CPU use is reported per scenario (with descendants)
              --broker-pid PID        the message broker's process (RabbitMQ's beam.smp), reported the same way
              --allow-remote          allow a base URL or database that is not on this machine (loopback)
            """;

    /** A number option (a pid, an instant) that is 0 when absent or blank. */
    private static long zeroWhenAbsent(Map<String, String> m, String key) {
        String v = m.getOrDefault(key, "");
        return v.isBlank() ? 0 : Long.parseLong(v.trim());
    }

    static Options parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        Set<String> flags = Set.of("skip-load", "no-vacuum", "pgbench", "allow-remote", "help", "load-only");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + a);
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (flags.contains(key)) {
                value = "true";
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option --" + key + " needs a value");
                }
                value = args[++i];
            }
            m.put(key, value);
        }
        if (m.containsKey("help")) {
            throw new HelpRequested();
        }
        Set<String> known = new LinkedHashSet<>(List.of("base-url", "db-url", "db-user", "db-password", "login",
                "password", "auth", "n", "load-concurrency", "seed", "skip-load", "no-vacuum", "concurrency", "warmup",
                "duration", "request-timeout", "scenarios", "pgbench", "pgbench-scale", "report", "command", "app-jdk",
                "app-jvm-opts", "app-version", "app-pid", "db-pid", "allow-remote", "register-rate", "history-people",
                "history-versions", "drain-timeout", "minimal-url", "minimal-session", "minimal-pid",
                "cold-duration", "ready-at", "load-only", "get-warmup", "events-uri", "events-exchange",
                "review-queue", "broker-pid"));
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("Unknown option --" + k);
            }
        }
        String password = m.getOrDefault("password", System.getenv("POPULUS_ADMIN_PASSWORD"));
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("No API password: give --password or set POPULUS_ADMIN_PASSWORD");
        }
        String auth = m.getOrDefault("auth", "session").toLowerCase(Locale.ROOT);
        if (!auth.equals("session") && !auth.equals("basic")) {
            throw new IllegalArgumentException("--auth is session or basic, not " + auth);
        }
        Set<String> scenarios = new LinkedHashSet<>();
        String list = m.getOrDefault("scenarios", "all").trim();
        if (list.equals("all") || list.isEmpty()) {
            scenarios.addAll(ALL_SCENARIOS);
        } else {
            for (String s : list.split(",")) {
                String t = s.trim().toLowerCase(Locale.ROOT);
                if (t.equals("all")) {
                    scenarios.addAll(ALL_SCENARIOS);
                    continue;
                }
                if (!ALL_SCENARIOS.contains(t) && !EXTRA_SCENARIOS.contains(t)) {
                    throw new IllegalArgumentException("Unknown scenario '" + t + "'; known: " + ALL_SCENARIOS
                            + " and " + EXTRA_SCENARIOS);
                }
                scenarios.add(t);
            }
        }
        String base = m.getOrDefault("base-url", "http://127.0.0.1:18080");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        Options o = new Options(
                URI.create(base),
                noneToNull(blankToNull(m.getOrDefault("db-url", "jdbc:postgresql://127.0.0.1:15432/populus"))),
                m.getOrDefault("db-user", "postgres"),
                m.getOrDefault("db-password", System.getenv("PGPASSWORD") == null ? "" : System.getenv("PGPASSWORD")),
                m.getOrDefault("login", "admin"),
                password,
                auth,
                positiveInt(m, "n", 100_000, true),
                positiveInt(m, "load-concurrency", 64, false),
                Long.parseLong(m.getOrDefault("seed", "42")),
                Boolean.parseBoolean(m.getOrDefault("skip-load", "false")),
                !Boolean.parseBoolean(m.getOrDefault("no-vacuum", "false")),
                positiveInt(m, "concurrency", 32, false),
                seconds(m, "warmup", 5, true),
                seconds(m, "duration", 20, false),
                seconds(m, "request-timeout", 30, false),
                scenarios,
                Boolean.parseBoolean(m.getOrDefault("pgbench", "false")),
                positiveInt(m, "pgbench-scale", 10, false),
                blankToNull(m.get("report")),
                blankToNull(m.get("command")),
                blankToNull(m.get("app-jdk")),
                blankToNull(m.get("app-jvm-opts")),
                blankToNull(m.get("app-version")),
                zeroWhenAbsent(m, "app-pid"),
                zeroWhenAbsent(m, "db-pid"),
                Boolean.parseBoolean(m.getOrDefault("allow-remote", "false")),
                positiveDouble(m, "register-rate", 500),
                positiveInt(m, "history-people", 4, false),
                positiveInt(m, "history-versions", 20, false),
                seconds(m, "drain-timeout", 120, false),
                URI.create(trimSlash(m.getOrDefault("minimal-url", "http://127.0.0.1:18081"))),
                blankToNull(m.getOrDefault("minimal-session", System.getenv("MINIMAL_SESSION"))),
                zeroWhenAbsent(m, "minimal-pid"),
                seconds(m, "cold-duration", 30, false),
                zeroWhenAbsent(m, "ready-at"),
                Boolean.parseBoolean(m.getOrDefault("load-only", "false")),
                m.containsKey("get-warmup") ? seconds(m, "get-warmup", 5, true) : seconds(m, "warmup", 5, true),
                blankToNull(m.get("events-uri")),
                m.getOrDefault("events-exchange", "hutch"),
                positiveInt(m, "review-queue", 5000, true),
                zeroWhenAbsent(m, "broker-pid"));
        if (o.loadOnly() && o.skipLoad()) {
            throw new IllegalArgumentException("--load-only and --skip-load together do nothing");
        }
        if (o.wants("minimal") && o.minimalSession() == null) {
            throw new IllegalArgumentException("Scenario minimal needs the session id the minimal server accepts: "
                    + "--minimal-session or MINIMAL_SESSION");
        }
        if (o.historyVersions() < 2) {
            throw new IllegalArgumentException("--history-versions is at least 2 (a registration writes two)");
        }
        if (o.n() > 999_999_999) {
            throw new IllegalArgumentException("--n is at most 999,999,999 (National IDs have 9 digits)");
        }
        if (!o.allowRemote()) {
            List<String> remote = new ArrayList<>();
            if (!isLoopback(o.baseUrl().getHost())) {
                remote.add(o.baseUrl().toString());
            }
            if (o.wants("minimal") && !isLoopback(o.minimalUrl().getHost())) {
                remote.add(o.minimalUrl().toString());
            }
            if (o.dbUrl() != null && !isLoopback(jdbcHost(o.dbUrl()))) {
                remote.add(o.dbUrl());
            }
            if (!remote.isEmpty()) {
                throw new IllegalArgumentException("Refusing to send load to " + remote
                        + ": only this machine (loopback) is a target unless --allow-remote is given");
            }
        }
        return o;
    }

    boolean wants(String scenario) {
        return scenarios.contains(scenario);
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    private static String trimSlash(String s) {
        String t = s;
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static String noneToNull(String s) {
        return s == null || s.equalsIgnoreCase("none") ? null : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int positiveInt(Map<String, String> m, String key, int dflt, boolean zeroAllowed) {
        String v = m.get(key);
        int value;
        try {
            value = v == null ? dflt : Integer.parseInt(v.replace("_", "").replace(",", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, not '" + v + "'");
        }
        if (value < 0 || (value == 0 && !zeroAllowed)) {
            throw new IllegalArgumentException("--" + key + " must be " + (zeroAllowed ? ">= 0" : "> 0"));
        }
        return value;
    }

    private static double positiveDouble(Map<String, String> m, String key, double dflt) {
        String v = m.get(key);
        double value;
        try {
            value = v == null ? dflt : Double.parseDouble(v.replace("_", "").replace(",", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, not '" + v + "'");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("--" + key + " must be > 0");
        }
        return value;
    }

    /** Seconds, optionally written with a unit: 20, 20s, 1.5s, 500ms, 2m. */
    private static Duration seconds(Map<String, String> m, String key, int dflt, boolean zeroAllowed) {
        String v = m.get(key);
        if (v == null) {
            return Duration.ofSeconds(dflt);
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            } else {
                String num = t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
                d = Duration.ofMillis(Math.round(Double.parseDouble(num) * 1000));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be seconds (e.g. 20 or 20s), not '" + v + "'");
        }
        if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
            throw new IllegalArgumentException("--" + key + " must be " + (zeroAllowed ? ">= 0" : "> 0"));
        }
        return d;
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.isEmpty() || h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** Host of a {@code jdbc:postgresql://host:port/db} URL (the first host if several). */
    static String jdbcHost(String url) {
        String rest = url.replaceFirst("^jdbc:postgresql://", "");
        if (rest.equals(url)) {
            return null;
        }
        int end = rest.length();
        for (char c : new char[] {'/', '?', ','}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String hostPort = rest.substring(0, end);
        if (hostPort.startsWith("[")) {
            return hostPort.substring(0, hostPort.indexOf(']') + 1);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon >= 0 ? hostPort.substring(0, colon) : hostPort;
    }
}
