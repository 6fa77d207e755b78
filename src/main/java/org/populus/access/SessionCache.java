package org.populus.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * (so PostgreSQL knows how many there are) and acknowledges each announcement once it has forgotten what it was
 * told ({@code ack <nonce>}); the announcing instance waits (at most {@link #ECHO_WAIT}) for as many
 * acknowledgements as there are listeners, so the change is in force everywhere when the request is answered.
 *
 * <p>Whenever the connection is not listening, the caches are bypassed (and emptied), so a missed notification
 * can never keep a session or a password alive. A lookup that started before an eviction never stores what it
 * read ({@link #epoch()}).
 */
@Component
class SessionCache implements InitializingBean, DisposableBean {

    static final String CHANNEL = "populus_sessions";
    static final Duration ECHO_WAIT = Duration.ofSeconds(2);
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
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped on every eviction: a lookup started before one must not store what it read. */
    private final AtomicLong epoch = new AtomicLong();
    /** Announcements of this instance waiting for every listener's acknowledgement, by nonce. */
    private final Map<String, Acks> echoes = new ConcurrentHashMap<>();
    private final List<Consumer<String>> userListeners = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    SessionCache(SessionCacheRepository channel, AdvisoryLocks locks,
            @Value("${populus.session.cache:30s}") Duration ttl) {
        this.channel = channel;
        this.locks = locks;
        this.ttlNanos = ttl.toNanos();
    }

    Optional<AuthenticatedUser> resolve(String sid, Supplier<Optional<CachedSession>> load) {
        if (!listening || ttlNanos <= 0) {
            return load.get().map(CachedSession::user);
        }
        long now = System.nanoTime();
        Entry cached = entries.get(sid);
        if (cached != null && now - cached.cachedAt < ttlNanos && System.currentTimeMillis() < cached.expiresAtMillis) {
            return Optional.of(cached.user);
        }
        long before = epoch.get();
        Optional<CachedSession> loaded = load.get();
        if (loaded.isPresent() && listening && epoch.get() == before) {
            entries.put(sid, new Entry(loaded.get().user(), loaded.get().expiresAtMillis(), now));
            if (entries.size() > 100_000) {
                entries.clear();
            }
        } else {
            entries.remove(sid);
        }
        return loaded.map(CachedSession::user);
    }

    /** Whether notifications are being received: caches may only be used while they are. */
    boolean listening() {
        return listening;
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
        Acks echo = listening ? new Acks(listeners()) : null;
        if (echo != null) {
            echoes.put(nonce, echo);
        }
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

    /** How many instances listen (this one included). */
    private int listeners() {
        return locks.sharedHolders(LOCK_CLASS, LOCK_OBJECT);
    }

    private void awaitEcho(Acks echo) {
        if (echo == null || !listening) {
            return;
        }
        try {
            if (!echo.await(ECHO_WAIT)) {
                log.warn("A session or user change was not acknowledged by every instance within {}; some may see "
                        + "it late", ECHO_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Handles one notification; returns the nonce to acknowledge, if any. */
    private String received(String payload) {
        if (payload.startsWith(ACK)) {
            Acks echo = echoes.get(payload.substring(ACK.length()));
            if (echo != null) {
                echo.countDown();
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
        while (!stopped) {
            try (Connection c = channel.listeningConnection()) {
                AdvisoryLocks.holdShared(c, LOCK_CLASS, LOCK_OBJECT);
                PGConnection pg = c.unwrap(PGConnection.class);
                forgetEverything();
                listening = true;
                try (var ack = channel.sender(c)) {
                    while (!stopped) {
                        PGNotification[] notifications = pg.getNotifications(1000);
                        if (notifications != null) {
                            for (PGNotification n : notifications) {
                                String nonce = received(n.getParameter());
                                if (nonce != null) {
                                    ack.setString(2, ACK + nonce);
                                    ack.execute();
                                }
                            }
                        }
                        if (!c.isValid(2)) {
                            throw new SQLException("listener connection lost");
                        }
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

    record CachedSession(AuthenticatedUser user, long expiresAtMillis) {
    }

    /** The acknowledgements an announcement waits for. */
    private static final class Acks {
        private final java.util.concurrent.CountDownLatch latch;

        Acks(int listeners) {
            latch = new java.util.concurrent.CountDownLatch(Math.max(listeners, 1));
        }

        void countDown() {
            latch.countDown();
        }

        boolean await(Duration timeout) throws InterruptedException {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private record Entry(AuthenticatedUser user, long expiresAtMillis, long cachedAt) {
    }
}
