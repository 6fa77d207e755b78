package org.populus.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Resources used during a measured phase. CPU in cores (1.0 = one core busy all the time): by the whole machine
 * (from {@code /proc/stat}), by this load generator, and by the app and its database when their pids are known. On
 * a 2-core machine shared by app and load generator this tells how much of the box the load generator itself took.
 * With a database, also its transactions and buffer accesses per second ({@code pg_stat_database}, flushed by
 * PostgreSQL about once a second, so approximate over short windows).
 */
final class CpuMeter implements AutoCloseable {

    record Snapshot(long nanoTime, long machineBusy, long machineTotal, long machineSteal, long self, long app,
            long db, long broker, long xacts, long buffers, Map<Long, StatementCalls> statements) {
    }

    /** Calls of one normalised statement ({@code pg_stat_statements}): so far in a snapshot, per second in a usage. */
    record StatementCalls(String query, double calls) {
    }

    /**
     * Per second of the window: cores used (steal = the cores the hypervisor gave to other guests while this one
     * wanted them, counted in machine too), database transactions and buffer accesses, and (when the server has
     * {@code pg_stat_statements} loaded) statements, the most frequent first; NaN or empty = not measured.
     */
    record Usage(double machine, double steal, double loadGenerator, double app, double db, double broker,
            double xacts, double buffers, List<StatementCalls> statements) {
        static final Usage UNKNOWN = new Usage(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, List.of());

        /** Statements per second, all of them (NaN without pg_stat_statements). */
        double statementsPerSecond() {
            return statements.isEmpty() ? Double.NaN
                    : statements.stream().mapToDouble(StatementCalls::calls).sum();
        }
    }

    private final long appPid;
    private final long dbPid;
    private final long brokerPid;
    private final Database database;
    private Connection statsConnection;
    private Boolean statementStats;
    private final int cores = Runtime.getRuntime().availableProcessors();

    /** @param brokerPid the message broker's process (RabbitMQ's Erlang VM) when events are published, else 0 */
    CpuMeter(long appPid, long dbPid, long brokerPid, Database database) {
        this.appPid = appPid;
        this.dbPid = dbPid;
        this.brokerPid = brokerPid;
        this.database = database;
    }

