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

    // ---- Census API scenarios ------------------------------------------------------------------------------------

    /** The highest number of a DNI-shaped document ({@code 8 digits + letter}) stored, 0 when none. */
    long maxDniNumber() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select coalesce(max(left(value, 8)::bigint), 0) from party_identifier "
                        + "where value ~ '^[0-9]{8}[A-Z]$'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows in the procedure queue ({@code procedure_task}): procedures waiting for automatic processing. */
    static long queueBacklog(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from procedure_task")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many of these people are not enabled (yet). */
    static long notEnabled(Connection c, long[] ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select count(*) from party where id = any(?) and state <> 'enabled'")) {
            ps.setArray(1, c.createArrayOf("bigint", boxed(ids)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * For each of these people whose registration was accepted: when, in microseconds since the epoch. That is
     * the {@code recorded_at} of the person's version written by the acceptance (reason {@code procedure N
     * (registration) accepted}), which is the {@code updated_at} the enabling UPDATE set: PostgreSQL's
     * {@code statement_timestamp()}, a few milliseconds before that transaction commits.
     */
    static java.util.Map<Long, Long> registrationAcceptedMicros(Connection c, long[] ids) throws SQLException {
        java.util.Map<Long, Long> m = new java.util.HashMap<>(ids.length * 2);
        try (PreparedStatement ps = c.prepareStatement(
                "select subject_id, (extract(epoch from min(recorded_at)) * 1000000)::bigint from record_version "
                        + "where subject_type = 'registrant' and subject_id = any(?) "
                        + "and reason like '%(registration) accepted' group by subject_id")) {
            ps.setArray(1, c.createArrayOf("bigint", boxed(ids)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return m;
    }

    /**
     * Up to {@code limit} of these people that are not enabled, one line each: state, their registration's state
     * and the open issues holding it, and the queue task's attempts and last error if it is still queued.
     */
    static java.util.List<String> notEnabledDetails(Connection c, long[] ids, int limit) throws SQLException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select p.id, p.state, pr.id, pr.state, pr.comment,
                       (select string_agg(distinct i.type, ',') from issue_person ip join issue i on i.id = ip.issue_id
                         where ip.party_id = p.id and i.state = 'open'),
                       t.attempts, t.last_error
                from party p
                left join procedure pr on pr.party_id = p.id and pr.type = 'registration'
                left join procedure_task t on t.procedure_id = pr.id
                where p.id = any(?) and p.state <> 'enabled'
                order by p.id limit ?""")) {
            ps.setArray(1, c.createArrayOf("bigint", boxed(ids)));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String err = rs.getString(8);
                    lines.add("person " + rs.getLong(1) + "@census state " + rs.getString(2) + "; registration "
                            + rs.getLong(3) + " " + rs.getString(4)
                            + (rs.getString(5) == null ? "" : " (" + rs.getString(5) + ")")
                            + "; open issues: " + (rs.getString(6) == null ? "none" : rs.getString(6))
                            + (rs.getObject(7) == null ? "; not queued"
                                    : "; queued, " + rs.getInt(7) + " failed attempts"
                                            + (err == null ? "" : ", last error: " + err.replaceAll("\\s+", " "))));
                }
            }
        }
        return lines;
    }

    /** Queue tasks that failed at least once (retried later with a growing delay): count and one sample error. */
    static String failedTasks(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*), max(last_error) from procedure_task where attempts > 0")) {
            rs.next();
            long n = rs.getLong(1);
            return n == 0 ? null : n + " queued procedures failed at least once, e.g. " + rs.getString(2);
        }
    }

    /** How many versions the history holds for this registrant. */
    long versionCount(long id) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from record_version where subject_type = 'registrant' and subject_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Long[] boxed(long[] ids) {
        Long[] b = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            b[i] = ids[i];
        }
        return b;
    }
}
