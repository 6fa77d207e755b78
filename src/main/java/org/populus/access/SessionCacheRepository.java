package org.populus.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The PostgreSQL channel {@value SessionCache#CHANNEL} through which instances announce ended sessions and changed
 * users ({@link SessionCache}): sending on it in the caller's transaction, and the dedicated connection that
 * listens to it.
 */
@Repository
class SessionCacheRepository {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    SessionCacheRepository(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Sends {@code payload}; inside a transaction PostgreSQL delivers it when (and only if) that commits. */
    void notify(String payload) {
        jdbc.sql("select pg_notify(?, ?)").params(SessionCache.CHANNEL, payload).query(Object.class).optional();
    }

    /** A connection of its own (in auto-commit) that listens on the channel; the caller closes it. */
    Connection listeningConnection() throws SQLException {
        Connection c = dataSource.getConnection();
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("listen " + SessionCache.CHANNEL);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** A statement sending on the channel from the listening connection: parameter 2 is the payload. */
    PreparedStatement sender(Connection listening) throws SQLException {
        PreparedStatement send = listening.prepareStatement("select pg_notify(?, ?)");
        send.setString(1, SessionCache.CHANNEL);
        return send;
    }

    /** A statement that makes a round trip on the listening connection (it returns nothing of interest). */
    PreparedStatement roundTrip(Connection listening) throws SQLException {
        return listening.prepareStatement("select 1");
    }

    /** Stops listening on that connection (it may then go back to the pool). */
    void unlisten(Connection listening) throws SQLException {
        try (Statement s = listening.createStatement()) {
            s.execute("unlisten *");
        }
    }
}
