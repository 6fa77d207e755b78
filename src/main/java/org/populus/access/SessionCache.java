package org.populus.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers resolved sessions for a short while ({@code POPULUS_SESSION_CACHE}, default 30 s) so an authenticated
 * request does not need a database round trip to check its session, while ending a session still takes effect at
 * once on every instance: each end is announced with PostgreSQL {@code NOTIFY populus_sessions}, and every instance
 * {@code LISTEN}s on a dedicated connection and forgets what it was told. Whenever that connection is not
 * listening, the cache is bypassed (and emptied), so a missed notification can never keep a session alive.
 */
@Component
class SessionCache implements InitializingBean, DisposableBean {

    static final String CHANNEL = "populus_sessions";
    private static final Logger log = LoggerFactory.getLogger(SessionCache.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final long ttlNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped on every eviction: a lookup started before one must not store what it read. */
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopped;
    private Thread listener;

    SessionCache(DataSource dataSource, JdbcClient jdbc, @Value("${populus.session.cache:30s}") Duration ttl) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
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

    /** Tells every instance (this one included) to forget a session, or all sessions of a login. */
    void announceEnd(String sidOrLogin) {
        evict(sidOrLogin);
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, sidOrLogin).query(Object.class).optional();
    }

    private void evict(String sidOrLogin) {
        epoch.incrementAndGet();
        entries.remove(sidOrLogin);
        entries.values().removeIf(e -> e.user.login().equalsIgnoreCase(sidOrLogin));
    }

    @Override
    public void afterPropertiesSet() {
        if (ttlNanos <= 0) {
            return;
        }
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
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("listen " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                entries.clear();
                listening = true;
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            evict(n.getParameter());
                        }
                    }
                    if (!c.isValid(2)) {
                        throw new SQLException("listener connection lost");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    log.warn("Session cache off until the database notifications are back: {}", e.getMessage());
                }
            } finally {
                listening = false;
                entries.clear();
                epoch.incrementAndGet();
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

    private record Entry(AuthenticatedUser user, long expiresAtMillis, long cachedAt) {
    }
}
