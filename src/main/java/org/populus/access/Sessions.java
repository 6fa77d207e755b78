package org.populus.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.session.FindByIndexNameSessionRepository;
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

    @SuppressWarnings("unchecked")
    Sessions(FindByIndexNameSessionRepository<? extends Session> repository,
            @Value("${populus.session.lifetime:8h}") Duration lifetime) {
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

    /** The user of a live session; empty for an unknown, expired or ended one. */
    public Optional<AuthenticatedUser> resolve(String sid) {
        if (sid == null || sid.isBlank() || sid.length() > 64) {
            return Optional.empty();
        }
        Session session = repository.findById(sid.strip());
        if (session == null || session.getCreationTime().plus(lifetime).isBefore(Instant.now())) {
            return Optional.empty();
        }
        String login = session.getAttribute(LOGIN);
        String roles = session.getAttribute(ROLES);
        if (login == null) {
            return Optional.empty();
        }
        var set = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles.split(",")).map(Role::of).flatMap(Optional::stream)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return Optional.of(new AuthenticatedUser(login, set, session.getId()));
    }

    public void close(String sid) {
        repository.deleteById(sid);
    }

    /** Ends every session of a user, e.g. after their roles or password changed or they were disabled. */
    public void closeAll(String login) {
        repository.findByPrincipalName(login).keySet().forEach(repository::deleteById);
    }
}
