package org.populus.api.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Warms the instance up before it reports ready: until its throughput stops rising (at least 30 s), for at most
 * {@code populus.warm-up.duration} (default 60 s), it sends the surfaces' hot read requests
 * ({@link WarmUpRequests}) to itself over loopback, through the whole HTTP stack, as {@link WarmUpCaller} — so the first minute of real traffic is served by compiled code, not by the interpreter.
 * It runs after the server has started and before Spring Boot's readiness state turns to accepting traffic
 * ({@code /actuator/health/readiness}); only reads are sent. {@code 0} turns it off.
 */
@Component
class WarmUp implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final int PATHS_PER_SURFACE = 500;
    /** The warm-up runs at least this long (unless its duration is shorter) before it may stop at a plateau. */
    static final int MIN_SECONDS = 30;

    private final WarmUpCaller caller;
    private final ObjectProvider<WarmUpRequests> surfaces;
    private final ApplicationContext context;
    private final Duration duration;
    private final int concurrency;

    WarmUp(WarmUpCaller caller, ObjectProvider<WarmUpRequests> surfaces, ApplicationContext context,
            @Value("${populus.warm-up.duration:60s}") Duration duration,
            @Value("${populus.warm-up.concurrency:16}") int concurrency) {
        this.caller = caller;
        this.surfaces = surfaces;
        this.context = context;
        this.duration = duration;
        this.concurrency = Math.max(1, concurrency);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after every other runner: the instance is otherwise ready
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        Result result = warmUp();
        if (result.requests() > 0) {
            log.info("Warmed up in {} s: {} requests to {} paths ({} answered 5xx or failed); {} requests/s in the "
                    + "first second, {} in the last", result.seconds(), result.requests(), result.paths(),
                    result.failed(), result.firstSecond(), result.lastSecond());
        }
    }

    /** What the warm-up sent; all zero when it was off or had nothing to send. */
    record Result(int paths, long requests, long failed, long firstSecond, long lastSecond, long seconds) {
        static final Result NONE = new Result(0, 0, 0, 0, 0, 0);
    }

    Result warmUp() throws InterruptedException {
        if (duration.isZero() || duration.isNegative()
                || !(context instanceof WebServerApplicationContext web) || web.getWebServer() == null
                || web.getWebServer().getPort() <= 0) {
            return Result.NONE;
        }
        List<String> paths = new ArrayList<>();
        surfaces.orderedStream().forEach(s -> paths.addAll(s.paths(PATHS_PER_SURFACE)));
        if (paths.isEmpty()) {
            return Result.NONE;
        }
        return send(web.getWebServer().getPort(), paths);
    }

    private Result send(int port, List<String> paths) throws InterruptedException {
        String secret = caller.open();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int seconds = (int) Math.max(1, duration.toSeconds() + 1);
        AtomicLongArray perSecond = new AtomicLongArray(seconds + 1);
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean plateau = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "warm-up");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int w = 0; w < concurrency; w++) {
                int first = w;
                workers.execute(() -> {
                    for (int i = first; System.nanoTime() < end && !plateau.get()
                            && !Thread.currentThread().isInterrupted(); i += concurrency) {
                        HttpRequest request = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + paths.get(i % paths.size())))
                                .header(WarmUpCaller.HEADER, secret).timeout(Duration.ofSeconds(10)).GET().build();
                        try {
                            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status >= 500) {
                                failed.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            failed.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        int second = (int) Math.min(seconds, (System.nanoTime() - start) / 1_000_000_000L);
                        perSecond.incrementAndGet(second);
                    }
                });
            }
            workers.shutdown();
            // stop early once the compiled code stops getting faster: no more than 5 % more requests in the last
            // three seconds than in the three before
            while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                int done = (int) ((System.nanoTime() - start) / 1_000_000_000L);
                if (done >= MIN_SECONDS && rising(perSecond, done) <= 1.05) {
                    plateau.set(true);
                    break;
                }
                if (System.nanoTime() > end + 15_000_000_000L) {
                    break;
                }
            }
            if (!workers.awaitTermination(15, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } finally {
            caller.close();
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
        long total = 0;
        for (int s = 0; s <= seconds; s++) {
            total += perSecond.get(s);
        }
        int last = (int) Math.max(0, Math.min(seconds, elapsed) - 1); // the last whole second
        return new Result(paths.size(), total, failed.get(), perSecond.get(0), perSecond.get(last), elapsed);
    }

    /** Requests in the last three whole seconds before {@code done} over those in the three before them. */
    static double rising(AtomicLongArray perSecond, int done) {
        long recent = 0;
        long before = 0;
        for (int s = done - 3; s < done; s++) {
            recent += perSecond.get(Math.min(s, perSecond.length() - 1));
            before += perSecond.get(Math.min(s - 3, perSecond.length() - 1));
        }
        return before == 0 ? Double.MAX_VALUE : (double) recent / before;
    }
}
