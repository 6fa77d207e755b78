package org.populus.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.populus.support.Api;
import tools.jackson.databind.JsonNode;

/** What a change event's data holds, with and without {@code populus.events.include-data}. */
class ChangeEventsTest {

    private static final OutboxEntry ENTRY = new OutboxEntry(1, UUID.randomUUID(), "registrant", 42, 3,
            Instant.parse("2026-01-02T03:04:05.123456Z"), "user:registrar", "procedure 7 (person_data_change) accepted",
            "{\"id\":42,\"version\":3,\"data\":{\"givenName\":\"Ana\",\"email\":\"new@example.org\"}}",
            "{\"id\":42,\"version\":2,\"data\":{\"givenName\":\"Ana\",\"email\":\"old@example.org\"}}");

    private static EventsProperties settings(boolean includeData) {
        return new EventsProperties(null, "hutch", includeData, Duration.ofMillis(50), Duration.ofSeconds(1), 200);
    }

    private static JsonNode data(CloudEvent e) {
        return Api.JSON.readTree(e.getData().toBytes());
    }

    @Test
    void byDefaultTheDataNamesTheChangedFieldsButHoldsNoPersonalData() {
        CloudEvent e = new ChangeEvents(settings(false)).event(ENTRY, UUID.randomUUID());
        JsonNode data = data(e);
        assertThat(data.propertyNames()).containsExactly("id", "version", "recorded_at", "actor", "reason",
                "changed");
        assertThat(data.get("changed")).extracting(JsonNode::asString).containsExactly("data.email");
        assertThat(data.get("recorded_at").asString()).isEqualTo("2026-01-02T03:04:05.123456Z");
        assertThat(data.toString()).doesNotContain("Ana", "example.org");
    }

    @Test
    void withIncludeDataTheWholeSnapshotIsAdded() {
        CloudEvent e = new ChangeEvents(settings(true)).event(ENTRY, UUID.randomUUID());
        assertThat(data(e).get("snapshot").get("data").get("email").asString()).isEqualTo("new@example.org");
    }

    @Test
    void theMessageIdIsTheSameOnEveryAttemptAndDiffersPerRoutingKey() {
        OutgoingMessage once = new ChangeEvents(settings(false)).message(ENTRY);
        OutgoingMessage again = new ChangeEvents(settings(false)).message(ENTRY);
        assertThat(once.messageId()).isEqualTo(again.messageId());
        assertThat(OutgoingMessage.messageId(ENTRY.eventId(), "census.people.full_status_changed"))
                .isNotEqualTo(once.messageId());
    }
}
