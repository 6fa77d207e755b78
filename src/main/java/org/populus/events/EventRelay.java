package org.populus.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.populus.history.VersionsRecorded;
import org.populus.platform.db.AdvisoryLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The relay: publishes the outbox after commit. One instance at a time is the active relay: it holds a session-level
 * advisory lock on a connection of its own, which PostgreSQL releases when that instance's connection ends (a
 * crash, a {@code kill -9}); the others try to take it every {@code populus.events.standby-interval}, so one takes
 * over within seconds.
 *
 * <p>The active relay reads the oldest rows in id order (for one record, the order its versions committed in, since
 * they are serialised by the record's row lock), publishes their messages in that order, and deletes exactly the
 * rows whose messages the broker confirmed. A broker that is down leaves the rows in place; the relay retries with a
 * growing delay (up to {@link #MAX_BACKOFF}) and resumes by itself. Without a broker the relay deletes the rows
 * instead, so the outbox stays small; the change feed serves the consumers then.
 */
class EventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    static final int LOCK_CLASS = 0x506f7075;
    static final int LOCK_OBJECT = 0x52656c61;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int PURGE_BATCH = 10_000;

    private final DataSource dataSource;
    private final OutboxRepository outbox;
    private final EventMessages messages;
    private final Broker broker;
    private final EventsProperties properties;
    private final boolean enabled;
    private final WakeUp wakeUp = new WakeUp();
    private volatile boolean running;
    private volatile boolean active;
    private Thread thread;

    /**
     * @param broker null when no broker is configured: the outbox is purged
     * @param enabled false for an instance that never relays ({@code populus.events.relay.enabled})
     */
    EventRelay(DataSource dataSource, OutboxRepository outbox, EventMessages messages, Broker broker,
            EventsProperties properties, boolean enabled) {
        this.enabled = enabled;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.messages = messages;
        this.broker = broker;
        this.properties = properties;
    }

    /**
     * A transaction of this instance appended versions, and so wrote outbox rows: an idle active relay looks at once
     * instead of at its next poll (an active relay on another instance polls).
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onVersionsRecorded(VersionsRecorded recorded) {
        wakeUp.signal();
    }

    /** Whether this instance is the active relay now. */
    boolean active() {
        return active;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        thread = new Thread(this::run, "populus-events-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the data source closes, starts after it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private void run() {
        while (running) {
            try (Connection lock = dataSource.getConnection()) {
                lock.setAutoCommit(true);
                if (AdvisoryLocks.tryHoldExclusive(lock, LOCK_CLASS, LOCK_OBJECT)) {
                    active = true;
                    log.info("This instance is the active events relay ({})",
                            broker == null ? "no broker: the outbox is purged" : "publishing");
                    try {
                        relayWhileHolding(lock);
                    } finally {
                        active = false;
                        try {
                            AdvisoryLocks.releaseAll(lock);
                        } catch (SQLException e) {
                            // the connection is gone, and the lock with it
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Events relay: {}", e.toString());
                }
            }
            sleep(properties.standbyInterval());
        }
    }

    /**
     * Relays while this instance holds the lock. Every read and delete of the outbox runs on the lock's own
     * connection: if that connection is lost (and the lock with it, so another instance may take over), the relay
     * deletes nothing more and steps down at the next statement. The rows a round's confirmations cover are deleted
     * by the next round's statement (at once when there was more to read, within a poll interval when idle), and
     * before the relay lets go of the lock.
     *
     * <p>That connection's commits do not wait for the disk ({@code synchronous_commit} off, for it alone): the
     * relay only deletes, and a delete a crash takes back leaves rows whose messages the broker had confirmed, which
     * the next relay publishes again with the same message ids — what at-least-once already allows after a crash.
     * The write paths' commits, which must wait, no longer share the disk with a flush per relay round.
     */
    private void relayWhileHolding(Connection lock) throws SQLException {
        OutboxRepository outbox = this.outbox.on(lock);
        withoutCommitWait(lock, () -> {
            Duration backoff = properties.pollInterval();
            List<Long> confirmed = new ArrayList<>();
            while (running) {
                Round round = broker == null ? purge(outbox) : publish(outbox, confirmed);
                switch (round) {
                    case MORE -> backoff = properties.pollInterval();
                    case IDLE -> {
                        backoff = properties.pollInterval();
                        if (broker == null) {
                            sleep(properties.standbyInterval());
                        } else {
                            awaitWork(properties.pollInterval());
                        }
                    }
                    case FAILED -> {
                        sleep(backoff);
                        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                                : backoff.multipliedBy(2);
                    }
                }
            }
            outbox.delete(confirmed);
        });
    }

    /**
     * Runs {@code work} with the connection's {@code synchronous_commit} off, then sets it back to the server's
     * setting however the work ended, so the pool does not hand it to a write path that must wait for its commits.
     */
    static void withoutCommitWait(Connection connection, Runnable work) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("set synchronous_commit = off");
        }
        try {
            work.run();
        } finally {
            try (var statement = connection.createStatement()) {
                statement.execute("reset synchronous_commit");
            } catch (SQLException e) {
                // only a connection that is gone refuses it; the pool discards such a connection
                log.debug("Events relay: synchronous_commit not reset on a failed connection: {}", e.toString());
            }
        }
    }

    private enum Round { MORE, IDLE, FAILED }

    /**
     * One round: delete the rows {@code confirmed} holds (the previous round's) and read the oldest others, publish
     * them, and leave in {@code confirmed} those the broker confirmed.
     */
    private Round publish(OutboxRepository outbox, List<Long> confirmed) {
        List<OutboxEntry> entries = outbox.deleteConfirmedAndReadNext(confirmed, properties.batchSize());
        confirmed.clear();
        if (entries.isEmpty()) {
            return Round.IDLE;
        }
        List<OutgoingMessage> batch = new ArrayList<>();
        int[] lastMessage = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            batch.addAll(messages.of(entries.get(i)));
            lastMessage[i] = batch.size();
        }
        int published = broker.publish(batch);
        for (int i = 0; i < entries.size() && lastMessage[i] <= published; i++) {
            confirmed.add(entries.get(i).id());
        }
        return confirmed.size() < entries.size() ? Round.FAILED : Round.MORE;
    }

    private Round purge(OutboxRepository outbox) {
        return outbox.purge(PURGE_BATCH) == 0 ? Round.IDLE : Round.MORE;
    }

    private void awaitWork(Duration atMost) {
        try {
            wakeUp.await(atMost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
