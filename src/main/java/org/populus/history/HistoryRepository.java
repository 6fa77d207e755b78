package org.populus.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.populus.platform.db.CopyWriter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code record_version} table: appends and reads only (a trigger refuses updates and deletes). */
@Repository
class HistoryRepository {

    private static final RowMapper<RecordVersion> VERSION = (rs, i) -> new RecordVersion(rs.getString("subject_type"),
            rs.getLong("subject_id"), rs.getInt("version"), rs.getTimestamp("recorded_at").toInstant(),
            rs.getString("actor"), rs.getString("reason"), rs.getString("snapshot"));

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    HistoryRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    void insert(String subjectType, long subjectId, int version, Instant recordedAt, String actor, String reason,
            String snapshot) {
        jdbc.sql("""
                insert into record_version (subject_type, subject_id, version, recorded_at, actor, reason, snapshot)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(subjectType, subjectId, version, Timestamp.from(recordedAt), actor, reason, snapshot)
                .update();
    }

    /**
     * The last version recorded at or before {@code instant}. The instant goes to PostgreSQL as an ISO (proleptic
     * Gregorian) date and time, as PostgreSQL counts days: a {@link Timestamp} would be sent in the Julian calendar
     * before 1582, days off, and out of PostgreSQL's range near its first day.
     */
    Optional<RecordVersion> lastAtOrBefore(String subjectType, long subjectId, Instant instant) {
        return jdbc.sql("""
                select * from record_version
                where subject_type = ? and subject_id = ? and recorded_at <= ?
                order by version desc limit 1""")
                .params(subjectType, subjectId, instant.atOffset(java.time.ZoneOffset.UTC))
                .query(VERSION)
                .optional();
    }

    /** Every version of a record, oldest first. */
    List<RecordVersion> all(String subjectType, long subjectId) {
        return jdbc.sql("select * from record_version where subject_type = ? and subject_id = ? order by version")
                .params(subjectType, subjectId)
                .query(VERSION)
                .list();
    }

    /** Up to {@code count} versions of a record numbered below {@code beforeVersion}, newest first. */
    List<RecordVersion> newestBelow(String subjectType, long subjectId, int beforeVersion, int count) {
        return jdbc.sql("""
                select * from record_version where subject_type = ? and subject_id = ? and version < ?
                order by version desc limit ?""")
                .params(subjectType, subjectId, beforeVersion, count)
                .query(VERSION)
                .list();
    }

    /** The snapshot of the newest version (one primary-key read). */
    Optional<String> latestSnapshot(String subjectType, long subjectId) {
        return jdbc.sql("""
                select snapshot::text from record_version where subject_type = ? and subject_id = ?
                order by version desc limit 1""")
                .params(subjectType, subjectId).query(String.class).optional();
    }

    /** The snapshots of the newest versions of these records that exist, in the order of {@code subjectIds}. */
    List<String> latestSnapshots(String subjectType, Long[] subjectIds) {
        return jdbc.sql("""
                select v.snapshot::text from unnest(?::bigint[]) with ordinality as s(id, n)
                cross join lateral (select snapshot from record_version r
                                    where r.subject_type = ? and r.subject_id = s.id
                                    order by r.version desc limit 1) v
                order by s.n""")
                .params(subjectIds, subjectType).query(String.class).list();
    }

    /** Appends versions with {@code COPY}, on the transaction's connection. */
    void copyAll(Iterable<History.NewVersion> versions, String actor, String reason) {
        CopyWriter copy = CopyWriter.start(dataSource, "copy record_version (subject_type, subject_id, version,"
                + " recorded_at, actor, reason, snapshot) from stdin");
        for (History.NewVersion v : versions) {
            copy.add(v.subjectType()).add(v.subjectId()).add(v.version()).add(v.recordedAt())
                    .add(actor).add(reason).add(v.snapshot()).endRow();
        }
        copy.finish();
    }

    /** A version read for the change feed, with the snapshot before it (null for the first). */
    record FeedRow(History.FeedPosition position, String subjectType, long subjectId, int version,
            Instant recordedAt, String actor, String reason, String snapshot, String previousSnapshot) {
    }

    /**
     * The change feed's horizon, in the statement's snapshot: the oldest transaction id that may still commit
     * versions the snapshot does not show. It is the oldest transaction the snapshot sees running, leaving out
     * those still running that are no Populus writer, or the snapshot's {@code xmax} when none is left.
     *
     * <p>A Populus writer is a transaction of this database holding a lock stronger than {@code ACCESS SHARE} on
     * a relation of Populus's schema (a table, index or sequence written, or a row locked) or of the system
     * catalog (DDL, as migrations do). Every write to Populus's tables takes that lock before it gives the
     * transaction its id (which becomes the version's {@code txid}), and keeps it to the end, so a transaction that
     * can still append a version with its id is a writer from the moment it has that id. Transactions of other
     * databases (they cannot write here), and those of this one that wrote only elsewhere or nothing, are left
     * out. A transaction the snapshot sees running but {@code pg_locks} no longer shows has ended since the
     * snapshot: it stays in, since what it committed is not in the snapshot. {@code pg_locks} is read once
     * (materialized), and every role may read it.
     */
    static final String HORIZON = """
            with locks as materialized (select locktype, database, relation, transactionid, virtualtransaction, mode
                                        from pg_locks),
                 writers as (select l.virtualtransaction from locks l join pg_class c on c.oid = l.relation
                             where l.locktype = 'relation' and l.mode <> 'AccessShareLock'
                               and l.database = (select oid from pg_database where datname = current_database())
                               and c.relnamespace in ('pg_catalog'::regnamespace,
                                   (select relnamespace from pg_class where oid = 'record_version'::regclass))),
                 bystanders as (select t.transactionid from locks t
                                where t.locktype = 'transactionid' and t.mode = 'ExclusiveLock'
                                  and not exists (select 1 from writers w
                                                  where w.virtualtransaction = t.virtualtransaction))
            select coalesce(min(x), pg_snapshot_xmax(pg_current_snapshot()))
            from pg_snapshot_xip(pg_current_snapshot()) x
            where not exists (select 1 from bystanders b where b.transactionid = x::xid)""";

    /** Versions after the position, from transactions below the {@link #HORIZON}, in (txid, id) order. */
    List<FeedRow> changesAfter(History.FeedPosition after, int limit) {
        return jdbc.sql("""
                select v.txid::text::bigint as txid, v.id, v.subject_type, v.subject_id, v.version, v.recorded_at,
                       v.actor, v.reason, v.snapshot::text as snapshot, p.snapshot::text as previous_snapshot
                from record_version v
                left join lateral (select r.snapshot from record_version r
                                   where r.subject_type = v.subject_type and r.subject_id = v.subject_id
                                     and r.version < v.version
                                   order by r.version desc limit 1) p on true
                where (v.txid, v.id) > (cast(cast(? as text) as xid8), ?)
                  and v.txid < (%s)
                order by v.txid, v.id
                limit ?""".formatted(HORIZON))
                .params(Long.toString(after.txid()), after.id(), limit)
                .query((rs, i) -> new FeedRow(new History.FeedPosition(rs.getLong("txid"), rs.getLong("id")),
                        rs.getString("subject_type"), rs.getLong("subject_id"), rs.getInt("version"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), rs.getString("reason"),
                        rs.getString("snapshot"), rs.getString("previous_snapshot")))
                .list();
    }

    /** Versions after the position, from transactions below the {@link #HORIZON}: only which record and version. */
    List<History.ChangedRecord> recordsChangedAfter(History.FeedPosition after, int limit) {
        return jdbc.sql("""
                select v.txid::text::bigint as txid, v.id, v.subject_type, v.subject_id, v.version
                from record_version v
                where (v.txid, v.id) > (cast(cast(? as text) as xid8), ?)
                  and v.txid < (%s)
                order by v.txid, v.id
                limit ?""".formatted(HORIZON))
                .params(Long.toString(after.txid()), after.id(), limit)
                .query((rs, i) -> new History.ChangedRecord(new History.FeedPosition(rs.getLong("txid"),
                        rs.getLong("id")), rs.getString("subject_type"), rs.getLong("subject_id"),
                        rs.getInt("version")))
                .list();
    }

    /** How many versions come after the position in the feed (committed; those of writers still running too). */
    long countAfter(History.FeedPosition after) {
        return jdbc.sql("select count(*) from record_version where (txid, id) > (cast(cast(? as text) as xid8), ?)")
                .params(Long.toString(after.txid()), after.id()).query(Long.class).single();
    }

    /** The feed's last position now: its newest version below the {@link #HORIZON} ({@code START} when none). */
    History.FeedPosition head() {
        return jdbc.sql("""
                select v.txid::text::bigint as txid, v.id from record_version v
                where v.txid < (%s)
                order by v.txid desc, v.id desc limit 1""".formatted(HORIZON))
                .query((rs, i) -> new History.FeedPosition(rs.getLong("txid"), rs.getLong("id")))
                .optional().orElse(History.FeedPosition.START);
    }

    /** The versions committed but not given by the feed yet (at or past its {@link #HORIZON}): how many, oldest. */
    History.FeedLag lag() {
        return jdbc.sql("""
                select count(*) as versions, min(recorded_at) as oldest from record_version
                where txid >= (%s)""".formatted(HORIZON))
                .query((rs, i) -> new History.FeedLag(rs.getLong("versions"),
                        rs.getTimestamp("oldest") == null ? null : rs.getTimestamp("oldest").toInstant()))
                .single();
    }
}