    /** {transactions, buffer accesses} of the app's database so far, or {-1, -1}. */
    private synchronized long[] dbStats() {
        if (database == null) {
            return new long[] {-1, -1};
        }
        try {
            if (statsConnection == null || statsConnection.isClosed()) {
                statsConnection = database.connect();
            }
            try (Statement s = statsConnection.createStatement(); ResultSet rs = s.executeQuery(
                    "select xact_commit + xact_rollback, blks_hit + blks_read from pg_stat_database "
                            + "where datname = current_database()")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        } catch (SQLException e) {
            return new long[] {-1, -1};
        }
    }

    /**
     * Calls so far of each statement the app's database ran, from {@code pg_stat_statements} (the extension is
     * created when the server preloads its library: {@code PG_STAT_STATEMENTS=1 bench/run.sh}); null when not
     * available. The meter's own queries are left out.
     */
    private synchronized Map<Long, StatementCalls> statementStats() {
        if (database == null || Boolean.FALSE.equals(statementStats)) {
            return null;
        }
        try {
            if (statsConnection == null || statsConnection.isClosed()) {
                statsConnection = database.connect();
            }
            if (statementStats == null) {
                try (Statement s = statsConnection.createStatement()) {
                    s.execute("create extension if not exists pg_stat_statements");
                }
                statementStats = true;
            }
            Map<Long, StatementCalls> calls = new HashMap<>();
            try (Statement s = statsConnection.createStatement(); ResultSet rs = s.executeQuery(
                    "select queryid, calls, query from pg_stat_statements s join pg_database d on d.oid = s.dbid "
                            + "where d.datname = current_database() and s.query not like '%pg_stat%'")) {
                while (rs.next()) {
                    calls.merge(rs.getLong(1), new StatementCalls(rs.getString(3), rs.getLong(2)),
                            (a, b) -> new StatementCalls(a.query(), a.calls() + b.calls()));
                }
            }
            return calls;
        } catch (SQLException e) {
            statementStats = false;
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (statsConnection != null) {
            try {
                statsConnection.close();
            } catch (SQLException ignored) {
                // closing is best effort
            }
        }
    }

    boolean knowsApp() {
        return appPid > 0;
    }

    boolean knowsDb() {
        return dbPid > 0;
    }

    Snapshot take() {
        long[] machine = machine();
        Set<Long> dbTree = new HashSet<>();
        long db = dbPid > 0 ? treeCpu(dbPid, Set.of(), dbTree) : -1;
        long app = appPid > 0 ? treeCpu(appPid, dbTree, new HashSet<>()) : -1;
        long broker = brokerPid > 0 ? treeCpu(brokerPid, Set.of(), new HashSet<>()) : -1;
        long self = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        long[] stats = dbStats();
        return new Snapshot(System.nanoTime(), machine[0], machine[1], machine[2], self, app, db, broker, stats[0],
                stats[1], statementStats());
    }

    Usage between(Snapshot a, Snapshot b) {
        double wall = b.nanoTime() - a.nanoTime();
        if (wall <= 0) {
            return Usage.UNKNOWN;
        }
        boolean ticks = a.machineTotal() >= 0 && b.machineTotal() > a.machineTotal();
        double machine = !ticks ? Double.NaN
                : (double) (b.machineBusy() - a.machineBusy()) / (b.machineTotal() - a.machineTotal()) * cores;
        double steal = !ticks ? Double.NaN
                : (double) (b.machineSteal() - a.machineSteal()) / (b.machineTotal() - a.machineTotal()) * cores;
        return new Usage(machine, steal, cores(a.self(), b.self(), wall), cores(a.app(), b.app(), wall),
                cores(a.db(), b.db(), wall), cores(a.broker(), b.broker(), wall), perSecond(a.xacts(), b.xacts(), wall),
                perSecond(a.buffers(), b.buffers(), wall), statementsBetween(a, b, wall));
    }

    private static List<StatementCalls> statementsBetween(Snapshot a, Snapshot b, double wallNanos) {
        if (a.statements() == null || b.statements() == null) {
            return List.of();
        }
        List<StatementCalls> calls = new ArrayList<>();
        b.statements().forEach((id, after) -> {
            double before = a.statements().containsKey(id) ? a.statements().get(id).calls() : 0;
            if (after.calls() > before) {
                calls.add(new StatementCalls(after.query(), (after.calls() - before) / (wallNanos / 1e9)));
            }
        });
        calls.sort(Comparator.comparingDouble(StatementCalls::calls).reversed());
        return calls;
    }

    private static double perSecond(long a, long b, double wallNanos) {
        return a < 0 || b < 0 ? Double.NaN : Math.max(0, b - a) / (wallNanos / 1e9);
    }

    private static double cores(long a, long b, double wall) {
        return a < 0 || b < 0 ? Double.NaN : Math.max(0, b - a) / wall;
    }

    /** CPU nanoseconds of a process and its descendants (those still alive), skipping the pids in {@code skip}. */
    private static long treeCpu(long pid, Set<Long> skip, Set<Long> seen) {
        var root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (ProcessHandle p : (Iterable<ProcessHandle>) () -> java.util.stream.Stream
                .concat(java.util.stream.Stream.of(root.get()), root.get().descendants()).iterator()) {
            if (skip.contains(p.pid()) || !seen.add(p.pid())) {
                continue;
            }
            total += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return total;
    }

    /** {busy, total, steal} jiffies of all CPUs from the first line of /proc/stat, or {-1, -1, -1}. */
    private static long[] machine() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new long[] {total - idle, total, steal};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1, -1};
        }
    }
}
