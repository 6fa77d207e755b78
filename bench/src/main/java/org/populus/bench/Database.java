package org.populus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Direct JDBC access to the app's PostgreSQL: the raw primary-key lookup scenario, reading back an already loaded
 * population ({@code --skip-load}), and housekeeping after a bulk load. Never writes registry data.
 */
final class Database {

    /** The query the raw lookup scenario runs: the same row the app reads for one registrant. */
    static final String PK_LOOKUP = "select * from party where id = ?";

    private final String url;
    private final Properties props;

    Database(String url, String user, String password) {
        this.url = url;
        this.props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "populus-bench");
        props.setProperty("connectTimeout", "10");
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, props);
    }

    String serverVersion() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    long individualCount() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from party where not is_group and discarded_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many of the National IDs the loader would create ({@code NID000000001} .. N) exist already. */
    long existingLoaderIds(int n) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from party_identifier where value ~ '^NID[0-9]{9}$' "
                        + "and substring(value from 4)::bigint between 1 and ?")) {
            ps.setLong(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The highest {@code NID} + 9 digits number stored, 0 when none. */
    long maxNid() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select coalesce(max(substring(value from 4)::bigint), 0) from party_identifier "
                        + "where value ~ '^NID[0-9]{9}$'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The individuals already in the database, for {@code --skip-load}. */
    Population readPopulation() throws SQLException {
        Population.Builder b = new Population.Builder(1024);
        try (Connection c = connect()) {
            c.setAutoCommit(false); // lets the driver stream with a fetch size
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, given_name, family_name from party where not is_group and discarded_at is null "
                            + "and given_name is not null and family_name is not null order by id")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        b.add(rs.getLong(1), rs.getString(2), rs.getString(3));
                    }
                }
            }
            c.rollback();
        }
        return b.build();
    }

    /** What autovacuum would do shortly after a bulk load, done now so every scenario sees the same state. */
    void vacuumAnalyzeAndCheckpoint() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("vacuum (analyze)");
            s.execute("checkpoint");
        }
    }
}
