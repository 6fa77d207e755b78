package org.populus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * CPU time used during a measured phase, in cores (1.0 = one core busy all the time): by the whole machine (from
 * {@code /proc/stat}), by this load generator, and by the app and its database when their pids are known. On a
 * 2-core machine shared by app and load generator this tells how much of the box the load generator itself took.
 */
final class CpuMeter {

    record Snapshot(long nanoTime, long machineBusy, long machineTotal, long self, long app, long db) {
    }

    /** Cores used between two snapshots; a field is NaN when it could not be measured. */
    record Usage(double machine, double loadGenerator, double app, double db) {
        static final Usage UNKNOWN = new Usage(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private final long appPid;
    private final long dbPid;
    private final int cores = Runtime.getRuntime().availableProcessors();

    CpuMeter(long appPid, long dbPid) {
        this.appPid = appPid;
        this.dbPid = dbPid;
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
        long self = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        return new Snapshot(System.nanoTime(), machine[0], machine[1], self, app, db);
    }

    Usage between(Snapshot a, Snapshot b) {
        double wall = b.nanoTime() - a.nanoTime();
        if (wall <= 0) {
            return Usage.UNKNOWN;
        }
        double machine = a.machineTotal() < 0 || b.machineTotal() <= a.machineTotal() ? Double.NaN
                : (double) (b.machineBusy() - a.machineBusy()) / (b.machineTotal() - a.machineTotal()) * cores;
        return new Usage(machine, cores(a.self(), b.self(), wall), cores(a.app(), b.app(), wall),
                cores(a.db(), b.db(), wall));
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

    /** {busy, total} jiffies of all CPUs from the first line of /proc/stat, or {-1, -1}. */
    private static long[] machine() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }
}
