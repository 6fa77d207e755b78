package org.populus.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.populus.platform.db.AdvisoryLocks;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers resolved sessions for a short while ({@code POPULUS_SESSION_CACHE}, default 30 s) so an authenticated
 * request does not need a database round trip to check its session, while ending a session or changing a user
 * still takes effect at once on every instance.
 *
 * <p>Each end or change is announced with PostgreSQL {@code NOTIFY populus_sessions} — {@code sid:<id>} for one
 * session, {@code user:<login>} for everything of a user (its sessions here, its checked passwords in
 * {@link UserAccounts}) — and every instance {@code LISTEN}s on a dedicated connection and forgets what it is told.
 * A change made in a transaction is announced by that transaction, so PostgreSQL delivers it only if and when it
 * commits, and the announcing instance forgets locally only after the commit (forgetting before would let a
 * request re-read the old state). Every listening instance holds a shared advisory lock on its listening connection
 * (so PostgreSQL knows which connections listen) and acknowledges each announcement once it has forgotten what it
 * was told ({@code ack <nonce>}, sent from its listening connection, so the acknowledgement names that connection's
 * backend).
 *
 * <p>The bound ({@code POPULUS_SESSION_ANNOUNCEMENT_BOUND}, default 1 s) makes that hold when an instance stalls
 * (a long pause of its process, a connection that stopped moving):
 * <ul>
 * <li>The listener completes a round trip to the database every quarter of the bound. Everything announced before a
 * round trip starts reaches the listener before that round trip's answer, and is handled before the round trip
 * counts as heard ({@link #listening()}). The caches are used only while the last round trip heard started less
 * than the bound ago; otherwise every session and password is read from the database until the listener has caught
 * up. So an instance that has not heard an announcement within the bound after it was committed no longer uses what
 * it cached before.</li>
 * <li>An announcing instance waits, after the commit, for the acknowledgements of the live listeners only — those
 * whose connection started a statement less than the bound ago ({@code pg_stat_activity}); an instance known to be
 * down is not waited for — and at most for the bound: by then any listener that has not acknowledged has stopped
 * using its caches.</li>
 * </ul>
 *
 * <p>Whenever the connection is not listening, the caches are bypassed (and emptied), so a missed notification
 * can never keep a session or a password alive. A lookup that started before an eviction never stores what it
 * read ({@link #epoch()}).
 */
@Component
class SessionCache implements InitializingBean, DisposableBean {

    static final String CHANNEL = "populus_sessions";
    private static final String SESSION = "sid:";
    private static final String USER = "user:";
    private static final String ACK = "ack ";
    /** The shared advisory lock every listening connection holds: (classid, objid) = ('Popu', 'Sess'). */
    private static final int LOCK_CLASS = 0x506f7075;
    private static final int LOCK_OBJECT = 0x53657373;
    private static final Logger log = LoggerFactory.getLogger(SessionCache.class);

    private final SessionCacheRepository channel;
    private final AdvisoryLocks locks;
    private final long ttlNanos;
    private final Duration bound;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped on every eviction: a lookup started before one must not store what it read. */
    private final AtomicLong epoch = new AtomicLong();
    /** Announcements of this instance waiting for every listener's acknowledgement, by nonce. */
    private final Map<String, Acks> echoes = new ConcurrentHashMap<>();
    private final List<Consumer<String>> userListeners = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    /** When the last round trip the listener has heard (with everything announced before it) started. */
    private volatile long heardAt;
    private volatile boolean stopped;
    private Thread listener;

    SessionCache(SessionCacheRepository channel, AdvisoryLocks locks,
            @Value("${populus.session.cache:30s}") Duration ttl,
            @Value("${populus.session.announcement-bound:1s}") Duration bound) {
        if (bound.toMillis() < 40) {
            throw new IllegalArgumentException("populus.session.announcement-bound must be at least 40ms, not "
                    + bound);
        }
        this.channel = channel;
        this.locks = locks;
        this.ttlNanos = ttl.toNanos();
        this.bound = bound;
    }

    Optional<AuthenticatedUser> resolve(String sid, Supplier<Optional<CachedSession>> load) {
        if (!listening() || ttlNanos <= 0) {
            return load.get().map(CachedSession::user);
        }
        long now = System.nanoTime();
        Entry cached = entries.get(sid);
        if (cached != null && now - cached.cachedAt < ttlNanos && System.currentTimeMillis() < cached.expiresAtMillis) {
            return Optional.of(cached.user);
        }
        long before = epoch.get();
        Optional<CachedSession> loaded = load.get();
        if (loaded.isPresent() && listening() && epoch.get() == before) {
            entries.put(sid, new Entry(loaded.get().user(), loaded.get().expiresAtMillis(), now));
            if (entries.size() > 100_000) {
                entries.clear();
            }
        } else {
            entries.remove(sid);
        }
        return loaded.map(CachedSession::user);
    }

    /**
     * Whether notifications are being received, and in time: the listener is connected and has heard a round trip
     * started less than the bound ago. Caches may only be used while they are; otherwise ask the database.
     */
    boolean listening() {
        return listening && System.nanoTime() - heardAt < bound.toNanos();
    }

    /** Changes with every eviction; a cache may store what it read only if this did not change meanwhile. */
    long epoch() {
        return epoch.get();
    }

    /** Called with the login of every changed user, whichever instance changed it. */
    void onUserChanged(Consumer<String> listener) {
        userListeners.add(listener);
    }

    /** Ends one session on every instance; returns once the other instances have been told. */
    void announceSessionEnd(String sid) {
        announce(SESSION + sid);
    }

    /**
     * Makes every instance forget what it holds of a user (sessions, checked passwords). Inside a transaction this
     * happens when it commits (not at all if it rolls back), and the committing thread waits for the echo.
     */
    void announceUserChange(String login) {
        announce(USER + login);
    }

    private void announce(String target) {
        String nonce = UUID.randomUUID().toString();
        Acks echo = new Acks(liveListeners());
        echoes.put(nonce, echo);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            try {
                publish(target, nonce);
                evict(target);
                awaitEcho(echo);
            } finally {
                echoes.remove(nonce);
            }
            return;
        }
        publish(target, nonce); // PostgreSQL delivers it when (and only if) the transaction commits
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                evict(target);
                awaitEcho(echo);
            }

            @Override
            public void afterCompletion(int status) {
                echoes.remove(nonce);
            }
        });
    }

    private void publish(String target, String nonce) {
        channel.notify(target + " " + nonce);
    }

    /** The backends of the listening connections (this instance's included) that are not known to be down. */
    private Set<Integer> liveListeners() {
        return new HashSet<>(locks.sharedHoldersActiveWithin(LOCK_CLASS, LOCK_OBJECT, bound));
    }

    /**
     * Waits until every live listener has acknowledged, at most the bound: a listener that has not by then no longer
     * uses its caches. Without a listener of its own this instance cannot hear the acknowledgements, so it waits
     * the bound when any other listener is live.
     */
    private void awaitEcho(Acks echo) {
        try {
            if (!echo.await(bound)) {
                log.warn("A session or user change was not acknowledged by every live instance within {}; those "
                        + "that did not answer ask the database until they have heard it", bound);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Handles one notification; returns the nonce to acknowledge, if any. */
    private String received(String payload, int fromBackend) {
        if (payload.startsWith(ACK)) {
            Acks echo = echoes.get(payload.substring(ACK.length()));
            if (echo != null) {
                echo.acknowledged(fromBackend);
            }
            return null;
        }
        int space = payload.lastIndexOf(' ');
        String target = space < 0 ? payload : payload.substring(0, space);
        evict(target);
        return space < 0 ? null : payload.substring(space + 1);
    }

    private void evict(String target) {
        epoch.incrementAndGet();
        if (target.startsWith(SESSION)) {
            entries.remove(target.substring(SESSION.length()));
        } else if (target.startsWith(USER)) {
            String login = target.substring(USER.length());
            entries.values().removeIf(e -> e.user.login().equalsIgnoreCase(login));
            userListeners.forEach(l -> l.accept(login));
        } else { // an announcement of an earlier version: a bare session id or login
            entries.remove(target);
            entries.values().removeIf(e -> e.user.login().equalsIgnoreCase(target));
            userListeners.forEach(l -> l.accept(target));
        }
        epoch.incrementAndGet();
    }

    private void forgetEverything() {
        epoch.incrementAndGet();
        entries.clear();
        userListeners.forEach(l -> l.accept(null));
        epoch.incrementAndGet();
    }

    @Override
    public void afterPropertiesSet() {
        listener = new Thread(this::listen, "populus-session-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void destroy() {
        stopped = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        long heartbeatMillis = Math.max(10, bound.toMillis() / 4);
        while (!stopped) {
            try (Connection c = channel.listeningConnection()) {
                AdvisoryLocks.holdShared(c, LOCK_CLASS, LOCK_OBJECT);
                // a round trip stuck this long means a lost connection: drop it and connect again
                c.setNetworkTimeout(Runnable::run, (int) Math.max(10_000, bound.toMillis() * 10));
                PGConnection pg = c.unwrap(PGConnection.class);
                forgetEverything();
                try (var ack = channel.sender(c); var roundTrip = channel.roundTrip(c)) {
                    while (!stopped) {
                        long started = System.nanoTime();
                        roundTrip.execute(); // what was announced before it arrives before its answer
                        handle(pg.getNotifications(), ack);
                        heardAt = started;
                        listening = true;
                        handle(pg.getNotifications((int) heartbeatMillis), ack);
                    }
                } finally {
                    listening = false;
                    try {
                        channel.unlisten(c);
                        AdvisoryLocks.releaseAll(c);
                    } catch (SQLException e) {
                        // the connection is gone, and with it the lock and the listening
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    log.warn("Session and password caches off until the database notifications are back: {}",
                            e.getMessage());
                }
            } finally {
                listening = false;
                forgetEverything();
            }
            if (!stopped) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void handle(PGNotification[] notifications, PreparedStatement ack) throws SQLException {
        if (notifications == null) {
            return;
        }
        for (PGNotification n : notifications) {
            String nonce = received(n.getParameter(), n.getPID());
            if (nonce != null) {
                ack.setString(2, ACK + nonce);
                ack.execute();
            }
        }
    }

    record CachedSession(AuthenticatedUser user, long expiresAtMillis) {
    }

    /** The acknowledgements an announcement waits for: one from each live listener, by its backend. */
    private static final class Acks {
        private final Set<Integer> waiting;

        Acks(Set<Integer> listeners) {
            waiting = listeners;
        }

        synchronized void acknowledged(int backend) {
            if (waiting.remove(backend) && waiting.isEmpty()) {
                notifyAll();
            }
        }

        synchronized boolean await(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!waiting.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    private record Entry(AuthenticatedUser user, long expiresAtMillis, long cachedAt) {
    }
}
