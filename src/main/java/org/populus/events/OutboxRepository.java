package org.populus.events;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code event_outbox} table, read with the history versions its rows point at. */
@Repository
class OutboxRepository {

    private static final RowMapper<OutboxEntry> ENTRY = (rs, i) -> new OutboxEntry(rs.getLong("id"),
            rs.getObject("event_id", UUID.class), rs.getString("subject_type"), rs.getLong("subject_id"),
            rs.getInt("version"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"),
            rs.getString("reason"), rs.getString("snapshot"), rs.getString("previous_snapshot"));

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The same statements on that one connection (in auto-commit; the caller keeps and closes it). */
    OutboxRepository on(java.sql.Connection connection) {
        return new OutboxRepository(JdbcClient.create(
                new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true)));
    }

    /**
     * Deletes the rows whose messages the broker has confirmed ({@code confirmed}: the previous round's), then reads
     * the oldest rows left, in id order (per record, the order its versions committed in): one statement, so one
     * transaction, per round. The read's snapshot still sees the rows its own statement deletes, hence the
     * exclusion.
     */
    List<OutboxEntry> deleteConfirmedAndReadNext(List<Long> confirmed, int limit) {
        Long[] ids = confirmed.toArray(Long[]::new);
        return jdbc.sql("""
                with confirmed as (delete from event_outbox where id = any(?))
                select o.id, o.event_id, o.subject_type, o.subject_id, o.version, v.recorded_at, v.actor, v.reason,
                       v.snapshot::text as snapshot, p.snapshot::text as previous_snapshot
                from (select * from event_outbox where id <> all(?) order by id limit ?) o
                join record_version v on v.subject_type = o.subject_type and v.subject_id = o.subject_id
                                     and v.version = o.version
                left join lateral (select r.snapshot from record_version r
                                   where r.subject_type = o.subject_type and r.subject_id = o.subject_id
                                     and r.version < o.version
                                   order by r.version desc limit 1) p on true
                order by o.id""")
                .params(ids, ids, limit).query(ENTRY).list();
    }

    void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from event_outbox where id = any(?)").param(ids.toArray(Long[]::new)).update();
        }
    }

    /** Deletes up to {@code limit} of the oldest rows; returns how many. */
    int purge(int limit) {
        return jdbc.sql("delete from event_outbox where id in (select id from event_outbox order by id limit ?)")
                .param(limit).update();
    }

    /** How many rows wait, and when the oldest was written (null when none). */
    Outbox.Backlog backlog() {
        return jdbc.sql("select count(*), min(created_at) from event_outbox")
                .query((rs, i) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return new Outbox.Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                }).single();
    }
}
