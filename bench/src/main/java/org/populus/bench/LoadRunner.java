package org.populus.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: {@code concurrency} workers on virtual threads, each sending its next request as soon as the
 * previous one has been answered. A warm-up phase is run and discarded, then a measured phase in which every
 * request that both starts and ends inside the window is recorded: successes in an HdrHistogram (microseconds),
 * failures (non-2xx, I/O error, timeout) counted and sampled.
 */
final class LoadRunner {

    /** One worker's way of doing one request. Returns null on success, else a one-line description of the error. */
    interface Worker extends AutoCloseable {
        String call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface WorkerFactory {
        Worker create(int index) throws Exception;
    }

    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);
    private static final int MAX_SAMPLES = 5;

    private final int concurrency;
    private final Duration warmup;
    private final Duration duration;
    private final Duration requestTimeout;
    private final CpuMeter cpu;
    private final PrintStream log;

    LoadRunner(int concurrency, Duration warmup, Duration duration, Duration requestTimeout, CpuMeter cpu,
            PrintStream log) {
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.duration = duration;
        this.requestTimeout = requestTimeout;
        this.cpu = cpu;
        this.log = log;
    }

    private static final class State {
        final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        long ok;
        long errors;
    }

    ScenarioResult run(String key, String title, String detail, WorkerFactory factory) throws InterruptedException {
        log.printf("%n== %s: %s%n   %s%n", key, title, detail);
        List<Worker> workers = new ArrayList<>();
        try {
            for (int i = 0; i < concurrency; i++) {
                workers.add(factory.create(i));
            }
        } catch (Exception e) {
            closeAll(workers);
            String msg = "could not set up worker " + workers.size() + ": " + e;
            log.println("   !!! FAILED: " + msg);
            return ScenarioResult.failed(key, title, detail, msg, List.of());
        }

        LongAdder warmRequests = new LongAdder();
        LongAdder warmErrors = new LongAdder();
        Queue<String> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger sampleCount = new AtomicInteger();
        State[] states = new State[concurrency];
        long start = System.nanoTime();
        long measureStart = start + warmup.toNanos();
        long end = measureStart + duration.toNanos();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();

        Thread[] threads = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            State s = states[w] = new State();
            Worker worker = workers.get(w);
            threads[w] = Thread.ofVirtual().name(key + "-" + w).start(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    if (t0 - end >= 0) {
                        break;
                    }
                    String error;
                    try {
                        error = worker.call();
                    } catch (Exception e) {
                        error = e.toString();
                    }
                    long t1 = System.nanoTime();
                    if (error != null && sampleCount.getAndIncrement() < MAX_SAMPLES) {
                        samples.add(error);
                    }
                    if (t0 - measureStart < 0) {
                        warmRequests.increment();
                        if (error != null) {
                            warmErrors.increment();
                        }
                    } else if (t1 - end <= 0) {
                        if (error == null) {
                            s.ok++;
                            s.histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (t1 - t0) / 1000)));
                        } else {
                            s.errors++;
                        }
                    }
                }
            });
        }

        String failure = null;
        if (!warmup.isZero()) {
            sleepUntil(measureStart);
            long wr = warmRequests.sum();
            long we = warmErrors.sum();
            log.printf("   warm-up: %,d requests, %,d errors%n", wr, we);
            if (wr > 0 && we == wr) {
                failure = "every one of the " + wr + " warm-up requests failed; measurement skipped";
                stop.set(true);
            } else if (wr == 0) {
                log.println("   (no request completed during warm-up: the app is very slow or stuck)");
            }
        }
        CpuMeter.Snapshot c0 = null;
        CpuMeter.Snapshot c1 = null;
        if (failure == null) {
            c0 = cpu.take();
            sleepUntil(end);
            c1 = cpu.take();
        }
        long joinDeadline = System.nanoTime() + requestTimeout.toNanos() + TimeUnit.SECONDS.toNanos(10);
        boolean stuck = false;
        for (Thread t : threads) {
            long left = joinDeadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(Math.max(1, left)))) {
                stuck = true;
            }
        }
        stop.set(true);
        if (stuck) {
            log.println("   (some requests were still running " + requestTimeout.toSeconds()
                    + " s after the end; left behind)");
        } else {
            closeAll(workers);
        }
        if (failure != null) {
            log.println("   !!! FAILED: " + failure);
            samples.forEach(x -> log.println("       " + x));
            return ScenarioResult.failed(key, title, detail, failure, List.copyOf(samples));
        }

        Histogram merged = new Histogram(HIGHEST_MICROS, 3);
        long ok = 0;
        long errors = 0;
        for (State s : states) {
            merged.add(s.histogram);
            ok += s.ok;
            errors += s.errors;
        }
        ScenarioResult r = ScenarioResult.measured(key, title, detail, ok, errors, duration.toNanos() / 1e9, merged,
                cpu.between(c0, c1), List.copyOf(samples));
        log.println("   " + r.oneLine());
        if (errors > 0) {
            log.printf("   !!! %s HAD %,d ERRORS (%.2f%% of requests) !!!%n", key.toUpperCase(java.util.Locale.ROOT),
                    errors, 100.0 * errors / (ok + errors));
            samples.forEach(x -> log.println("       " + x));
        }
        return r;
    }

    private static void closeAll(List<Worker> workers) {
        for (Worker w : workers) {
            try {
                w.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }
}
