package org.populus.bench;

import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The Census API v1 scenarios: GET {@code N@census}, GET with {@code version_at} against people with a long
 * history, and registrations with the time their asynchronous processing takes (202 → {@code enabled}).
 */
final class CensusScenarios {

    /** Poll interval while waiting for the queue during preparation and draining. */
    private static final Duration POLL = Duration.ofMillis(10);
    /** Poll interval while waiting for the queue to drain after a registration run (a query over all its people). */
    private static final Duration DRAIN_POLL = Duration.ofMillis(50);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final Api api;
    private final Database db;
    private final CensusPeople people;
    private final AtomicLong nextNumber;
    private final PrintStream log;

    CensusScenarios(Api api, Database db, CensusPeople people, AtomicLong nextNumber, PrintStream log) {
        this.api = api;
        this.db = db;
        this.people = people;
        this.nextNumber = nextNumber;
        this.log = log;
    }

    private static SplittableRandom random(long seed, int scenario, int worker) {
        return new SplittableRandom(seed * 1_000_003L + scenario * 10_007L + worker);
    }

    private long nextNumber() {
        long n = nextNumber.getAndIncrement();
        if (n > CensusPeople.MAX_NUMBER) {
            throw new IllegalStateException("DNI numbers exhausted (8 digits)");
        }
        return n;
    }

