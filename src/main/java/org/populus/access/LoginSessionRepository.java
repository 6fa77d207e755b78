package org.populus.access;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and bulk deletes of the login sessions Spring Session JDBC stores ({@code spring_session*}), joined with
 * their users; Spring Session's own repository creates and deletes single sessions.
 */
@Repository
class LoginSessionRepository {

    /** A stored session with its user as they are now, and the raw attribute the session keeps of that user. */
    record StoredSession(String sessionId, long creationTime, long expiryTime, String login, Set<Role> roles,
            boolean disabled, int accessVersion, byte[] userVersionAttribute) {
    }

    private final JdbcClient jdbc;

    LoginSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The session with this id and the attribute {@code userVersionAttribute}, with its user. */
    List<StoredSession> find(String sid, String userVersionAttribute) {
        return jdbc.sql("""
                select s.session_id, s.creation_time, s.expiry_time, u.login, u.roles, u.disabled, u.access_version,
                       v.attribute_bytes as user_version
                from spring_session s
                join app_user u on lower(u.login) = lower(s.principal_name)
                join spring_session_attributes v on v.session_primary_id = s.primary_id and v.attribute_name = ?
                where s.session_id = ?""")
                .params(userVersionAttribute, sid)
                .query((rs, i) -> new StoredSession(rs.getString("session_id"), rs.getLong("creation_time"),
                        rs.getLong("expiry_time"), rs.getString("login"), UserAccountRepository.roles(rs.getArray("roles")),
                        rs.getBoolean("disabled"), rs.getInt("access_version"), rs.getBytes("user_version")))
                .list();
    }

    void deleteAllOf(String login) {
        jdbc.sql("delete from spring_session where principal_name = ?").param(login).update();
    }
}
