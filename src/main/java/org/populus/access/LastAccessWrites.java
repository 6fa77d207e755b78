package org.populus.access;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, writing a session's last access only when it moved by at least {@link #GRANULARITY}: Spring
 * Session otherwise updates the row on every request of a session (a committed write per back-office page). A
 * session therefore ends its idle timeout at most {@code GRANULARITY} earlier than the exact last request would
 * make it. Any other change (attributes, id, timeout) is saved as before.
 */
final class LastAccessWrites implements FindByIndexNameSessionRepository<Session> {

    static final Duration GRANULARITY = Duration.ofSeconds(60);

    private final FindByIndexNameSessionRepository<Session> store;

    LastAccessWrites(FindByIndexNameSessionRepository<Session> store) {
        this.store = store;
    }

    @Override
    public Session createSession() {
        return new Stored(store.createSession());
    }

    @Override
    public void save(Session session) {
        store.save(session instanceof Stored s ? s.stored : session);
    }

    @Override
    public Session findById(String id) {
        Session found = store.findById(id);
        return found == null ? null : new Stored(found);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Session> found = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> found.put(id, new Stored(s)));
        return found;
    }

    /** A session of the store whose last access is set only when it moved by the granularity or more. */
    static final class Stored implements Session {

        private final Session stored;

        Stored(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            Instant previous = stored.getLastAccessedTime();
            if (previous == null || Duration.between(previous, lastAccessedTime).abs().compareTo(GRANULARITY) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
