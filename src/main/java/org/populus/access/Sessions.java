package org.populus.access;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * Login sessions, stored by Spring Session JDBC in PostgreSQL so every instance sees them. A session lives for a
 * fixed lifetime from login ({@code POPULUS_SESSION_LIFETIME}); reading one never writes, so authenticated
 * requests cost one indexed read.
 *
 * <p>A session is bound to the access version its user had at login ({@link UserAccount#accessVersion()}): any
 * change to what the user may do (roles, password, disabled) makes its sessions stop working, even one whose login
 * raced with the change and was saved after it. Its roles are the user's current ones. Logging out, or a change to the user, takes effect on every instance before
 * the request that did it is answered ({@link SessionCache}). Attributes are stored as plain text
 * ({@link SessionStorage}).
 */
@Service
public class Sessions {

    /** The user's {@code access_version} when an API login session was opened. */
    static final String USER_VERSION = "populus.access-version";
    /**
     * The same for a back-office (browser) session. The attribute's name tells the two kinds apart: an API session
     * id does not open the back office, and a back-office session id does not authenticate the APIs.
     */
    static final String OFFICE_USER_VERSION = "populus.office-access-version";
    /** The session cache's key for a back-office session (API sessions are cached under their bare id). */
    private static final String OFFICE_KEY = "office:";

    private final FindByIndexNameSessionRepository<Session> repository;
    private final Duration lifetime;
    private final LoginSessionRepository sessions;
    private final SessionCache cache;

    @SuppressWarnings("unchecked")
    Sessions(FindByIndexNameSessionRepository<? extends Session> repository,
            @Value("${populus.session.lifetime:8h}") Duration lifetime, LoginSessionRepository sessions,
            SessionCache cache) {
        this.sessions = sessions;
        this.cache = cache;
        this.repository = (FindByIndexNameSessionRepository<Session>) repository;
        this.lifetime = lifetime;
    }

    public SessionTicket open(UserAccount user) {
        Session session = repository.createSession();
        session.setMaxInactiveInterval(lifetime);
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user.login());
        session.setAttribute(USER_VERSION, Integer.toString(user.accessVersion()));
        repository.save(session);
        return new SessionTicket(session.getId(), session.getCreationTime().plus(lifetime), user);
    }

    /**
     * The attributes that make a session created elsewhere with Spring Session's repository (a browser's HTTP
     * session) a back-office login session of this user: {@link #resolveOffice} then answers its user, and a change
     * to the user, {@link #closeOffice} and its expiry end it like an API session. {@link #resolve} never answers
     * it: a back-office session does not authenticate the APIs. Values are text.
     */
    public Map<String, String> attributesOf(UserAccount user) {
        return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user.login(),
                OFFICE_USER_VERSION, Integer.toString(user.accessVersion()));
    }

    /**
     * The user of a live API login session ({@link #open}); empty for an unknown, expired or ended one, one whose
     * user changed, was disabled or removed since its login, or a back-office session. Runs on every authenticated
     * request (when not cached), so it is one statement with no transaction around it.
     */
    public Optional<AuthenticatedUser> resolve(String sid) {
        if (sid == null || sid.isBlank() || sid.length() > 64) {
            return Optional.empty();
        }
        String key = sid.strip();
        return cache.resolve(key, () -> load(key, USER_VERSION));
    }

    /** The user of a live back-office session ({@link #attributesOf}); an API login session id answers nothing. */
    public Optional<AuthenticatedUser> resolveOffice(String sid) {
        if (sid == null || sid.isBlank() || sid.length() > 64) {
            return Optional.empty();
        }
        String key = sid.strip();
        return cache.resolve(OFFICE_KEY + key, () -> load(key, OFFICE_USER_VERSION));
    }

    private Optional<SessionCache.CachedSession> load(String sid, String userVersionAttribute) {
        long now = System.currentTimeMillis();
        return sessions.find(sid, userVersionAttribute).stream().map(s -> live(s, now))
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The session's user and end, unless it expired, its user changed since its login or was disabled. */
    private SessionCache.CachedSession live(LoginSessionRepository.StoredSession s, long now) {
        long expires = Math.min(s.expiryTime(), s.creationTime() + lifetime.toMillis());
        String userVersion = Integer.toString(s.accessVersion());
        boolean sameUser = SessionStorage.read(s.userVersionAttribute()).filter(userVersion::equals).isPresent();
        if (expires <= now || !sameUser || s.disabled()) {
            return null;
        }
        return new SessionCache.CachedSession(new AuthenticatedUser(s.login(), s.roles(), s.sessionId().strip()),
                expires);
    }

    /** Ends an API login session; by the time this returns, no instance accepts it any more. */
    public void close(String sid) {
        repository.deleteById(sid);
        cache.announceSessionEnd(sid);
    }

    /** Ends a back-office session; by the time this returns, no instance accepts it any more. */
    public void closeOffice(String sid) {
        repository.deleteById(sid);
        cache.announceSessionEnd(OFFICE_KEY + sid);
    }

    /**
     * Ends every session of a user and forgets their checked passwords on every instance, e.g. after their roles
     * or password changed or they were disabled. Inside a transaction both happen when it commits.
     */
    void closeAll(String login) {
        sessions.deleteAllOf(login);
        cache.announceUserChange(login);
    }
}
