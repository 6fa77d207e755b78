package org.populus.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
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
 * relay, the broker's confirm and the delivery). When the database tracks commit timestamps
 * ({@code track_commit_timestamp}, which run.sh turns on with EVENTS=1), also the lag from the commit of the
 * version's transaction ({@code pg_xact_commit_timestamp(xmin)}): the relay's and the broker's part alone, without
 * the writing transaction's own duration (long for the procedure queue, which commits up to 20 procedures at once).
 * Per write scenario, the events of the versions recorded in its measured window are counted against the versions
 * the database holds for that window.
 */
final class EventsLag implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A change event received: the version it is about, when that was recorded and when the event arrived. */
    private record Arrival(String kind, long subjectId, int version, long recordedAtMicros, long arrivedAtMicros) {

        long lagMicros() {
            return arrivedAtMicros - recordedAtMicros;
        }
    }

    /** Percentiles of one lag, in ms; NaN when not measured. */
    record Lag(double p50, double p95, double p99, double max) {

        static Lag of(Histogram h) {
            return h.getTotalCount() == 0 ? new Lag(Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                    : new Lag(h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                            h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
        }
    }

    /**
     * One scenario's window: versions recorded, their events received, the lag of those events from the versions'
     * recording and (when commit timestamps are tracked) from their commit.
     */
    record Window(String key, String title, long versions, long events, long duplicates, Lag fromRecording,
            Lag fromCommit, String failure) {

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
                arrivals.add(arrival(delivery.getBody(), now));
            } catch (RuntimeException e) {
                unreadable.incrementAndGet();
            }
        }, tag -> { });
    }

    /**
     * A structured-mode CloudEvent ({@code type org.populus.<kind>.changed}, {@code data.id}, {@code data.version},
     * {@code data.recorded_at}) that arrived at {@code arrivedAtMicros}.
     */
    private static Arrival arrival(byte[] body, long arrivedAtMicros) {
        JsonNode root = JSON.readTree(body);
        String type = root.get("type").asString();
        String kind = type.substring("org.populus.".length(), type.length() - ".changed".length());
        JsonNode data = root.get("data");
        Instant at = Instant.parse(data.get("recorded_at").asString());
        return new Arrival(kind, data.get("id").asLong(), data.get("version").asInt(),
                ChronoUnit.MICROS.between(Instant.EPOCH, at), arrivedAtMicros);
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
        String failure = unreadable.get() > 0 ? unreadable.get() + " events could not be read" : null;
        Map<String, Long> committedAt = Map.of();
        long versions;
        try {
            versions = versionsRecorded(db, from, to);
            committedAt = commitTimes(db, from, to);
        } catch (SQLException e) {
            versions = 0;
            failure = "could not count the versions: " + e.getMessage();
        }
        Histogram fromRecording = new Histogram(LoadRunner.HIGHEST_MICROS, 3);
        Histogram fromCommit = new Histogram(LoadRunner.HIGHEST_MICROS, 3);
        long events = 0;
        for (Arrival a : arrivals) {
            if (a.recordedAtMicros() >= fromMicros && a.recordedAtMicros() < toMicros) {
                events++;
                record(fromRecording, a.lagMicros());
                Long commit = committedAt.get(a.kind() + ":" + a.subjectId() + ":" + a.version());
                if (commit != null) {
                    record(fromCommit, a.arrivedAtMicros() - commit);
                }
            }
        }
        return new Window(key, title, versions, events, Math.max(0, events - versions), Lag.of(fromRecording),
                Lag.of(fromCommit), failure);
    }

    private static void record(Histogram h, long micros) {
        h.recordValue(Math.min(LoadRunner.HIGHEST_MICROS, Math.max(1, micros)));
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

    /**
     * When each version recorded in the window committed, keyed {@code kind:id:version}, in epoch micros; empty
     * when the server does not track commit timestamps (a version whose time it no longer knows is left out).
     */
    private static Map<String, Long> commitTimes(Database db, Instant from, Instant to) throws SQLException {
        try (java.sql.Connection c = db.connect()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show track_commit_timestamp")) {
                if (!rs.next() || !"on".equals(rs.getString(1))) {
                    return Map.of();
                }
            }
            Map<String, Long> times = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select subject_type, subject_id, version, "
                    + "(extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000000)::bigint "
                    + "from record_version where recorded_at >= ? and recorded_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long micros = rs.getLong(4);
                        if (!rs.wasNull()) {
                            times.put(rs.getString(1) + ":" + rs.getLong(2) + ":" + rs.getInt(3), micros);
                        }
                    }
                }
            }
            return times;
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
