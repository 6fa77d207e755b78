package org.populus.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads N synthetic individuals through the only correct path there is, {@code POST /api/v1/registry/individual/},
 * from many virtual threads at once. Person {@code i} gets National ID {@code NID} + (i + 1) on 9 digits.
 */
final class DataLoader {

    record Result(Population population, int requested, int created, int failed, double seconds,
            List<String> errorSamples) {

        double rate() {
            return seconds > 0 ? created / seconds : 0;
        }
    }

    private static final int MAX_SAMPLES = 5;
    private static final int RETRIES = 3;

    private final Api api;
    private final PersonGenerator generator;
    private final PrintStream log;

    DataLoader(Api api, PersonGenerator generator, PrintStream log) {
        this.api = api;
        this.generator = generator;
        this.log = log;
    }

    Result load(int n, int concurrency) throws InterruptedException {
        long[] ids = new long[n];
        String[] given = new String[n];
        String[] family = new String[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Queue<String> samples = new ConcurrentLinkedQueue<>();
        AtomicReference<String> abort = new AtomicReference<>();
        // give up early rather than hammer an app that refuses everything
        int maxFailures = Math.max(20, n / 100);

        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(concurrency, Math.max(1, n)); w++) {
            workers.add(Thread.ofVirtual().name("load-" + w).start(() -> {
                int i;
                while (abort.get() == null && (i = next.getAndIncrement()) < n) {
                    PersonGenerator.Person p = generator.person(i);
                    String json = generator.individualJson(p, PersonGenerator.nid(i + 1L));
                    String error = null;
                    for (int attempt = 1; attempt <= RETRIES; attempt++) {
                        try {
                            HttpResponse<byte[]> resp = api.send(api.postIndividual(json));
                            if (!Api.ok(resp)) {
                                error = Api.describe(resp);
                                break; // an HTTP answer is final: retrying a refused record cannot help
                            }
                            long id = Api.createdId(resp);
                            if (id <= 0) {
                                error = "answer without an integer \"id\": " + Api.describe(resp);
                                break;
                            }
                            ids[i] = id;
                            given[i] = p.givenName();
                            family[i] = p.familyName();
                            created.incrementAndGet();
                            error = null;
                            break;
                        } catch (IOException e) {
                            error = "POST " + Api.INDIVIDUAL + " failed: " + e;
                            sleep(200L * attempt);
                        }
                    }
                    if (error != null) {
                        int f = failed.incrementAndGet();
                        if (samples.size() < MAX_SAMPLES) {
                            samples.add("person " + i + ": " + error);
                        }
                        if (f >= maxFailures || (f >= 20 && created.get() == 0)) {
                            abort.compareAndSet(null, f + " failures");
                        }
                    }
                }
            }));
        }

        long lastPrint = start;
        int lastCount = 0;
        for (Thread t : workers) {
            while (!t.join(Duration.ofSeconds(1))) {
                long now = System.nanoTime();
                if (now - lastPrint >= TimeUnit.SECONDS.toNanos(5)) {
                    int c = created.get();
                    log.printf("  loading: %,d / %,d created, %,d failed, %,.0f/s now, %,.0f/s overall%n", c, n,
                            failed.get(), (c - lastCount) / ((now - lastPrint) / 1e9), c / ((now - start) / 1e9));
                    lastPrint = now;
                    lastCount = c;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Population.Builder b = new Population.Builder(created.get());
        for (int i = 0; i < n; i++) {
            if (ids[i] > 0) {
                b.add(ids[i], given[i], family[i]);
            }
        }
        List<String> sampleList = new ArrayList<>(samples);
        if (abort.get() != null) {
            sampleList.add(0, "loading stopped early after " + abort.get());
        }
        return new Result(b.build(), n, created.get(), failed.get(), seconds, sampleList);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
