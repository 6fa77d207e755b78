package org.populus.events;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.springframework.stereotype.Component;

/**
 * The messages an outbox row stands for, in the order they are published: the Census notifications of a
 * registrant's version (if any), then the version's change event.
 */
@Component
class EventMessages {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventMessages.class);

    private final CensusNotifications census;
    private final ChangeEvents changes;
    private final Registrants registrants;
    private final Clock clock;

    EventMessages(CensusNotifications census, ChangeEvents changes, Registrants registrants, Clock clock) {
        this.census = census;
        this.changes = changes;
        this.registrants = registrants;
        this.clock = clock;
    }

    List<OutgoingMessage> of(OutboxEntry e) {
        List<OutgoingMessage> out = new ArrayList<>(3);
        if (Registrants.HISTORY_SUBJECT.equals(e.subjectType())) {
            try {
                Registrant before = e.previousSnapshot() == null ? null
                        : registrants.fromSnapshot(e.previousSnapshot());
                Registrant after = registrants.fromSnapshot(e.snapshot());
                for (CensusNotifications.Notification n : census.of(before, after, e.actor(), LocalDate.now(clock))) {
                    out.add(new OutgoingMessage(n.routingKey(), OutgoingMessage.messageId(e.eventId(), n.routingKey()),
                            "application/json", n.bytes()));
                }
            } catch (RuntimeException ex) {
                // a snapshot the person module cannot read must not stop every later event: its change event goes out
                log.error("No Census notifications for registrant {} version {}: its snapshot cannot be read",
                        e.subjectId(), e.version(), ex);
            }
        }
        out.add(changes.message(e));
        return out;
    }
}
