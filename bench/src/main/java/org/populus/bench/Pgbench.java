package org.populus.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optional reference point: {@code pgbench -S} (select-only, primary-key lookups on pgbench_accounts) against the
 * same PostgreSQL server, in a database of its own ({@code populus_pgbench}) so the registry is left alone.
 * pgbench reports throughput and average latency, not percentiles.
 */
final class Pgbench {

    static final String DATABASE = "populus_pgbench";

    private final Database db;
    private final String user;
    private final String password;
    private final int scale;
    private final CpuMeter cpu;
    private final PrintStream log;

    Pgbench(Database db, String user, String password, int scale, CpuMeter cpu, PrintStream log) {
        this.db = db;
        this.user = user;
        this.password = password;
        this.scale = scale;
        this.cpu = cpu;
        this.log = log;
    }

    ScenarioResult run(int clients, Duration warmup, Duration duration) {
        String key = "pgbench";
        String title = "pgbench -S (raw PostgreSQL PK lookup, C client)";
        int jobs = Math.max(1, Math.min(clients, Runtime.getRuntime().availableProcessors()));
        String host = Options.jdbcHost(db.url());
        if (host != null && host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = jdbcPort(db.url());
        String detail = String.format(Locale.ROOT, "pgbench -S -n -M prepared -c %d -j %d, scale %d (%,d accounts),"
                + " database %s", clients, jobs, scale, scale * 100_000L, DATABASE);
        log.printf("%n== %s: %s%n   %s%n", key, title, detail);
        try {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                boolean exists;
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                    exists = rs.next();
                }
                if (!exists) {
                    s.execute("create database " + DATABASE);
                }
            }
            List<String> conn = List.of("-h", host == null || host.isEmpty() ? "127.0.0.1" : host, "-p", port, "-U",
                    user);
            log.println("   initialising (pgbench -i -s " + scale + ") ...");
            exec(concat(List.of("pgbench", "-i", "-q", "-s", Integer.toString(scale)), conn, List.of(DATABASE)),
                    Duration.ofMinutes(10));
            List<String> select = concat(List.of("pgbench", "-S", "-n", "-M", "prepared", "-c",
                    Integer.toString(clients), "-j", Integer.toString(jobs)), conn);
            if (warmup.toSeconds() >= 1) {
                exec(concat(select, List.of("-T", Long.toString(warmup.toSeconds()), DATABASE)),
                        warmup.plusMinutes(2));
            }
            long secs = Math.max(1, duration.toSeconds());
            CpuMeter.Snapshot c0 = cpu.take();
            String out = exec(concat(select, List.of("-T", Long.toString(secs), DATABASE)), duration.plusMinutes(2));
            CpuMeter.Snapshot c1 = cpu.take();
            long tx = longOf(out, "number of transactions actually processed:\\s*(\\d+)");
            long failed = out.contains("number of failed transactions:")
                    ? longOf(out, "number of failed transactions:\\s*(\\d+)") : 0;
            double tps = doubleOf(out, "tps = ([0-9.]+) \\(without initial connection time\\)");
            double avg = doubleOf(out, "latency average = ([0-9.]+) ms");
            // pgbench's own tps; "ok" is scaled so that throughput() gives it back over the measured seconds
            ScenarioResult r = new ScenarioResult(key, title, detail, Math.round(tps * secs), failed, secs,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, avg, cpu.between(c0, c1), null, List.of());
            log.printf(Locale.ROOT, "   %,d transactions, %,.1f tps, latency average %s ms%n", tx, tps,
                    ScenarioResult.ms(avg));
            return r;
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            log.println("   !!! FAILED: " + msg);
            return ScenarioResult.failed(key, title, detail, msg, List.of());
        }
    }

    private String exec(List<String> command, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (password != null && !password.isEmpty()) {
            pb.environment().put("PGPASSWORD", password);
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + command.get(0) + " (is the PostgreSQL client installed?): "
                    + e.getMessage(), e);
        }
        p.getOutputStream().close();
        var outBytes = new java.io.ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                p.getInputStream().transferTo(outBytes);
            } catch (IOException ignored) {
                // process ended
            }
        });
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + timeout);
        }
        reader.join(5000);
        String out = outBytes.toString(StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                    + out.strip().replaceAll("\\s+", " "));
        }
        return out;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private static long longOf(String out, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IOException("unexpected pgbench output (no '" + regex + "'): " + out);
        }
        return Long.parseLong(m.group(1));
    }

    private static double doubleOf(String out, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IOException("unexpected pgbench output (no '" + regex + "'): " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    static String jdbcPort(String url) {
        Matcher m = Pattern.compile("^jdbc:postgresql://[^/?,]*:(\\d+)").matcher(url);
        return m.find() ? m.group(1) : "5432";
    }
}
