package org.populus.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A message to publish: where it goes, its fixed id, its body and the body's content type.
 *
 * @param messageId derived from the outbox row's event id and the routing key: the same on every attempt
 */
record OutgoingMessage(String routingKey, UUID messageId, String contentType, byte[] body) {

    static UUID messageId(UUID eventId, String routingKey) {
        return UUID.nameUUIDFromBytes((eventId + " " + routingKey).getBytes(StandardCharsets.UTF_8));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
