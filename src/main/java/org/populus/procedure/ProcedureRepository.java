package org.populus.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Explicit SQL for procedures and their queue. Saves check the {@code version}; zero rows is a conflict. */
@Repository
class ProcedureRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ObjectReader map;

    ProcedureRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.map = json.readerFor(new TypeReference<Map<String, Object>>() { });
    }

    Optional<Procedure> find(long id) {
        return jdbc.sql("select * from procedure where id = ?").param(id).query(this::mapRow).optional();
    }

    /** The person of the procedure, when it is pending (without reading, or locking, the procedure). */
    Optional<Long> personOfPending(long id) {
        return jdbc.sql("select party_id from procedure where id = ? and state = 'pending'").param(id)
                .query(Long.class).optional();
    }

    Optional<Procedure> findForUpdate(long id) {
        return jdbc.sql("select * from procedure where id = ? for update").param(id).query(this::mapRow).optional();
    }

    Optional<Procedure> pendingOf(long personId, ProcedureType type) {
        return jdbc.sql("select * from procedure where party_id = ? and type = ? and state = 'pending'")
                .params(personId, type.code()).query(this::mapRow).optional();
    }

    /** The person's pending procedures, newest first. */
    List<Procedure> pendingOf(long personId) {
        return jdbc.sql("select * from procedure where party_id = ? and state = 'pending' order by created_at desc, id desc")
                .param(personId).query(this::mapRow).list();
    }

    List<Procedure> ofPerson(long personId) {
        return jdbc.sql("select * from procedure where party_id = ? order by created_at desc, id desc")
                .param(personId).query(this::mapRow).list();
    }

    Procedure insert(long personId, ProcedureRequest request, Instant prioritizedAt, Location location) {
        return insert(personId, request, prioritizedAt, location, null);
    }

    /** @param origin the Census client origin the request came through (kept for registrations; null: none) */
    Procedure insert(long personId, ProcedureRequest request, Instant prioritizedAt, Location location,
            String origin) {
        return jdbc.sql("""
                insert into procedure (party_id, type, state, information, prioritized_at, location, created_at,
                  updated_at, version, origin)
                values (?, ?, 'pending', cast(? as jsonb), ?, cast(? as jsonb), clock_timestamp(), clock_timestamp(), 1,
                  ?)
                returning *""")
                .params(personId, request.type().code(),
                        json.writeValueAsString(ProcedureInformation.encode(request, List.of())), ts(prioritizedAt),
                        location == null ? null : json.writeValueAsString(location), origin)
                .query(this::mapRow).single();
    }

    /** Saves state, information, comment, claim and processing fields; bumps the version. */
    Procedure update(Procedure p) {
        Optional<Procedure> saved = jdbc.sql("""
                update procedure set state = :state, information = cast(:information as jsonb), comment = :comment,
                  prioritized_at = :prioritizedAt, location = cast(:location as jsonb), claimed_by = :claimedBy,
                  claimed_at = :claimedAt, processed_by = :processedBy, processed_at = :processedAt,
                  person_version_before = :before, person_version_after = :after, updated_at = clock_timestamp(),
                  version = version + 1
                where id = :id and version = :version
                returning *""")
                .param("state", p.state().code())
                .param("information", json.writeValueAsString(p.information()))
                .param("comment", p.comment())
                .param("prioritizedAt", ts(p.prioritizedAt()))
                .param("location", p.location() == null ? null : json.writeValueAsString(p.location()))
                .param("claimedBy", p.claimedBy())
                .param("claimedAt", ts(p.claimedAt()))
                .param("processedBy", p.processedBy())
                .param("processedAt", ts(p.processedAt()))
                .param("before", p.personVersionBefore())
                .param("after", p.personVersionAfter())
                .param("id", p.id())
                .param("version", p.version())
                .query(this::mapRow)
                .optional();
        return saved.orElseThrow(() -> new OptimisticLockingFailureException(
                "Procedure " + p.id() + " was changed by someone else (expected version " + p.version() + ")"));
    }

    /** An open issue of the person of procedure {@code p} (for {@code exists}). */
    private static final String OPEN_ISSUE_OF_THE_PERSON = """
            select 1 from issue_person ip join issue i on i.id = ip.issue_id
            where ip.party_id = p.party_id and i.state = 'open'""";

    /**
     * Pending procedures in review order: first those prioritized since {@code prioritizedSince} (by priority
     * time), then the others whose person has no open issue, then those whose person has an open issue
     * (prioritized or not); each group by priority time, then creation. As in {@link #claimableInReviewOrder}, the
     * parts without open issues are each read in order from their own index and stop after {@code offset + limit}
     * rows; the part with open issues is found from the open issues (few, next to the backlog): the backlog is
     * never sorted whole.
     */
    List<ReviewItem> inReviewOrder(ProcedureType type, Instant prioritizedSince, int limit, long offset) {
        String pending = "p.state = 'pending' and (cast(:type as text) is null or p.type = :type)";
        return jdbc.sql("""
                select c.*, c.review_part = 3 as open_issues from (
                  (select p.*, 0 as review_part from procedure p
                   where p.prioritized_at >= :since and %1$s and not exists (%2$s)
                   order by p.prioritized_at, p.created_at, p.id limit :upTo)
                  union all
                  (select p.*, 1 from procedure p
                   where p.prioritized_at < :since and %1$s and not exists (%2$s)
                   order by p.prioritized_at, p.created_at, p.id limit :upTo)
                  union all
                  (select p.*, 2 from procedure p
                   where p.prioritized_at is null and %1$s and not exists (%2$s)
                   order by p.created_at, p.id limit :upTo)
                  union all
                  (select p.*, 3 from procedure p
                   where %1$s and exists (%2$s)
                   order by p.prioritized_at nulls last, p.created_at, p.id limit :upTo)
                ) c
                order by c.review_part, c.prioritized_at nulls last, c.created_at, c.id
                limit :limit offset :offset""".formatted(pending, OPEN_ISSUE_OF_THE_PERSON))
                .param("type", type == null ? null : type.code())
                .param("since", Timestamp.from(prioritizedSince))
                .param("upTo", offset + limit)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, i) -> new ReviewItem(mapRow(rs, i), rs.getBoolean("open_issues")))
                .list();
    }

    /**
     * Pending procedures in review order that the reviewer may claim: their person has no open issue, and nobody
     * else holds them (a claim made before {@code claimedBefore} has lapsed). The same order as
     * {@link #inReviewOrder}, where those with open issues come last and so are simply left out. Each of the three
     * parts of that order (prioritized within the window, prioritized before it, never prioritized) is read in
     * order from its own index and stops after {@code offset + limit} rows: the backlog is never sorted whole.
     */
    List<Procedure> claimableInReviewOrder(ProcedureType type, Instant prioritizedSince, String reviewer,
            Instant claimedBefore, int limit, long offset) {
        String claimable = """
                p.state = 'pending' and (cast(:type as text) is null or p.type = :type)
                  and (p.claimed_by is null or p.claimed_by = :reviewer or p.claimed_at is null
                       or p.claimed_at <= :claimedBefore)
                  and not exists (%s)""".formatted(OPEN_ISSUE_OF_THE_PERSON);
        return jdbc.sql("""
                select c.* from (
                  (select p.*, 0 as review_part from procedure p
                   where p.prioritized_at >= :since and %1$s
                   order by p.prioritized_at, p.created_at, p.id limit :upTo)
                  union all
                  (select p.*, 1 from procedure p
                   where p.prioritized_at < :since and %1$s
                   order by p.prioritized_at, p.created_at, p.id limit :upTo)
                  union all
                  (select p.*, 2 from procedure p
                   where p.prioritized_at is null and %1$s
                   order by p.created_at, p.id limit :upTo)
                ) c
                order by c.review_part, c.prioritized_at, c.created_at, c.id
                limit :limit offset :offset""".formatted(claimable))
                .param("type", type == null ? null : type.code())
                .param("since", Timestamp.from(prioritizedSince))
                .param("reviewer", reviewer)
                .param("claimedBefore", Timestamp.from(claimedBefore))
                .param("upTo", offset + limit)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::mapRow)
                .list();
    }

    /**
     * Queues a procedure for automatic processing, unless a task for it is there already. A task another worker is
     * taking right now (deleted, not yet committed) still counts as there: that worker locks the person after this
     * transaction and so sees what it wrote. Waiting for that worker instead could deadlock with it (we hold the
     * person, it holds the task).
     */
    void enqueue(long procedureId) {
        jdbc.sql("""
                insert into procedure_task (procedure_id, available_at)
                select ?, clock_timestamp()
                where not exists (select 1 from procedure_task where procedure_id = ?)
                on conflict (procedure_id) do nothing""")
                .params(procedureId, procedureId).update();
    }

    /** Queues every pending automatic procedure of the person except one (see {@link #enqueue}). */
    int enqueueOthers(long personId, long exceptProcedureId) {
        return jdbc.sql("""
                insert into procedure_task (procedure_id, available_at)
                select p.id, clock_timestamp() from procedure p
                where p.party_id = ? and p.state = 'pending' and p.id <> ? and p.type <> 'document_verification'
                  and not exists (select 1 from procedure_task t where t.procedure_id = p.id)
                on conflict (procedure_id) do nothing""").params(personId, exceptProcedureId).update();
    }

    /**
     * Takes up to {@code limit} due tasks (oldest first), deleted in the current transaction, so they are gone only
     * if it commits; other workers skip them meanwhile. Returned in person order (then procedure order), so two
     * workers lock people in the same order and cannot deadlock.
     */
    List<long[]> takeTasks(int limit) {
        return jdbc.sql("""
                with taken as (
                  delete from procedure_task where procedure_id in (
                    select procedure_id from procedure_task where available_at <= clock_timestamp()
                    order by available_at, procedure_id limit ? for update skip locked)
                  returning procedure_id, attempts)
                select t.procedure_id, p.party_id, t.attempts from taken t join procedure p on p.id = t.procedure_id
                order by p.party_id, t.procedure_id""")
                .param(limit).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
    }

    /** Takes this procedure's task unless another worker holds it (or it is gone): its failed attempts so far. */
    java.util.OptionalInt takeTask(long procedureId) {
        return jdbc.sql("""
                delete from procedure_task where procedure_id = (
                  select procedure_id from procedure_task where procedure_id = ? for update skip locked)
                returning attempts""")
                .param(procedureId).query(Integer.class).optional().map(java.util.OptionalInt::of)
                .orElse(java.util.OptionalInt.empty());
    }

    /** Puts a task back for a later attempt after a failure (in a transaction of its own). */
    void retryLater(long procedureId, Instant at, int attempts, String error) {
        jdbc.sql("""
                insert into procedure_task (procedure_id, available_at, attempts, last_error) values (?, ?, ?, ?)
                on conflict (procedure_id) do update set available_at = excluded.available_at,
                  attempts = excluded.attempts, last_error = excluded.last_error""")
                .params(procedureId, Timestamp.from(at), attempts, error).update();
    }

    int attempts(long procedureId) {
        return jdbc.sql("select attempts from procedure_task where procedure_id = ?").param(procedureId)
                .query(Integer.class).optional().orElse(0);
    }

    long queued() {
        return jdbc.sql("select count(*) from procedure_task").query(Long.class).single();
    }

    private Procedure mapRow(ResultSet rs, int row) throws SQLException {
        String location = rs.getString("location");
        Location loc = null;
        if (location != null) {
            Map<String, Object> m = map.readValue(location);
            Object time = m.get("time");
            loc = new Location((String) m.get("ip"), (String) m.get("userAgent"),
                    time == null ? null : Instant.parse(time.toString()));
        }
        ProcedureInformation.Decoded information = ProcedureInformation.decode(
                ProcedureType.of(rs.getString("type")).orElseThrow(), map.readValue(rs.getString("information")));
        return new Procedure(rs.getLong("id"), rs.getLong("party_id"), information.request(),
                information.overriddenIssues(), ProcedureState.of(rs.getString("state")),
                rs.getString("comment"), instant(rs, "prioritized_at"),
                loc, rs.getString("claimed_by"), instant(rs, "claimed_at"), rs.getString("processed_by"),
                instant(rs, "processed_at"), (Integer) rs.getObject("person_version_before"),
                (Integer) rs.getObject("person_version_after"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** How many procedures are pending, per type code. */
    java.util.Map<String, Long> countPendingByType() {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select type, count(*) as n from procedure where state = 'pending' group by type")
                .query(rs -> {
                    counts.put(rs.getString("type"), rs.getLong("n"));
                });
        return counts;
    }

    /** How many procedures were decided (accepted, rejected or dismissed) on each day (UTC) from {@code since} on. */
    Map<java.time.LocalDate, Long> countDecidedPerDay(Instant since) {
        Map<java.time.LocalDate, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select (processed_at at time zone 'UTC')::date as day, count(*) as n from procedure
                where processed_at >= ? and state <> 'pending' group by day""")
                .param(Timestamp.from(since))
                .query(rs -> {
                    counts.put(rs.getObject("day", java.time.LocalDate.class), rs.getLong("n"));
                });
        return counts;
    }

    /** When the oldest pending procedure was created; empty when none is pending. */
    Optional<Instant> oldestPendingCreatedAt() {
        return jdbc.sql("select created_at from procedure where state = 'pending' order by created_at limit 1")
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
