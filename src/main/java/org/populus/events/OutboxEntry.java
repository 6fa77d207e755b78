package org.populus.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row with the version it points at and the snapshot before it.
 *
 * @param eventId random and fixed when the row was written: the messages' ids derive from it, so a message sent
 *        again after a crash carries the same id
 * @param previousSnapshot the record's version before this one, null for its first version
 */
record OutboxEntry(long id, UUID eventId, String subjectType, long subjectId, int version, Instant recordedAt,
        String actor, String reason, String snapshot, String previousSnapshot) {
}