    private static boolean isPerson(HttpResponse<byte[]> r) {
        byte[] b = r.body();
        String prefix = "{\"person_id\":";
        if (b == null || b.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A GET worker: 200 with a person object ({@code {"person_id":…}}). */
    private LoadRunner.Worker get(java.util.function.Supplier<java.net.http.HttpRequest> next) {
        return () -> {
            HttpResponse<byte[]> r = api.send(next.get());
            if (r.statusCode() != 200) {
                return Api.describe(r);
            }
            return isPerson(r) ? null : "answer is not a person: " + Api.describe(r);
        };
    }

    // ---- census-get ----------------------------------------------------------------------------------------------

    /** {@code GET /api/v1/people/{id}@census} of a random loaded individual. */
    LoadRunner.WorkerFactory getPerson(Population pop, long seed) {
        return w -> {
            SplittableRandom r = random(seed, 11, w);
            return get(() -> api.censusGet(pop.id(r.nextInt(pop.size())) + "@census", null));
        };
    }

    // ---- census-version-at ---------------------------------------------------------------------------------------

    /** A person prepared with a known history: versions were recorded between {@code from} and {@code to}. */
    record HistoryPerson(long id, long number, Instant from, Instant to, long versions) {
        String qualifiedId() {
            return id + "@census";
        }
    }

    /**
     * Registers {@code count} people and gives each {@code versions} versions: the registration writes two (pending,
     * then enabled when the queue accepts it), each accepted data change (a new address) one more. Every change is
     * sent only once the previous one has been processed (a pending data change would otherwise be replaced, not
     * added). The people are prepared in parallel.
     */
    List<HistoryPerson> prepareHistory(int count, int versions) throws InterruptedException {
        List<HistoryPerson> out = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<String> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofVirtual().name("history-" + i).start(() -> {
                try {
                    out.add(preparePerson(versions));
                } catch (Exception e) {
                    failure.compareAndSet(null, e.getMessage() == null ? e.toString() : e.getMessage());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new Api.SetupException("Preparing the people with " + versions + " versions failed: "
                    + failure.get());
        }
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return List.copyOf(out);
    }

    private HistoryPerson preparePerson(int versions) throws Exception {
        long n = nextNumber();
        HttpResponse<byte[]> r = api.send(api.censusRegister(people.registrationForm(n)));
        long id = Api.personId(r);
        if (r.statusCode() != 202 || id <= 0) {
            throw new IllegalStateException("registration refused: " + Api.describe(r));
        }
        // the person exists (version 1, pending) from before the 202: every instant from now on finds a version
        Instant from = Instant.now();
        String qid = id + "@census";
        awaitPerson(qid, "state \"enabled\"", body -> body.contains("\"state\":\"enabled\""));
        for (int change = 1; change <= versions - 2; change++) {
            HttpResponse<byte[]> p = api.send(api.censusPatch(qid, CensusPeople.addressChangeForm(n, change)));
            if (p.statusCode() != 202) {
                throw new IllegalStateException("data change " + change + " not accepted: " + Api.describe(p));
            }
            String expected = "\"address\":" + new PersonGenerator.Json(64).string(
                    CensusPeople.changedAddress(n, change));
            awaitPerson(qid, "data change " + change + " processed", body -> body.contains(expected));
        }
        Instant to = Instant.now();
        long recorded = db == null ? -1 : db.versionCount(id);
        return new HistoryPerson(id, n, from, to, recorded);
    }

    /** Polls {@code GET N@census} until the body satisfies the condition (the queue has processed something). */
    private void awaitPerson(String qid, String what, java.util.function.Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        HttpResponse<byte[]> r;
        do {
            r = api.send(api.censusGet(qid, null));
            if (r.statusCode() == 200 && done.test(Api.body(r))) {
                return;
            }
            Thread.sleep(POLL);
        } while (System.nanoTime() - deadline < 0);
        throw new IllegalStateException(qid + ": no " + what + " within " + STEP_TIMEOUT.toSeconds()
                + " s (is the procedure queue running?); last answer: " + Api.describe(r));
    }

    /** Plain {@code GET N@census} of one of the prepared people. */
    LoadRunner.WorkerFactory historyGet(List<HistoryPerson> prepared, long seed) {
        return w -> {
            SplittableRandom r = random(seed, 12, w);
            return get(() -> api.censusGet(prepared.get(r.nextInt(prepared.size())).qualifiedId(), null));
        };
    }

    /** {@code GET N@census?version_at=<instant>}, the instant uniform over the prepared person's history. */
    LoadRunner.WorkerFactory versionAt(List<HistoryPerson> prepared, long seed) {
        return w -> {
            SplittableRandom r = random(seed, 13, w);
            return get(() -> {
                HistoryPerson p = prepared.get(r.nextInt(prepared.size()));
                long span = Math.max(1, ChronoUnit.MICROS.between(p.from(), p.to()));
                Instant at = p.from().plus(r.nextLong(span + 1), ChronoUnit.MICROS);
                return api.censusGet(p.qualifiedId(), at.toString());
            });
        };
    }

    // ---- census-register -----------------------------------------------------------------------------------------

    /** One accepted registration: the person, when its 202 arrived (µs since the epoch), and its phase. */
    private record Registered(long personId, long t202Micros, LoadRunner.Phase phase) {
    }

    /** What a registration run measured about the processing behind the 202s. */
    record Processing(
            String key,
            String title,
            double offeredRate,
            long accepted,
            long measured,
            double windowSeconds,
            long enabledInWindow,
            long backlogStart,
            long backlogMax,
            long backlogEnd,
            long notEnabledAtEnd,
            double drainSeconds,
            boolean drained,
            long lagCount,
            long enabledBefore202,
            double lagP50,
            double lagP95,
            double lagP99,
            double lagMax,
            double lagMean,
            long stuck,
            List<String> stuckSamples,
            String failedTasks,
            String failure) {

        double enabledPerSecond() {
            return windowSeconds > 0 ? enabledInWindow / windowSeconds : 0;
        }

        boolean measuredLag() {
            return failure == null && lagCount > 0;
        }

        boolean hasProblem() {
            return failure != null || stuck > 0 || failedTasks != null;
        }

        /**
         * The queue kept up when, over the measured window, it enabled people at least at 95 % of the rate they
         * were registered and ended the window with less than one second's worth of registrations queued.
         */
        boolean keptUp(double requestRate) {
            return measuredLag() && enabledPerSecond() >= 0.95 * requestRate
                    && backlogEnd <= Math.max(10, Math.ceil(requestRate));
        }

        static Processing failed(String key, String title, double rate, String failure) {
            return new Processing(key, title, rate, 0, 0, 0, 0, -1, -1, -1, -1, Double.NaN, false, 0, 0, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, List.of(), null, failure);
        }
    }

    /** The request side, and the processing side (null when not measured: no database, or the scenario failed). */
    record RegistrationRun(ScenarioResult result, Processing processing) {
    }

    /**
     * Workers POST registrations for the scenario's duration (closed loop, or paced at {@code rate} per second);
     * each keeps, per accepted registration, the person id and the wall-clock time the 202 arrived. Meanwhile one
     * connection samples the queue's backlog ({@code procedure_task} rows) twice a second. After the window the
     * queue is given {@code drainTimeout} to finish, then the lag of every registration measured in the window is
     * read from the history: acceptance time (the enabling version's {@code recorded_at}) minus 202 time. Nothing
     * polls the people during the run.
     */
    RegistrationRun register(LoadRunner runner, String key, String title, double rate, int workers,
            Duration drainTimeout) throws InterruptedException {
        Queue<Registered> registered = new ConcurrentLinkedQueue<>();
        String detail = "POST " + Api.CENSUS_LOCALE_PEOPLE + ", form-urlencoded person[...] + origin_qualified_id"
                + " (the Decidim connector's shape), distinct DNI/name+birth date/e-mail each; "
                + (rate > 0 ? String.format(Locale.ROOT, "paced at %,.0f registrations/s (open loop, up to %d in "
                        + "flight, latency from the time each request was due)", rate, workers)
                        : "closed loop, " + workers + " workers");
        LoadRunner.WorkerFactory factory = w -> new LoadRunner.Worker() {
            private long lastId = -1;
            private long lastT202;

            @Override
            public String call() throws Exception {
                lastId = -1;
                HttpResponse<byte[]> r = api.send(api.censusRegister(people.registrationForm(nextNumber())));
                long t202 = micros(Instant.now());
                if (r.statusCode() != 202) {
                    return Api.describe(r);
                }
                long id = Api.personId(r);
                if (id <= 0) {
                    return "202 without person_id: " + Api.describe(r);
                }
                lastId = id;
                lastT202 = t202;
                return null;
            }

            @Override
            public void counted(LoadRunner.Phase phase, boolean ok) {
                if (ok && lastId > 0) {
                    registered.add(new Registered(lastId, lastT202, phase));
                }
            }
        };

        if (db == null) {
            // without the database there is no history to read the lag from: throughput and latency only
            return new RegistrationRun(runner.run(key, title, detail, factory, rate, LoadRunner.Listener.NONE), null);
        }

        Connection watch;
        try {
            watch = db.connect();
        } catch (SQLException e) {
            ScenarioResult r = runner.run(key, title, detail, factory, rate, LoadRunner.Listener.NONE);
            return new RegistrationRun(r, Processing.failed(key, title, rate, "database: " + e.getMessage()));
        }
        try (watch) {
            Sampler sampler = new Sampler(watch, registered);
            ScenarioResult result = runner.run(key, title, detail, factory, rate, sampler);
            if (result.failure() != null || sampler.windowEnd == 0) {
                return new RegistrationRun(result, null); // the failure is the scenario's
            }
            return new RegistrationRun(result, afterRun(key, title, rate, registered, sampler, watch, drainTimeout));
        } catch (SQLException e) {
            throw new Api.SetupException("Database error while measuring the registrations' processing: " + e, e);
        }
    }

    /** Backlog samples during the measured window, and the registrations not yet enabled at its end. */
    private final class Sampler implements LoadRunner.Listener {
        private final Connection c;
        private final Object lock = new Object();
        volatile long windowStart;
        volatile long windowEnd;
        volatile long windowEndNanos;
        volatile long backlogStart = -1;
        volatile long backlogMax = -1;
        volatile long backlogEnd = -1;
        volatile long notEnabledAtEnd = -1;
        volatile String error;
        private volatile boolean running;
        private Thread thread;
        private final Queue<Registered> registered;

        Sampler(Connection c, Queue<Registered> registered) {
            this.c = c;
            this.registered = registered;
        }

        private long backlog() {
            synchronized (lock) {
                try {
                    return Database.queueBacklog(c);
                } catch (SQLException e) {
                    error = e.toString();
                    return -1;
                }
            }
        }

        @Override
        public void windowStarted() {
            windowStart = micros(Instant.now());
            backlogStart = backlog();
            backlogMax = backlogStart;
            running = true;
            thread = Thread.ofVirtual().name("queue-backlog").start(() -> {
                while (running) {
                    try {
                        TimeUnit.MILLISECONDS.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (running) {
                        backlogMax = Math.max(backlogMax, backlog());
                    }
                }
            });
        }

        @Override
        public void windowEnded() {
            windowEnd = micros(Instant.now());
            windowEndNanos = System.nanoTime();
            running = false;
            backlogEnd = backlog();
            backlogMax = Math.max(backlogMax, backlogEnd);
            {
                long[] ids = registered.stream().mapToLong(Registered::personId).toArray();
                synchronized (lock) {
                    try {
                        notEnabledAtEnd = Database.notEnabled(c, ids);
                    } catch (SQLException e) {
                        error = e.toString();
                    }
                }
            }
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    private Processing afterRun(String key, String title, double rate, Queue<Registered> registered, Sampler s,
            Connection c, Duration drainTimeout) throws SQLException, InterruptedException {
        List<Registered> all = new ArrayList<>(registered);
        long[] ids = all.stream().mapToLong(Registered::personId).toArray();
        // wait for the queue to finish: all enabled, or nothing left queued and nothing moving (stuck), or timeout
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        long pending = Database.notEnabled(c, ids);
        long previous = -1;
        int idle = 0;
        while (pending > 0 && System.nanoTime() - deadline < 0) {
            long queued = Database.queueBacklog(c);
            idle = queued == 0 && pending == previous ? idle + 1 : 0;
            if (idle >= 20) {
                break; // ~1 s with an empty queue and no progress: the rest are held (issues), not waiting
            }
            previous = pending;
            Thread.sleep(DRAIN_POLL);
            pending = Database.notEnabled(c, ids);
        }
        boolean drained = pending == 0;
        double drainSeconds = (System.nanoTime() - s.windowEndNanos) / 1e9;
        log.printf(Locale.ROOT, "   queue: backlog %,d at window start, max %,d, %,d at window end; %s %.1f s after "
                + "the window%n", s.backlogStart, s.backlogMax, s.backlogEnd,
                drained ? "all registrations enabled" : String.format(Locale.ROOT, "%,d registrations NOT enabled",
                        pending), drainSeconds);

        Map<Long, Long> accepted = Database.registrationAcceptedMicros(c, ids);
        Histogram lag = new Histogram(LoadRunner.HIGHEST_MICROS, 3);
        long measured = 0;
        long early = 0;
        long enabledInWindow = 0;
        for (Registered r : all) {
            Long at = accepted.get(r.personId());
            if (at != null && at >= s.windowStart && at <= s.windowEnd) {
                enabledInWindow++;
            }
            if (r.phase() != LoadRunner.Phase.MEASURED) {
                continue;
            }
            measured++;
            if (at == null) {
                continue;
            }
            long l = at - r.t202Micros();
            if (l < 0) {
                early++; // accepted before the client had read the 202: lag 0
            }
            lag.recordValue(Math.min(LoadRunner.HIGHEST_MICROS, Math.max(1, l)));
        }
        List<String> stuckSamples = List.of();
        if (!drained) {
            stuckSamples = Database.notEnabledDetails(c, ids, 5);
        }
        String failedTasks = Database.failedTasks(c);
        boolean any = lag.getTotalCount() > 0;
        Processing p = new Processing(key, title, rate, all.size(), measured, (s.windowEnd - s.windowStart) / 1e6,
                enabledInWindow, s.backlogStart, s.backlogMax, s.backlogEnd, s.notEnabledAtEnd, drainSeconds,
                drained, lag.getTotalCount(), early,
                any ? lag.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                any ? lag.getValueAtPercentile(95) / 1000.0 : Double.NaN,
                any ? lag.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                any ? lag.getMaxValue() / 1000.0 : Double.NaN,
                any ? lag.getMean() / 1000.0 : Double.NaN,
                pending, stuckSamples, failedTasks, s.error == null ? null : "database: " + s.error);
        log.printf(Locale.ROOT, "   processing lag (202 -> enabled) of %,d registrations: p50 %s ms, p95 %s ms, "
                + "p99 %s ms, max %s ms; %,.1f enabled/s during the window%n", p.lagCount(),
                ScenarioResult.ms(p.lagP50()), ScenarioResult.ms(p.lagP95()), ScenarioResult.ms(p.lagP99()),
                ScenarioResult.ms(p.lagMax()), p.enabledPerSecond());
        if (pending > 0) {
            log.printf("   !!! %,d REGISTRATIONS NOT ENABLED (%s) !!!%n", pending,
                    drained ? "" : System.nanoTime() - deadline >= 0 ? "drain timeout" : "held: nothing queued");
            stuckSamples.forEach(x -> log.println("       " + x));
        }
        if (failedTasks != null) {
            log.println("   !!! " + failedTasks);
        }
        return p;
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }
}
