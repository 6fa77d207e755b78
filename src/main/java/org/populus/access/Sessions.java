package org.populus.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * Login sessions, stored by Spring Session JDBC in PostgreSQL so every instance sees them. A session lives for a
 * fixed lifetime from login ({@code POPULUS_SESSION_LIFETIME}); reading one never writes, so authenticated
 * requests cost one indexed read. Logging out, or any change to the user, ends sessions at once.
 */
@Service
public class Sessions {

    private static final String LOGIN = "populus.login";
    private static final String ROLES = "populus.roles";

    private final FindByIndexNameSessionRepository<Session> repository;
    private final Duration lifetime;
    private final JdbcClient jdbc;
    private final DeserializingConverter deserializer = new DeserializingConverter();
    private final SessionCache cache;

    @SuppressWarnings("unchecked")
    Sessions(FindByIndexNameSessionRepository<? extends Session> repository,
            @Value("${populus.session.lifetime:8h}") Duration lifetime, JdbcClient jdbc, SessionCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.repository = (FindByIndexNameSessionRepository<Session>) repository;
        this.lifetime = lifetime;
    }

    public SessionTicket open(UserAccount user) {
        Session session = repository.createSession();
        session.setMaxInactiveInterval(lifetime);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user.login());
        session.setAttribute(LOGIN, user.login());
        session.setAttribute(ROLES, user.roles().stream().map(Role::code).collect(Collectors.joining(",")));
        repository.save(session);
        return new SessionTicket(session.getId(), session.getCreationTime().plus(lifetime), user);
    }

    /**
     * The user of a live session; empty for an unknown, expired or ended one. Runs on every authenticated
     * request, so it is one statement with no transaction around it; it reads the attributes Spring Session wrote
     * (Java-serialised, as Spring Session stores them).
     */
    public Optional<AuthenticatedUser> resolve(String sid) {
        if (sid == null || sid.isBlank() || sid.length() > 64) {
            return Optional.empty();
        }
        String key = sid.strip();
        return cache.resolve(key, () -> load(key));
    }

    private Optional<SessionCache.CachedSession> load(String sid) {
        long now = System.currentTimeMillis();
        return jdbc.sql("""
                select s.session_id, s.creation_time, s.expiry_time, l.attribute_bytes as login, r.attribute_bytes as roles
                from spring_session s
                join spring_session_attributes l on l.session_primary_id = s.primary_id and l.attribute_name = ?
                left join spring_session_attributes r on r.session_primary_id = s.primary_id and r.attribute_name = ?
                where s.session_id = ?""")
                .params(LOGIN, ROLES, sid)
                .query((rs, i) -> {
                    if (rs.getLong("expiry_time") <= now
                            || rs.getLong("creation_time") + lifetime.toMillis() <= now) {
                        return null;
                    }
                    String login = (String) deserializer.convert(rs.getBytes("login"));
                    byte[] rolesBytes = rs.getBytes("roles");
                    String roles = rolesBytes == null ? "" : (String) deserializer.convert(rolesBytes);
                    var set = roles.isEmpty() ? EnumSet.noneOf(Role.class)
                            : Arrays.stream(roles.split(",")).map(Role::of).flatMap(Optional::stream)
                                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
                    long expires = Math.min(rs.getLong("expiry_time"), rs.getLong("creation_time") + lifetime.toMillis());
                    return new SessionCache.CachedSession(
                            new AuthenticatedUser(login, set, rs.getString("session_id").strip()), expires);
                })
                .optional();
    }

    public void close(String sid) {
        repository.deleteById(sid);
        cache.announceEnd(sid);
    }

    /** Ends every session of a user, e.g. after their roles or password changed or they were disabled. */
    public void closeAll(String login) {
        repository.findByPrincipalName(login).keySet().forEach(repository::deleteById);
        cache.announceEnd(login);
    }
}
