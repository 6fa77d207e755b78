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
 *
 * <p>Paced (open-loop) variant: with a rate, request {@code k} is due at {@code start + k / rate}; a free worker
 * takes the next due request and waits for its time. Latency is then counted from the time the request was due,
 * not from when a worker got round to it, so a server that falls behind the schedule shows it in the percentiles
 * (no coordinated omission).
 */
final class LoadRunner {

    /** One worker's way of doing one request. Returns null on success, else a one-line description of the error. */
    interface Worker extends AutoCloseable {
        String call() throws Exception;

        /**
         * Told, right after each {@link #call()}, which phase that request fell in and whether it succeeded: lets a
         * worker keep its own per-request records (e.g. registrations whose processing is measured afterwards).
         */
        default void counted(Phase phase, boolean ok) {
        }

        @Override
        default void close() throws Exception {
        }
    }

    /** Where a request fell: warm-up, measured window (started and ended inside it), or ended after the window. */
    enum Phase { WARMUP, MEASURED, AFTER }

    /** Called by {@link #run} on its own thread at the start and at the end of the measured window. */
    interface Listener {
        Listener NONE = new Listener() {
        };

        default void windowStarted() {
        }

        default void windowEnded() {
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
        return run(key, title, detail, factory, 0, Listener.NONE);
    }

    /**
     * @param rate requests per second for the paced (open-loop) variant, 0 for closed loop
     * @param listener told when the measured window starts and ends
     */
    ScenarioResult run(String key, String title, String detail, WorkerFactory factory, double rate,
            Listener listener) throws InterruptedException {
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
        var tickets = new java.util.concurrent.atomic.AtomicLong();

        Thread[] threads = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            State s = states[w] = new State();
            Worker worker = workers.get(w);
            threads[w] = Thread.ofVirtual().name(key + "-" + w).start(() -> {
                while (!stop.get()) {
                    long t0;
                    if (rate > 0) {
                        // the next request due; latency counts from when it was due
                        t0 = start + (long) (tickets.getAndIncrement() * 1e9 / rate);
                        if (t0 - end >= 0) {
                            break;
                        }
                        try {
                            sleepUntil(t0, stop);
                        } catch (InterruptedException e) {
                            break;
                        }
                        if (stop.get() || System.nanoTime() - end >= 0) {
                            break; // behind schedule at the end of the window: what is still due is dropped
                        }
                    } else {
                        t0 = System.nanoTime();
                    }
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
                    Phase phase;
                    if (t0 - measureStart < 0) {
                        phase = Phase.WARMUP;
                        warmRequests.increment();
                        if (error != null) {
                            warmErrors.increment();
                        }
                    } else if (t1 - end <= 0) {
                        phase = Phase.MEASURED;
                        if (error == null) {
                            s.ok++;
                            s.histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (t1 - t0) / 1000)));
                        } else {
                            s.errors++;
                        }
                    } else {
                        phase = Phase.AFTER;
                    }
                    worker.counted(phase, error == null);
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
            listener.windowStarted();
            c0 = cpu.take();
            sleepUntil(end);
            c1 = cpu.take();
            listener.windowEnded();
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

    private static void sleepUntil(long nanoTime, java.util.concurrent.atomic.AtomicBoolean stop)
            throws InterruptedException {
        long left;
        while (!stop.get() && (left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }
}
