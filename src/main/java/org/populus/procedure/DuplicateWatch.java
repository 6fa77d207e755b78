package org.populus.procedure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.populus.history.History;
import org.populus.person.Registrants;
import org.populus.platform.db.AdvisoryLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matching after every write, from any API or the importer: follows the history's change feed (commit order, no
 * late commit skipped) and, for every individual registered or whose name, birth date, documents, phones or
 * address changed, raises the {@link IssueType#POSSIBLE_DUPLICATE} issues the matching model finds
 * ({@link IssueDetector#checkPossibleDuplicates}). Writes are not slowed by it, and none is missed: its position
 * is kept in {@code matching_position} and moved only after the changes before it were matched (a crash repeats a
 * few, and raising an issue twice keeps one). One instance at a time matches: the one holding a session-level
 * advisory lock on a connection of its own; the others try every {@code populus.matching.standby-interval}.
 */
@Component
class DuplicateWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DuplicateWatch.class);
    static final int LOCK_CLASS = 0x506f7075;
    static final int LOCK_OBJECT = 0x4d617463;
    private static final int BATCH = 200;
    /** The snapshot fields whose change calls for matching again (compared without underscores, in lower case). */
    private static final Set<String> MATCHED = Set.of("data.name", "data.givenname", "data.familyname",
            "data.secondfamilyname", "data.birthdate", "data.gender", "data.address", "data.postalcode",
            "identifiers", "phones");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final History history;
    private final Registrants registrants;
    private final IssueDetector detector;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final Duration standby;
    private final boolean enabled;
    private volatile boolean running;
    private volatile boolean active;
    private Thread thread;

    DuplicateWatch(DataSource dataSource, JdbcClient jdbc, History history, Registrants registrants,
            IssueDetector detector, TransactionTemplate transactions,
            @Value("${populus.matching.interval:250ms}") Duration interval,
            @Value("${populus.matching.standby-interval:2s}") Duration standby,
            @Value("${populus.matching.enabled:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.history = history;
        this.registrants = registrants;
        this.detector = detector;
        this.transactions = transactions;
        this.interval = interval;
        this.standby = standby;
        this.enabled = enabled;
    }

    /** How many versions of the feed this instance's matching has still to read (0 when it is not the active one). */
    long pending() {
        return history.countAfter(position());
    }

    boolean active() {
        return active;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        thread = new Thread(this::run, "duplicate-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection lock = dataSource.getConnection()) {
                if (!AdvisoryLocks.tryHoldExclusive(lock, LOCK_CLASS, LOCK_OBJECT)) {
                    Thread.sleep(standby.toMillis());
                    continue;
                }
                active = true;
                try {
                    while (running) {
                        if (matchOnce() < BATCH) {
                            Thread.sleep(interval.toMillis());
                        }
                    }
                } finally {
                    active = false;
                    AdvisoryLocks.releaseAll(lock);
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Matching the change feed: {}; trying again", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Matches the people of the next changes in the feed; returns how many changes were read. */
    int matchOnce() {
        if (!detector.canMatch()) {
            return 0; // the feed keeps its place until the index can answer
        }
        List<History.Change> changes = history.changesAfter(position(), BATCH);
        for (History.Change change : changes) {
            if (Registrants.HISTORY_SUBJECT.equals(change.subjectType()) && matters(change)) {
                transactions.executeWithoutResult(status -> registrants.find(change.subjectId())
                        .ifPresent(person -> detector.checkPossibleDuplicates(null, person)));
            }
        }
        if (!changes.isEmpty()) {
            History.FeedPosition last = changes.get(changes.size() - 1).position();
            jdbc.sql("update matching_position set txid = ?, seq = ?").params(last.txid(), last.id()).update();
        }
        return changes.size();
    }

    private static boolean matters(History.Change change) {
        return change.version() == 1 || change.changed().stream()
                .map(f -> f.replace("_", "").toLowerCase(Locale.ROOT)).anyMatch(MATCHED::contains);
    }

    private History.FeedPosition position() {
        return jdbc.sql("select txid, seq from matching_position")
                .query((rs, n) -> new History.FeedPosition(rs.getLong(1), rs.getLong(2))).single();
    }
}
