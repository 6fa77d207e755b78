package org.populus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.history.Provenance;
import org.populus.person.PersonEvent;
import org.populus.person.Registrants;
import org.populus.support.Api;
import org.populus.support.BrokerQueue;
import org.populus.support.BrokerQueue.Delivery;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The CloudEvents of registrant and household versions, on the broker. */
class ChangeEventsHttpTest extends HttpTest {

    @Autowired
    Registrants registrants;

    static CloudEvent cloudEvent(Delivery d) {
        return EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(d.body().getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode data(CloudEvent e) {
        return Api.JSON.readTree(e.getData().toBytes());
    }

    @Test
    void everyRegistrantVersionIsOneCloudEventNamingWhatChangedWithoutPersonalData() {
        try (BrokerQueue consumer = BrokerQueue.open("populus-test-changes-" + unique(), "hutch",
                "populus.registrant.changed")) {
            String family = "Eventful" + unique();
            long id = api.post("/api/v1/registry/individual/", obj("given_name", "Eva", "family_name", family,
                    "gender", "female", "birthdate", "1990-05-17"), Api.session(adminSession()))
                    .json().get("id").asLong();
            registrants.transition(id, Provenance.system("test verification"), PersonEvent.VERIFY);

            List<Delivery> received = consumer.await(d -> cloudEvent(d).getSubject().equals(Long.toString(id)), 2,
                    Duration.ofSeconds(20));
            assertThat(received).hasSize(2);
            CloudEvent created = cloudEvent(received.get(0));
            CloudEvent verified = cloudEvent(received.get(1));
            assertThat(created.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(created.getType()).isEqualTo("org.populus.registrant.changed");
            assertThat(created.getSource().toString()).isEqualTo("/populus");
            assertThat(created.getDataContentType()).isEqualTo("application/json");
            assertThat(created.getId()).isEqualTo(received.get(0).properties().getMessageId());
            assertThat(received.get(0).properties().getContentType()).isEqualTo("application/cloudevents+json");
            assertThat(received.get(0).properties().getDeliveryMode()).isEqualTo(2);

            JsonNode first = data(created);
            assertThat(first.propertyNames()).containsExactly("id", "version", "recorded_at", "actor", "reason",
                    "changed");
            assertThat(first.get("id").asLong()).isEqualTo(id);
            assertThat(first.get("version").asInt()).isEqualTo(1);
            assertThat(first.get("actor").asString()).isEqualTo("user:admin");
            assertThat(first.get("reason").asString()).isEqualTo("POST /api/v1/registry/individual/");
            assertThat(created.getTime().toInstant().toString()).isEqualTo(first.get("recorded_at").asString());
            assertThat(first.get("changed").toString()).contains("data.givenName", "data.familyName");
            assertThat(received.get(0).body()).doesNotContain(family).doesNotContain("1990-05-17");

            JsonNode second = data(verified);
            assertThat(second.get("version").asInt()).isEqualTo(2);
            assertThat(second.get("actor").asString()).isEqualTo("system");
            assertThat(second.get("reason").asString()).isEqualTo("test verification");
            assertThat(second.get("changed")).extracting(JsonNode::asString).containsExactly("status.verification");
        }
    }

    @Test
    void aHouseholdVersionIsAHouseholdChangedEvent() {
        try (BrokerQueue consumer = BrokerQueue.open("populus-test-households-" + unique(), "hutch",
                "populus.household.changed")) {
            long group = api.post("/api/v1/registry/group/", obj("name", "Eventful household " + unique(), "kind",
                    "Household", "members", List.of(obj("name", "Hugo Eventful", "given_name", "Hugo",
                            "family_name", "Eventful" + unique(), "kind", List.of(obj("name", "Head"))))),
                    Api.session(adminSession())).json().get("id").asLong();

            List<Delivery> received = consumer.await(d -> cloudEvent(d).getSubject().equals(Long.toString(group)),
                    1, Duration.ofSeconds(20));
            assertThat(received).hasSize(1);
            assertThat(received.get(0).routingKey()).isEqualTo("populus.household.changed");
            CloudEvent e = cloudEvent(received.get(0));
            assertThat(e.getType()).isEqualTo("org.populus.household.changed");
            assertThat(data(e).get("id").asLong()).isEqualTo(group);
            assertThat(data(e).get("version").asInt()).isEqualTo(1);
        }
    }
}
