package org.populus.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Explicit SQL for issues and the people and procedures they concern. */
@Repository
class IssueRepository {

    private static final String SELECT = """
            select i.*,
              array(select party_id from issue_person where issue_id = i.id order by party_id) as people,
              array(select procedure_id from issue_procedure where issue_id = i.id order by procedure_id) as procs
            from issue i
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ObjectReader map;

    IssueRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.map = json.readerFor(new TypeReference<Map<String, Object>>() { });
    }

    /** Issues, newest first; only open ones unless {@code all}; only those of one person when given. */
    List<Issue> list(boolean all, Long personId, int limit, long offset) {
        return jdbc.sql(SELECT + """
                where (:all or i.state = 'open')
                  and (cast(:person as bigint) is null
                       or exists (select 1 from issue_person x where x.issue_id = i.id and x.party_id = :person))
                order by i.created_at desc, i.id desc limit :limit offset :offset""")
                .param("all", all).param("person", personId).param("limit", limit).param("offset", offset)
                .query(this::mapRow).list();
    }

    Optional<Issue> find(long id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::mapRow).optional();
    }

    /** Locks the issue's row until the transaction ends. */
    void lock(long id) {
        jdbc.sql("select id from issue where id = ? for update").param(id).query(Long.class).single();
    }

    /** Records the resolution, adding the chosen person (if any) to the issue's information. */
    void resolve(long id, int version, String resolution, String comment, String reviewer, Instant at,
            Long chosenPersonId) {
        jdbc.sql("""
                update issue set state = 'resolved', resolution = ?, comment = ?, resolved_by = ?, resolved_at = ?,
                  information = information || cast(? as jsonb), version = version + 1
                where id = ? and version = ?""")
                .params(resolution, comment, reviewer, Timestamp.from(at),
                        chosenPersonId == null ? "{}" : "{\"chosen_person_id\":" + chosenPersonId + "}", id,
                        version)
                .update();
    }

    /** Whether a reviewer already resolved an issue of this type and key for this person. */
    boolean resolvedFor(IssueType type, String key, long personId) {
        return jdbc.sql("""
                select exists (select 1 from issue i join issue_person ip on ip.issue_id = i.id
                               where i.type = ? and i.key = ? and i.state = 'resolved' and ip.party_id = ?)""")
                .params(type.code(), key, personId).query(Boolean.class).single();
    }

    /** The open issue of this type and key, made with this information unless one is open already: its id. */
    long openIssue(IssueType type, String key, Map<String, Object> information) {
        jdbc.sql("""
                insert into issue (type, key, state, information, created_at, version)
                values (?, ?, 'open', cast(? as jsonb), clock_timestamp(), 1)
                on conflict (type, key) where state = 'open' do nothing""")
                .params(type.code(), key, json.writeValueAsString(information)).update();
        return jdbc.sql("select id from issue where type = ? and key = ? and state = 'open'")
                .params(type.code(), key).query(Long.class).single();
    }

    void linkPerson(long issueId, long personId) {
        jdbc.sql("insert into issue_person (issue_id, party_id) values (?, ?) on conflict do nothing")
                .params(issueId, personId).update();
    }

    void linkProcedure(long issueId, long procedureId) {
        jdbc.sql("insert into issue_procedure (issue_id, procedure_id) values (?, ?) on conflict do nothing")
                .params(issueId, procedureId).update();
    }

    /** The ids of the person's open issues, in order. */
    List<Long> openIssuesOf(long personId) {
        return jdbc.sql("""
                select i.id from issue_person ip join issue i on i.id = ip.issue_id
                where ip.party_id = ? and i.state = 'open' order by i.id""")
                .param(personId).query(Long.class).list();
    }

    private Issue mapRow(ResultSet rs, int row) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new Issue(rs.getLong("id"), IssueType.of(rs.getString("type")).orElseThrow(), rs.getString("key"),
                "open".equals(rs.getString("state")), map.readValue(rs.getString("information")),
                longs(rs.getArray("people")), longs(rs.getArray("procs")), rs.getString("resolution"),
                rs.getString("comment"), rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }

    private static List<Long> longs(java.sql.Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    long countOpen() {
        return jdbc.sql("select count(*) from issue where state = 'open'").query(Long.class).single();
    }
}
