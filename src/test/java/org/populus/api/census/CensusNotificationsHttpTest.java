package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.census.CensusForms.form;
import static org.populus.api.census.CensusForms.nested;
import static org.populus.api.census.CensusForms.pairs;
import static org.populus.api.census.CensusForms.person;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.person.Registrants;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Procedures;
import org.populus.support.Api;
import org.populus.support.BrokerQueue;
import org.populus.support.BrokerQueue.Delivery;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Census notifications on RabbitMQ as Decidim's census connector consumes them: its durable queue bound to
 * {@code census.people.full_status_changed} on the durable topic exchange {@code hutch}.
 */
class CensusNotificationsHttpTest extends HttpTest {

    static final String DECIDIM_QUEUE = "decidim:census_connector:full_status_changed_consumer";
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    Procedures procedures;

    @Autowired
    Registrants registrants;

    @Test
    void decidimsConsumerReceivesOneMessagePerStatusChangeInOrderWithTheCensusBodiesAndProperties() {
        try (BrokerQueue decidim = BrokerQueue.open(DECIDIM_QUEUE, "hutch", "census.people.full_status_changed")) {
            Instant start = Instant.now().minusSeconds(1);
            int decidimUser = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
            Api.Response registered = form(api, "POST", "/api/v1/people", nested(person()),
                    pairs("origin_qualified_id", decidimUser + "@decidim-1"));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
            long id = registered.json().get("person_id").asLong();
            String qid = "/api/v1/people/" + id + "@census";
            awaitShown(id, "state", "enabled");

            Api.Response verification = form(api, "POST", qid + "/document_verifications",
                    pairs("files[][filename]", "front.png", "files[][content_type]", "image/png",
                            "files[][base64_content]", Base64.getEncoder().encodeToString(PNG)),
                    pairs("files[][filename]", "back.png", "files[][content_type]", "image/png",
                            "files[][base64_content]", Base64.getEncoder().encodeToString(PNG)));
            assertThat(verification.status()).as(verification.toString()).isEqualTo(202);
            awaitShown(id, "verification", "verification_received");

            Procedure documents = procedures.pending(id).stream()
                    .filter(p -> p.type() == ProcedureType.DOCUMENT_VERIFICATION).findFirst().orElseThrow();
            Api.Response accepted = api.post("/admin/api/procedures/" + documents.id() + "/accept",
                    Map.of("comment", "documents match"), Api.session(sessionWith(Role.REGISTRAR)));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            awaitShown(id, "verification", "verified");

            assertThat(form(api, "POST", qid + "/membership_levels", pairs("membership_level", "member")).status())
                    .isEqualTo(202);
            awaitShown(id, "membership_level", "member");

            assertThat(form(api, "DELETE", qid, pairs("channel", "decidim", "reason", "leaving")).status())
                    .isEqualTo(202);
            awaitShown(id, "state", "cancelled");

            Predicate<Delivery> ofThisPerson = d -> d.body().startsWith("{\"person\":\"" + id + "@census\"");
            List<Delivery> received = decidim.await(ofThisPerson, 5, Duration.ofSeconds(30));
            int age = Period.between(LocalDate.of(1980, 1, 1), LocalDate.now()).getYears();
            String head = "{\"person\":\"" + id + "@census\",\"external_ids\":{\"decidim-1\":" + decidimUser + "},";
            String tail = ",\"scope_code\":\"ES\",\"document_type\":\"dni\",\"age\":" + age + "}";
            assertThat(received).extracting(Delivery::body).containsExactly(
                    head + "\"state\":\"enabled\",\"verification\":\"not_verified\",\"membership_level\":\"follower\""
                            + tail,
                    head + "\"state\":\"enabled\",\"verification\":\"verification_received\","
                            + "\"membership_level\":\"follower\"" + tail,
                    head + "\"state\":\"enabled\",\"verification\":\"verified\",\"membership_level\":\"follower\""
                            + tail,
                    head + "\"state\":\"enabled\",\"verification\":\"verified\",\"membership_level\":\"member\""
                            + tail,
                    head + "\"state\":\"cancelled\",\"verification\":\"verified\"}");
            for (Delivery d : received) {
                assertThat(d.routingKey()).isEqualTo("census.people.full_status_changed");
                assertThat(d.properties().getContentType()).isEqualTo("application/json");
                assertThat(d.properties().getDeliveryMode()).isEqualTo(2);
                assertThat(UUID.fromString(d.properties().getMessageId())).isNotNull();
                assertThat(d.properties().getTimestamp().toInstant()).isBetween(start, Instant.now());
                assertThat(d.properties().getHeaders()).as("no headers, as Hutch sends them").isNullOrEmpty();
            }
            assertThat(received).extracting(d -> d.properties().getMessageId()).doesNotHaveDuplicates();
            assertThat(decidim.drain(ofThisPerson, Duration.ofSeconds(1))).as("no further status change").isEmpty();
        }
    }

