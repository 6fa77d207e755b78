package org.populus.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that takes PostgreSQL advisory locks. Every module serialises its critical sections through it, so
 * the key derivations stay in one file:
 * <ul>
 * <li>a text key is hashed by PostgreSQL with {@code hashtextextended(key, space)}: the {@code space} (the hash seed)
 * keeps the keys of different features apart, and must never change for a given feature, or an instance running
 * the old code and one running the new would not exclude each other;</li>
 * <li>a numeric key is taken as it is (the single-{@code bigint} form);</li>
 * <li>a pair of ints ({@code classId}, {@code objectId}) is the two-key form, which PostgreSQL keeps apart from the
 * single-key form, shows in {@code pg_locks} and lets a shared lock mark the sessions that hold it.</li>
 * </ul>
 * Transaction-scoped locks are released by the commit or rollback of the caller's transaction, which must exist.
 */
@Component
public class AdvisoryLocks {

    private final JdbcClient jdbc;

    public AdvisoryLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for the exclusive lock on {@code hashtextextended(key, 0)} until the end of the transaction. */
    public void lockForTransaction(String key) {
        lockForTransaction(key, 0);
    }

    /** Waits for the exclusive lock on {@code hashtextextended(key, space)} until the end of the transaction. */
    public void lockForTransaction(String key, long space) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, ?))").params(key, space)
                .query((rs, i) -> 1).list();
    }

    /** Waits for the exclusive lock on this 64-bit key until the end of the transaction. */
    public void lockForTransaction(long key) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(key).query((rs, i) -> 1).list();
    }

    /**
     * Takes the shared session-level lock ({@code classId}, {@code objectId}) on this connection, which keeps it until
     * {@link #releaseAll(Connection)} or until the connection closes: a marker that the connection's owner is there,
     * counted by {@link #sharedHolders(int, int)}. The connection must be outside the pool's sharing (a dedicated one).
     */
    public static void holdShared(Connection connection, int classId, int objectId) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("select pg_advisory_lock_shared(" + classId + ", " + objectId + ")");
        }
    }

    /**
     * Tries to take the exclusive session-level lock ({@code classId}, {@code objectId}) on this connection without
     * waiting: true when it now holds it, until {@link #releaseAll(Connection)} or until the connection closes (so a
     * process that dies loses it with its connection). The connection must be a dedicated one, as for
     * {@link #holdShared}.
     */
    public static boolean tryHoldExclusive(Connection connection, int classId, int objectId) throws SQLException {
        try (Statement s = connection.createStatement();
                java.sql.ResultSet rs = s.executeQuery(
                        "select pg_try_advisory_lock(" + classId + ", " + objectId + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Releases every session-level advisory lock this connection holds. */
    public static void releaseAll(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("select pg_advisory_unlock_all()");
        }
    }

    /** How many sessions of this database hold the lock ({@code classId}, {@code objectId}) now. */
    public int sharedHolders(int classId, int objectId) {
        return jdbc.sql("""
                select count(*) from pg_locks where locktype = 'advisory' and classid::bigint = ? and objid::bigint = ?
                and objsubid = 2
                and granted and database = (select oid from pg_database where datname = current_database())""")
                .params(Integer.toUnsignedLong(classId), Integer.toUnsignedLong(objectId))
                .query(Integer.class).single();
    }

    /**
     * The backend process ids of the sessions of this database that hold the lock ({@code classId},
     * {@code objectId}) and are not known to be down: their last statement started less than {@code within} ago
     * ({@code pg_stat_activity}). A session whose activity this role may not see counts as live.
     */
    public List<Integer> sharedHoldersActiveWithin(int classId, int objectId, Duration within) {
        return jdbc.sql("""
                select l.pid from pg_locks l left join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.classid::bigint = ? and l.objid::bigint = ? and l.objsubid = 2
                  and l.granted and l.pid is not null
                  and l.database = (select oid from pg_database where datname = current_database())
                  and (a.query_start is null
                       or a.query_start > clock_timestamp() - make_interval(secs => ?))""")
                .params(Integer.toUnsignedLong(classId), Integer.toUnsignedLong(objectId), within.toMillis() / 1000.0)
                .query(Integer.class).list();
    }
}
