package org.populus.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.populus.platform.db.CopyWriter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The history of registrants and households. */
@Service
public class History {

    private static final RowMapper<RecordVersion> VERSION = (rs, i) -> new RecordVersion(rs.getString("subject_type"),
            rs.getLong("subject_id"), rs.getInt("version"), rs.getTimestamp("recorded_at").toInstant(),
            rs.getString("actor"), rs.getString("reason"), rs.getString("snapshot"));

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    History(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A version to append in bulk: the record, its version number, when, and the whole record as JSON. */
    public record NewVersion(String subjectType, long subjectId, int version, Instant recordedAt, String snapshot) {
    }

    /**
     * Appends many versions with one provenance, streamed with {@code COPY} (bulk import). Same contract as
     * {@link #append}: inside the transaction that made the changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(Iterable<NewVersion> versions, Provenance provenance) {
        CopyWriter copy = CopyWriter.start(dataSource, "copy record_version (subject_type, subject_id, version,"
                + " recorded_at, actor, reason, snapshot) from stdin");
        for (NewVersion v : versions) {
            copy.add(v.subjectType()).add(v.subjectId()).add(v.version()).add(v.recordedAt())
                    .add(provenance.actor()).add(provenance.reason()).add(v.snapshot()).endRow();
        }
        copy.finish();
    }

    /**
     * Appends a version. Must run inside the transaction that made the change, so the change and its version
     * commit or roll back together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String subjectType, long subjectId, int version, Instant recordedAt, Provenance provenance,
            String snapshot) {
        jdbc.sql("""
                insert into record_version (subject_type, subject_id, version, recorded_at, actor, reason, snapshot)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(subjectType, subjectId, version, Timestamp.from(recordedAt), provenance.actor(),
                        provenance.reason(), snapshot)
                .update();
    }

    /**
     * The version in force at {@code instant}: the last one recorded at or before it. Empty when the record did
     * not exist yet.
     */
    public Optional<RecordVersion> asOf(String subjectType, long subjectId, Instant instant) {
        return jdbc.sql("""
                select * from record_version
                where subject_type = ? and subject_id = ? and recorded_at <= ?
                order by version desc limit 1""")
                .params(subjectType, subjectId, Timestamp.from(instant))
                .query(VERSION)
                .optional();
    }

    /** Every version of a record, oldest first. */
    public List<RecordVersion> versions(String subjectType, long subjectId) {
        return jdbc.sql("select * from record_version where subject_type = ? and subject_id = ? order by version")
                .params(subjectType, subjectId)
                .query(VERSION)
                .list();
    }
}
