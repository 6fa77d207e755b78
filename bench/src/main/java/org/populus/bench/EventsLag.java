package org.populus.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lag from a registrant's or household's version being recorded to its change event reaching a consumer: a
 * server-named, exclusive queue bound to {@code populus.#} on Populus's events exchange receives every CloudEvent;
 * each one's lag is its arrival time minus the {@code recorded_at} of the version it carries (the version's time
 * is taken inside the writing transaction, so the lag covers the rest of the transaction, the commit, the outbox
 * relay, the broker's confirm and the delivery). Per write scenario, the events of the versions recorded in its
 * measured window are counted against the versions the database holds for that window.
 */
final class EventsLag implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Arrival(long recordedAtMicros, long lagMicros) {
    }

    /** One scenario's window: versions recorded, their events received, and the lag of those events. */
    record Window(String key, String title, long versions, long events, long duplicates, double p50, double p95,
            double p99, double max, String failure) {

        boolean hasProblem() {
            return failure != null || events < versions;
        }
    }

    private final Connection connection;
    private final Channel channel;
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicLong lastArrivalNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong unreadable = new AtomicLong();

    EventsLag(String uri, String exchange) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        connection = factory.newConnection("populus-bench-events-lag");
        channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, exchange, "populus.#");
        channel.basicConsume(queue, true, (tag, delivery) -> {
            long now = nowMicros();
            lastArrivalNanos.set(System.nanoTime());
            try {
                long recorded = recordedAtMicros(delivery.getBody());
                arrivals.add(new Arrival(recorded, now - recorded));
            } catch (RuntimeException e) {
                unreadable.incrementAndGet();
            }
        }, tag -> { });
    }

    /** {@code data.recorded_at} of a structured-mode CloudEvent, or {@code recorded_at} of a binary-mode body. */
    static long recordedAtMicros(byte[] body) {
        JsonNode root = JSON.readTree(body);
        JsonNode data = root.has("specversion") ? root.get("data") : root;
        Instant at = Instant.parse(data.get("recorded_at").asString());
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    /**
     * The events of the versions recorded in {@code [from, to)}: waits until no event has arrived for 2 s (at most
     * {@code settle}), then compares them with the versions the database recorded in that window.
     */
    Window measure(String key, String title, Instant from, Instant to, Duration settle, Database db) {
        long deadline = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < deadline
                && System.nanoTime() - lastArrivalNanos.get() < Duration.ofSeconds(2).toNanos()) {
            sleep(200);
        }
        long fromMicros = ChronoUnit.MICROS.between(Instant.EPOCH, from);
        long toMicros = ChronoUnit.MICROS.between(Instant.EPOCH, to);
        Histogram lag = new Histogram(LoadRunner.HIGHEST_MICROS, 3);
        long events = 0;
        for (Arrival a : arrivals) {
            if (a.recordedAtMicros() >= fromMicros && a.recordedAtMicros() < toMicros) {
                events++;
                lag.recordValue(Math.min(LoadRunner.HIGHEST_MICROS, Math.max(1, a.lagMicros())));
            }
        }
        long versions;
        String failure = unreadable.get() > 0 ? unreadable.get() + " events could not be read" : null;
        try {
            versions = versionsRecorded(db, from, to);
        } catch (SQLException e) {
            versions = 0;
            failure = "could not count the versions: " + e.getMessage();
        }
        boolean any = lag.getTotalCount() > 0;
        return new Window(key, title, versions, events, Math.max(0, events - versions),
                any ? lag.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                any ? lag.getValueAtPercentile(95) / 1000.0 : Double.NaN,
                any ? lag.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                any ? lag.getMaxValue() / 1000.0 : Double.NaN, failure);
    }

    private static long versionsRecorded(Database db, Instant from, Instant to) throws SQLException {
        try (java.sql.Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from record_version where recorded_at >= ? and recorded_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            // the broker went away: nothing left to close
        }
    }
}
