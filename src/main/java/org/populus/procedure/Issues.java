package org.populus.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.populus.history.Provenance;
import org.populus.person.PersonEvent;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues for staff: the list, and their resolution. Resolving one may mark people (duplicates: the ones not
 * chosen get {@code fraud} or {@code mistake}, which trashes them; untrusted email or phone not trusted:
 * {@code fraud}; a duplicated verified phone: the others' phones {@code reassign}ed or {@code fraud}), then the
 * pending procedures of everyone involved are queued again.
 *
 * <p>Resolutions by type: duplicated document or person — {@code fraud}, {@code mistake} (both with the chosen
 * person) or {@code not_duplicate}; untrusted email or phone — {@code trusted} or {@code not_trusted};
 * duplicated verified phone — {@code reassign}, {@code fraud} (with the person keeping the phone) or
 * {@code not_duplicate}.
 */
@Service
public class Issues {

    private final JdbcClient jdbc;
    private final Registrants registrants;
    private final ProcedureRepository procedures;
    private final ProcedureQueue queue;
    private final Clock clock;
    private final ObjectReader map;

    Issues(JdbcClient jdbc, Registrants registrants, ProcedureRepository procedures, ProcedureQueue queue,
            Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.registrants = registrants;
        this.procedures = procedures;
        this.queue = queue;
        this.clock = clock;
        this.map = json.readerFor(new TypeReference<Map<String, Object>>() { });
    }

    /** Issues, newest first; only open ones unless {@code all}; only those of one person when given. */
    public List<Issue> list(boolean all, Long personId, int limit, long offset) {
        return jdbc.sql(SELECT + """
                where (:all or i.state = 'open')
                  and (cast(:person as bigint) is null
                       or exists (select 1 from issue_person x where x.issue_id = i.id and x.party_id = :person))
                order by i.created_at desc, i.id desc limit :limit offset :offset""")
                .param("all", all).param("person", personId).param("limit", limit).param("offset", offset)
                .query(this::mapRow).list();
    }

    public Optional<Issue> find(long id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::mapRow).optional();
    }

    /**
     * Resolves an open issue.
     *
     * @param chosenPersonId the person who keeps the document, identity or phone (when the resolution needs one)
     * @throws ReviewRefused when the issue is unknown or resolved, or the resolution does not fit
     */
    @Transactional
    public Issue resolve(long issueId, String resolution, Long chosenPersonId, String comment, String reviewer) {
        Issue issue = find(issueId).orElseThrow(() -> new ReviewRefused(ReviewRefused.Reason.NOT_FOUND,
                "Issue " + issueId + " does not exist."));
        List<Long> seen = issue.personIds().stream().sorted().toList();
        seen.forEach(registrants::lock);
        jdbc.sql("select id from issue where id = ? for update").param(issueId).query(Long.class).single();
        // read again in a statement of its own: a detection that added someone to the issue committed before the
        // lock was granted, and the locking statement's snapshot did not see it
        issue = find(issueId).orElseThrow();
        List<Long> people = issue.personIds().stream().sorted().toList();
        people.stream().filter(id -> !seen.contains(id)).forEach(registrants::lock);
        if (!issue.open()) {
            throw new ReviewRefused(ReviewRefused.Reason.ALREADY_RESOLVED, "Issue " + issueId + " is resolved.");
        }
        Set<String> allowed = switch (issue.type()) {
            case DUPLICATED_DOCUMENT, DUPLICATED_PERSON -> Set.of("fraud", "mistake", "not_duplicate");
            case UNTRUSTED_EMAIL, UNTRUSTED_PHONE -> Set.of("trusted", "not_trusted");
            case DUPLICATED_VERIFIED_PHONE -> Set.of("reassign", "fraud", "not_duplicate");
        };
        if (resolution == null || !allowed.contains(resolution)) {
            throw new ReviewRefused(ReviewRefused.Reason.INVALID_RESOLUTION, "A " + issue.type().code()
                    + " issue is resolved with one of " + allowed.stream().sorted().toList() + ".");
        }
        boolean needsChoice = Set.of("fraud", "mistake", "reassign").contains(resolution)
                && issue.type() != IssueType.UNTRUSTED_EMAIL && issue.type() != IssueType.UNTRUSTED_PHONE;
        if (needsChoice && (chosenPersonId == null || !people.contains(chosenPersonId))) {
            throw new ReviewRefused(ReviewRefused.Reason.INVALID_RESOLUTION, "Resolution '" + resolution
                    + "' needs chosen_person_id, one of " + people + ".");
        }
        Provenance provenance = new Provenance(reviewer, "issue " + issueId + " (" + issue.type().code()
                + ") resolved: " + resolution);
        PersonEvent event = switch (resolution) {
            case "fraud", "not_trusted" -> PersonEvent.FRAUD_DETECTED;
            case "mistake" -> PersonEvent.MISTAKE_DETECTED;
            case "reassign" -> PersonEvent.REASSIGN_PHONE;
            default -> null;
        };
        if (event != null) {
            for (long person : people) {
                if (needsChoice && person == chosenPersonId) {
                    continue;
                }
                Registrant r = registrants.find(person).orElseThrow();
                if (r.may(event, registrants.today(), registrants.minimumAge())) {
                    registrants.transition(person, provenance, event);
                }
            }
        }
        jdbc.sql("""
                update issue set state = 'resolved', resolution = ?, comment = ?, resolved_by = ?, resolved_at = ?,
                  information = information || cast(? as jsonb), version = version + 1
                where id = ? and version = ?""")
                .params(resolution, comment == null || comment.isBlank() ? null : comment.strip(), reviewer,
                        Timestamp.from(clock.instant()),
                        chosenPersonId == null ? "{}" : "{\"chosen_person_id\":" + chosenPersonId + "}", issueId,
                        issue.version())
                .update();
        for (long person : people) {
            procedures.enqueueOthers(person, -1);
        }
        queue.wakeAfterCommit();
        return find(issueId).orElseThrow();
    }

    private static final String SELECT = """
            select i.*,
              array(select party_id from issue_person where issue_id = i.id order by party_id) as people,
              array(select procedure_id from issue_procedure where issue_id = i.id order by procedure_id) as procs
            from issue i
            """;

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
}
