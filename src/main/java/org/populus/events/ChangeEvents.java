package org.populus.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.populus.history.SnapshotDifference;
import org.populus.household.Households;
import org.populus.person.Registrants;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic change event of a version: a CloudEvents 1.0 event in structured JSON mode, type
 * {@code org.populus.registrant.changed} or {@code org.populus.household.changed}, subject the record id, data
 * {@code {id, version, recorded_at, actor, reason, changed}} — {@code changed} naming the fields that differ from the
 * version before ({@link SnapshotDifference}) — and, with {@code populus.events.include-data}, {@code snapshot}: the
 * whole record.
 */
@Component
class ChangeEvents {

    static final URI SOURCE = URI.create("/populus");
    static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private final boolean includeData;
    private final EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    private final JsonMapper json = JsonMapper.builder().build();

    ChangeEvents(EventsProperties properties) {
        this.includeData = properties.includeData();
    }

    /** {@code registrant} or {@code household}: the record kind named in types and routing keys. */
    static String kind(String subjectType) {
        return switch (subjectType) {
            case Registrants.HISTORY_SUBJECT -> "registrant";
            case Households.HISTORY_SUBJECT -> "household";
            default -> subjectType;
        };
    }

    static String routingKey(String subjectType) {
        return "populus." + kind(subjectType) + ".changed";
    }

    CloudEvent event(OutboxEntry e, java.util.UUID id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", e.subjectId());
        data.put("version", e.version());
        data.put("recorded_at", e.recordedAt().toString());
        data.put("actor", e.actor());
        data.put("reason", e.reason());
        data.put("changed", SnapshotDifference.changedFields(e.previousSnapshot(), e.snapshot()));
        if (includeData) {
            data.put("snapshot", json.readTree(e.snapshot()));
        }
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(SOURCE)
                .withType("org.populus." + kind(e.subjectType()) + ".changed")
                .withSubject(Long.toString(e.subjectId()))
                .withTime(e.recordedAt().atOffset(ZoneOffset.UTC))
                .withData("application/json", json.writeValueAsBytes(data))
                .build();
    }

    OutgoingMessage message(OutboxEntry e) {
        String routingKey = routingKey(e.subjectType());
        java.util.UUID id = OutgoingMessage.messageId(e.eventId(), routingKey);
        return new OutgoingMessage(routingKey, id, CONTENT_TYPE, format.serialize(event(e, id)));
    }
}