    @Test
    void confirmEmailChangeIsSentForARegistrarsEmailChangeAndNotForThePersonsOwn() {
        try (BrokerQueue consumer = BrokerQueue.open("populus-test-email-" + unique(), "hutch",
                "census.people.confirm_email_change", "populus.registrant.changed")) {
            int decidimUser = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
            Api.Response registered = form(api, "POST", "/api/v1/people", nested(person()),
                    pairs("origin_qualified_id", decidimUser + "@decidim-1"));
            long id = registered.json().get("person_id").asLong();
            String qid = "/api/v1/people/" + id + "@census";
            awaitShown(id, "state", "enabled");

            // the person's own change: processed by the queue
            String own = "own-" + unique() + "@example.org";
            assertThat(form(api, "PATCH", qid, pairs("email", own)).status()).isEqualTo(202);
            awaitShown(id, "email", own);
            int ownVersion = registrants.find(id).orElseThrow().version();

            // a change held for review (an untrusted domain), which a registrar accepts
            String byRegistrar = "checked-" + unique() + "@mailinator.com";
            assertThat(form(api, "PATCH", qid, pairs("email", byRegistrar)).status()).isEqualTo(202);
            Procedure change = awaitPending(id, ProcedureType.PERSON_DATA_CHANGE);
            Api.Response accepted = api.post("/admin/api/procedures/" + change.id() + "/accept",
                    Map.of("override_issues", true, "comment", "called the person"),
                    Api.session(sessionWith(Role.REGISTRAR)));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            awaitShown(id, "email", byRegistrar);
            int registrarVersion = registrants.find(id).orElseThrow().version();

            // every message of a version precedes its change event: wait for that of the registrar's version
            String subject = "\"subject\":\"" + id + "\"";
            List<Delivery> received = consumer.await(
                    d -> d.body().startsWith("{\"person\":\"" + id + "@census\"") || d.body().contains(subject)
                            && d.body().contains("\"version\":" + registrarVersion + ","),
                    2, Duration.ofSeconds(30));
            assertThat(received).hasSize(2);
            assertThat(received.get(0).routingKey()).isEqualTo("census.people.confirm_email_change");
            assertThat(received.get(0).body()).isEqualTo("{\"person\":\"" + id + "@census\",\"external_ids\":"
                    + "{\"decidim-1\":" + decidimUser + "},\"email\":\"" + byRegistrar + "\"}");
            assertThat(received.get(0).properties().getContentType()).isEqualTo("application/json");
            assertThat(received.get(0).properties().getDeliveryMode()).isEqualTo(2);
            assertThat(received.get(1).routingKey()).isEqualTo("populus.registrant.changed");
            assertThat(ownVersion).isLessThan(registrarVersion);
        }
    }

    @Test
    void aDataChangeThatMovesTheBirthDateIsAStatusChangeAndOneOfTheAddressIsNot() {
        try (BrokerQueue consumer = BrokerQueue.open("populus-test-data-" + unique(), "hutch",
                "census.people.full_status_changed", "populus.registrant.changed")) {
            long id = form(api, "POST", "/api/v1/people", nested(person())).json().get("person_id").asLong();
            String qid = "/api/v1/people/" + id + "@census";
            awaitShown(id, "state", "enabled");
            assertThat(form(api, "PATCH", qid, pairs("address", "Calle Nueva 2")).status()).isEqualTo(202);
            awaitShown(id, "address", "Calle Nueva 2");
            assertThat(form(api, "PATCH", qid, pairs("born_at", "2000-06-15")).status()).isEqualTo(202);
            awaitShown(id, "born_at", "2000-06-15");
            int last = registrants.find(id).orElseThrow().version();

            String subject = "\"subject\":\"" + id + "\"";
            List<Delivery> received = consumer.await(d -> d.body().startsWith("{\"person\":\"" + id + "@census\"")
                    || d.body().contains(subject) && d.body().contains("\"version\":" + last + ","), 3,
                    Duration.ofSeconds(30));
            assertThat(received).extracting(Delivery::routingKey).containsExactly(
                    "census.people.full_status_changed", "census.people.full_status_changed",
                    "populus.registrant.changed");
            int age = Period.between(LocalDate.of(2000, 6, 15), LocalDate.now()).getYears();
            assertThat(received.get(0).body()).contains("\"state\":\"enabled\"");
            assertThat(received.get(1).body()).contains("\"state\":\"enabled\"").endsWith("\"age\":" + age + "}");
        }
    }

    private Procedure awaitPending(long id, ProcedureType type) {
        long until = System.currentTimeMillis() + 20_000;
        while (true) {
            procedures.processQueued();
            java.util.Optional<Procedure> p = procedures.pending(id).stream().filter(x -> x.type() == type)
                    .findFirst();
            if (p.isPresent()) {
                return p.get();
            }
            assertThat(System.currentTimeMillis()).as("a pending " + type + " of " + id).isLessThan(until);
        }
    }

    /** Waits until the Census API shows that value (the queue processes the procedures meanwhile). */
    private void awaitShown(long id, String attribute, String value) {
        long until = System.currentTimeMillis() + 20_000;
        while (!value.equals(api.get("/api/v1/people/" + id + "@census").json().path(attribute).asString())) {
            assertThat(System.currentTimeMillis()).as(attribute + " of " + id + " becomes " + value).isLessThan(until);
            procedures.processQueued();
        }
    }
}
