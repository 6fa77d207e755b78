package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.census.CensusForms.form;
import static org.populus.api.census.CensusForms.nested;
import static org.populus.api.census.CensusForms.pairs;
import static org.populus.api.census.CensusForms.person;
import static org.populus.api.census.CensusForms.root;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureState;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Procedures;
import org.populus.scope.Scopes;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * The Census write endpoints through a real port, with the real client's form-urlencoded requests and the documented
 * JSON ones: the cases the original Census server's own tests checked, and the choices of docs/census-api.md.
 */
class CensusWriteApiTest extends HttpTest {

    @Autowired
    Procedures procedures;

    @Autowired
    Registrants registrants;

    @Autowired
    Scopes scopes;

    @Autowired
    org.populus.procedure.Reviews reviews;

    @Autowired
    org.populus.procedure.Issues issues;

    @BeforeEach
    void spanishScopes() throws Exception {
        if (scopes.find("ES-CL-LE").isEmpty()) {
            scopes.load(new ClassPathResource("scopes/spain.tsv").getFile().toPath());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Registers through the real client's request and returns the person id. */
    long register(Map<String, String> person, String origin) {
        Response r = form(api, "POST", "/api/v1/en/people", nested(person),
                origin == null ? List.of() : pairs("origin_qualified_id", origin));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("person_id").asLong();
    }

    JsonNode show(long id) {
        Response r = api.get("/api/v1/people/" + id + "@census");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** Waits (up to 10 s) for the queue to bring the person to this state. */
    JsonNode awaitState(long id, String field, String value) {
        long until = System.currentTimeMillis() + 10_000;
        JsonNode person = show(id);
        while (!value.equals(person.get(field).asString()) && System.currentTimeMillis() < until) {
            procedures.processQueued();
            sleep(20);
            person = show(id);
        }
        assertThat(person.get(field).asString()).as(person.toString()).isEqualTo(value);
        return person;
    }

    Procedure awaitProcedure(long personId, ProcedureType type, ProcedureState state) {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            var found = procedures.ofPerson(personId).stream().filter(p -> p.type() == type && p.state() == state)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            procedures.processQueued();
            sleep(20);
        }
        throw new AssertionError("no " + type + " " + state + " for " + personId + ": " + procedures.ofPerson(personId));
    }

    /** Waits (up to 10 s) for the queue to raise issues about the person, and returns their types. */
    List<String> awaitIssues(long person) {
        long until = System.currentTimeMillis() + 10_000;
        List<String> types = List.of();
        while (types.isEmpty() && System.currentTimeMillis() < until) {
            procedures.processQueued();
            types = jdbc.sql("select type from issue i join issue_person ip on ip.issue_id = i.id where ip.party_id = ?")
                    .param(person).query(String.class).list();
            if (types.isEmpty()) {
                sleep(20);
            }
        }
        return types;
    }

    long enabledPerson() {
        long id = register(person(), null);
        awaitState(id, "state", "enabled");
        return id;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- registration ---------------------------------------------------------------------------------------

    @Test
    void registrationIsAcceptedWithThePersonIdAndProcessedByTheQueue() {
        Map<String, String> p = person();
        String origin = (int) (Math.random() * 1_000_000 + 1) + "@participa2_application-" + unique();
        Response r = form(api, "POST", "/api/v1/en/people", nested(p), pairs("origin_qualified_id", origin));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.body()).matches("\\{\"person_id\":\\d+}");
        long id = r.json().get("person_id").asLong();

        List<Procedure> list = procedures.ofPerson(id);
        assertThat(list).hasSize(1);
        Procedure registration = list.get(0);
        assertThat(registration.type()).isEqualTo(ProcedureType.REGISTRATION);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) registration.information().get("person_data");
        assertThat(data).containsEntry("scope_code", "ES").containsEntry("address_scope_code", "ES")
                .containsEntry("document_scope_code", "ES").containsEntry("document_id", p.get("document_id"));

        JsonNode person = awaitState(id, "state", "enabled");
        assertThat(person.get("verification").asString()).isEqualTo("not_verified");
        assertThat(person.get("membership_level").asString()).isEqualTo("follower");
        assertThat(person.get("phone_verification").asString()).isEqualTo("not_verified");
        assertThat(person.get("first_name").asString()).isEqualTo("Lucía");
        assertThat(person.get("document_id").asString()).isEqualTo(p.get("document_id"));
        assertThat(person.get("phone").asString()).isEqualTo(p.get("phone"));
        String[] parts = origin.split("@");
        assertThat(person.get("external_ids").get(parts[1]).asLong()).isEqualTo(Long.parseLong(parts[0]));
        assertThat(awaitProcedure(id, ProcedureType.REGISTRATION, ProcedureState.ACCEPTED).comment())
                .isEqualTo(Procedure.AUTO_ACCEPTED);
        // the same person through the external id
        assertThat(api.get("/api/v1/people/" + origin).json().get("person_id").asLong()).isEqualTo(id);
    }

    @Test
    void documentedJsonRegistrationWithPersonId() {
        Map<String, String> p = person();
        String origin = "126@decidim-" + unique();
        Response r = api.post("/api/v1/people", new java.util.LinkedHashMap<String, Object>(p) {
            {
                put("person_id", origin);
            }
        });
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        long id = r.json().get("person_id").asLong();
        assertThat(api.get("/api/v1/people/" + origin).json().get("person_id").asLong()).isEqualTo(id);
    }

    @Test
    void registrationWithoutAnOriginIdHasNoExternalIds() {
        long id = register(person(), null);
        assertThat(show(id).get("external_ids").size()).isZero();
    }

    @Test
    void unknownScopeIsBlank() {
        Map<String, String> p = person();
        p.put("scope_code", "potato");
        Response r = form(api, "POST", "/api/v1/people", nested(p));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"scope\":[{\"error\":\"blank\"}]}");
    }

    @Test
    void emptyPersonListsEveryRequiredField() {
        long before = count();
        Response r = api.post("/api/v1/people", Map.of("person", Map.of()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"first_name\":[{\"error\":\"blank\"}],\"last_name1\":[{\"error\":\"blank\"}],"
                + "\"document_type\":[{\"error\":\"blank\"}],\"document_id\":[{\"error\":\"blank\"}],"
                + "\"born_at\":[{\"error\":\"blank\"}],\"gender\":[{\"error\":\"blank\"}],"
                + "\"address\":[{\"error\":\"blank\"}],\"postal_code\":[{\"error\":\"blank\"}],"
                + "\"email\":[{\"error\":\"blank\"}],\"document_scope\":[{\"error\":\"blank\"}],"
                + "\"address_scope\":[{\"error\":\"blank\"}],\"scope\":[{\"error\":\"blank\"}]}");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theOriginalsAllBlankBodyExactly() {
        // the real client always sends a document type, an email and a document scope; everything else blank
        Map<String, String> p = new java.util.LinkedHashMap<>();
        for (String k : List.of("first_name", "last_name1", "last_name2", "document_id", "born_at", "gender",
                "address", "address_scope_code", "postal_code", "scope_code", "phone")) {
            p.put(k, "");
        }
        p.put("document_type", "dni");
        p.put("document_scope_code", "ES");
        p.put("email", "someone@example.org");
        Response r = form(api, "POST", "/api/v1/en/people", nested(p), pairs("origin_qualified_id", "1@blank"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"first_name\":[{\"error\":\"blank\"}],\"last_name1\":[{\"error\":\"blank\"}],"
                + "\"document_id\":[{\"error\":\"blank\"}],\"born_at\":[{\"error\":\"blank\"}],"
                + "\"gender\":[{\"error\":\"blank\"}],\"address\":[{\"error\":\"blank\"}],"
                + "\"postal_code\":[{\"error\":\"blank\"}],\"address_scope\":[{\"error\":\"blank\"}],"
                + "\"scope\":[{\"error\":\"blank\"}]}");
    }

    @Test
    void eachMissingFieldGivesOneError() {
        for (String field : List.of("first_name", "email", "document_type", "document_id", "gender")) {
            Map<String, String> p = person();
            p.put(field, "");
            Response r = form(api, "POST", "/api/v1/people", nested(p));
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body()).as(field).isEqualTo("{\"" + field + "\":[{\"error\":\"blank\"}]}");
        }
    }

    @Test
    void anUnknownGenderOrDocumentTypeIsInclusionAndAnUnreadableBirthDateIsInvalid() {
        Map<String, String> p = person();
        p.put("gender", "ardilla");
        Response r = form(api, "POST", "/api/v1/people", nested(p));
        assertThat(r.body()).isEqualTo("{\"gender\":[{\"error\":\"inclusion\",\"value\":\"ardilla\"}]}");
        p = person();
        p.put("born_at", "potato");
        assertThat(form(api, "POST", "/api/v1/people", nested(p)).body())
                .isEqualTo("{\"born_at\":[{\"error\":\"invalid\"}]}");
        p = person();
        p.put("document_type", "carnet");
        assertThat(form(api, "POST", "/api/v1/people", nested(p)).body())
                .isEqualTo("{\"document_type\":[{\"error\":\"inclusion\",\"value\":\"carnet\"}]}");
    }

    @Test
    void aSpanishDocumentMustBeValidAndLocalWhileAPassportMayComeFromAnywhere() {
        Map<String, String> p = person();
        p.put("document_id", "1234");
        assertThat(form(api, "POST", "/api/v1/people", nested(p)).body())
                .isEqualTo("{\"document_id\":[{\"error\":\"invalid\"}]}");
        p = person();
        p.put("document_id", "00000001T");
        assertThat(form(api, "POST", "/api/v1/people", nested(p)).body())
                .isEqualTo("{\"document_id\":[{\"error\":\"invalid\"}]}");
        // a DNI under another scope must be local
        p = person();
        p.put("document_scope_code", "US");
        assertThat(form(api, "POST", "/api/v1/people", nested(p)).body())
                .isEqualTo("{\"document_scope\":[{\"error\":\"should_be_local\"}]}");
        // a passport may come from anywhere; only its length counts there
        p = person();
        p.put("document_type", "passport");
        p.put("document_id", "AB" + (100000 + (int) (Math.random() * 800000)));
        p.put("document_scope_code", "FR");
        assertThat(form(api, "POST", "/api/v1/people", nested(p)).status()).isEqualTo(202);
        // 1R is normalized to 00000001R, which is valid
        p = person();
        p.put("document_id", "1r");
        long id = register(p, null);
        assertThat(show(id).get("document_id").asString()).isEqualTo("00000001R");
        // a NIE is normalized too
        p = person();
        p.put("document_type", "nie");
        String nie = CensusForms.nie();
        p.put("document_id", nie.toLowerCase().charAt(0) + "-" + nie.substring(1));
        assertThat(show(register(p, null)).get("document_id").asString()).isEqualTo(nie);
    }

    @Test
    void postalCodesMustBeInTheProvince() {
        Map<String, String> p = person();
        p.put("address_scope_code", "ES-CL-LE-001");
        p.put("postal_code", "01234");
        assertThat(form(api, "POST", "/api/v1/people", nested(p)).body())
                .isEqualTo("{\"postal_code\":[{\"error\":\"invalid\"}]}");
        p.put("postal_code", "24234");
        long id = register(p, null);
        assertThat(show(id).get("postal_code").asString()).isEqualTo("24234");
        // four digits under a Spanish scope get their leading zero
        p = person();
        p.put("postal_code", "8001");
        p.put("address_scope_code", "ES-CL");
        assertThat(show(register(p, null)).get("postal_code").asString()).isEqualTo("08001");
    }

    @Test
    void nestedParametersWinOverRootOnes() {
        Map<String, String> p = person();
        Response r = form(api, "POST", "/api/v1/people", root(Map.of("first_name", "Root")), nested(p));
        long id = r.json().get("person_id").asLong();
        assertThat(show(id).get("first_name").asString()).isEqualTo("Lucía");
    }

    @Test
    void registeringAgainWhilePendingUpdatesTheSameRegistration() {
        String origin = "77@again-" + unique();
        Map<String, String> p = person();
        // a pending registration stays pending while its person has an open issue: use an untrusted email
        p.put("email", "someone" + unique() + "@mailinator.com");
        long first = register(p, origin);
        procedures.processQueued();
        assertThat(show(first).get("state").asString()).isEqualTo("pending");
        p.put("first_name", "Second");
        long second = register(p, origin);
        assertThat(second).isEqualTo(first);
        assertThat(show(first).get("first_name").asString()).isEqualTo("Second");
        assertThat(procedures.ofPerson(first)).hasSize(1);
    }

    @Test
    void registeringAgainOnceProcessedIsRefused() {
        String origin = "78@again-" + unique();
        long id = register(person(), origin);
        awaitState(id, "state", "enabled");
        Response r = form(api, "POST", "/api/v1/people", nested(person()), pairs("origin_qualified_id", origin));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"person\":[{\"error\":\"cant_register_again\"}]}");
    }

    @Test
    void twoIdenticalRegistrationsAtOnceCreateOnePerson() throws Exception {
        String origin = "79@race-" + unique();
        Map<String, String> p = person();
        String body = CensusForms.encode(nested(p), pairs("origin_qualified_id", origin));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> api.raw("POST", "/api/v1/people", body, "Content-Type",
                        "application/x-www-form-urlencoded"));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                if (r.status() == 202) {
                    ids.add(r.json().get("person_id").asLong());
                } else {
                    // once the first is processed, later ones are refused as a second registration
                    assertThat(r.body()).isEqualTo("{\"person\":[{\"error\":\"cant_register_again\"}]}");
                }
            }
            assertThat(ids).isNotEmpty();
            assertThat(ids.stream().distinct()).hasSize(1);
        } finally {
            pool.shutdown();
        }
        String[] parts = origin.split("@");
        assertThat(jdbc.sql("select count(*) from party where external_ids @> jsonb_build_object(?::text, 79)")
                .param(parts[1]).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void moreConcurrentRegistrationsThanDatabaseConnectionsAllSucceedAndAreProcessed() throws Exception {
        // each request processes its registration after its commit: it must never hold two connections at once
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 128; i++) {
                Map<String, String> p = person();
                calls.add(() -> form(api, "POST", "/api/v1/es/people", nested(p)));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(202);
                ids.add(r.json().get("person_id").asLong());
            }
            for (long id : ids) {
                awaitState(id, "state", "enabled");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void malformedOriginIdIsInvalid() {
        Response r = form(api, "POST", "/api/v1/people", nested(person()), pairs("origin_qualified_id", "potato"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"origin_qualified_id\":[{\"error\":\"invalid\"}]}");
    }

    // ---- data change ----------------------------------------------------------------------------------------

    @Test
    void dataChangeThroughTheExternalId() {
        String origin = "91@participa2-1-" + unique();
        long id = register(person(), origin);
        awaitState(id, "state", "enabled");
        Response r = form(api, "PATCH", "/api/v1/people/" + origin,
                pairs("person[first_name]", "CHANGED", "person[scope_code]", "ES-CL"));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("{}");
        Procedure change = awaitProcedure(id, ProcedureType.PERSON_DATA_CHANGE, ProcedureState.ACCEPTED);
        assertThat(change.information().get("person_data"))
                .isEqualTo(Map.of("first_name", "CHANGED", "scope_code", "ES-CL"));
        JsonNode person = show(id);
        assertThat(person.get("first_name").asString()).isEqualTo("CHANGED");
        assertThat(person.get("scope_code").asString()).isEqualTo("ES-CL");
    }

    @Test
    void dataChangeWithPutAndJson() {
        long id = enabledPerson();
        Response r = api.put("/api/v1/gl/people/" + id + "@census", Map.of("person", Map.of("address", "Rúa Nova 2")));
        assertThat(r.status()).isEqualTo(202);
        awaitProcedure(id, ProcedureType.PERSON_DATA_CHANGE, ProcedureState.ACCEPTED);
        assertThat(show(id).get("address").asString()).isEqualTo("Rúa Nova 2");
    }

    @Test
    void aDataChangeIsCheckedAgainstTheStoredPersonAndUnchangedValuesAre204() {
        long id = enabledPerson();
        String path = "/api/v1/people/" + id + "@census";
        assertThat(form(api, "PATCH", path, pairs("scope_code", "potato")).body())
                .isEqualTo("{\"scope\":[{\"error\":\"blank\"}]}");
        assertThat(form(api, "PATCH", path, pairs("gender", "")).body())
                .isEqualTo("{\"gender\":[{\"error\":\"blank\"}]}");
        assertThat(form(api, "PATCH", path, pairs("gender", "potato")).body())
                .isEqualTo("{\"gender\":[{\"error\":\"inclusion\",\"value\":\"potato\"}]}");
        // the stored document is checked against a new type: a DNI is not a NIE
        assertThat(form(api, "PATCH", path, pairs("document_type", "nie")).body())
                .isEqualTo("{\"document_id\":[{\"error\":\"invalid\"}]}");
        // nothing to change
        JsonNode current = show(id);
        Response same = form(api, "PATCH", path, pairs("first_name", current.get("first_name").asString()));
        assertThat(same.status()).isEqualTo(204);
        assertThat(same.body()).isEmpty();
        assertThat(form(api, "PATCH", path, pairs("email", "new@example.org", "ignore_email", "true")).status())
                .isEqualTo(204);
        assertThat(procedures.pending(id)).isEmpty();
    }

    @Test
    void aDocumentChangeBringsTheThreeDocumentFieldsAndUnverifies() {
        long id = enabledPerson();
        // a passport from elsewhere: the stored DNI value is kept, only its length is checked there
        Response r = form(api, "PATCH", "/api/v1/people/" + id + "@census",
                pairs("document_type", "passport", "document_scope_code", "FR"));
        assertThat(r.status()).isEqualTo(202);
        Procedure change = awaitProcedure(id, ProcedureType.PERSON_DATA_CHANGE, ProcedureState.ACCEPTED);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) change.information().get("person_data");
        assertThat(data).containsOnlyKeys("document_type", "document_id", "document_scope_code")
                .containsEntry("document_type", "passport").containsEntry("document_scope_code", "FR");
        assertThat(show(id).get("document_type").asString()).isEqualTo("passport");
    }

    @Test
    void aChangeRequestedBeforeTheRegistrationIsProcessedWaitsForIt() {
        Map<String, String> p = person();
        long id = register(p, null);
        form(api, "PATCH", "/api/v1/people/" + id + "@census", pairs("address", "Later 1"));
        awaitProcedure(id, ProcedureType.PERSON_DATA_CHANGE, ProcedureState.ACCEPTED);
        JsonNode person = show(id);
        assertThat(person.get("state").asString()).isEqualTo("enabled");
        assertThat(person.get("address").asString()).isEqualTo("Later 1");
    }

    /** A person held for review (untrusted email): their data changes stay pending. */
    long heldPerson() {
        Map<String, String> p = person();
        p.put("email", "held" + unique() + "@mailinator.com");
        long id = register(p, null);
        assertThat(awaitIssues(id)).contains("untrusted_email");
        return id;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> pendingPersonData(long personId) {
        Procedure change = procedures.pending(personId).stream()
                .filter(p -> p.type() == ProcedureType.PERSON_DATA_CHANGE).findFirst()
                .orElseThrow(() -> new AssertionError("no pending data change for " + personId));
        return (Map<String, Object>) change.information().get("person_data");
    }

    @Test
    void aSecondDataChangeWhileTheFirstIsPendingIsAddedToIt() {
        long id = heldPerson();
        String path = "/api/v1/people/" + id + "@census";
        assertThat(form(api, "PATCH", path, pairs("address", "First")).status()).isEqualTo(202);
        assertThat(form(api, "PATCH", path, pairs("last_name2", "Second")).status()).isEqualTo(202);
        assertThat(pendingPersonData(id)).containsEntry("address", "First").containsEntry("last_name2", "Second");
        assertThat(procedures.pending(id)).filteredOn(p -> p.type() == ProcedureType.PERSON_DATA_CHANGE).hasSize(1);

        // the registrar trusts the email: the registration, then the change, are accepted
        long issue = jdbc.sql("""
                select i.id from issue i join issue_person ip on ip.issue_id = i.id
                where ip.party_id = ? and i.state = 'open'""").param(id).query(Long.class).single();
        issues.resolve(issue, "trusted", null, null, "user:registrar-" + unique());
        awaitProcedure(id, ProcedureType.PERSON_DATA_CHANGE, ProcedureState.ACCEPTED);
        JsonNode person = show(id);
        assertThat(person.get("address").asString()).isEqualTo("First");
        assertThat(person.get("last_name2").asString()).isEqualTo("Second");
    }

    @Test
    void aLaterValueForTheSameFieldWinsInThePendingChange() {
        long id = heldPerson();
        String path = "/api/v1/people/" + id + "@census";
        form(api, "PATCH", path, pairs("address", "First", "postal_code", "28002"));
        form(api, "PATCH", path, pairs("address", "Second"));
        assertThat(pendingPersonData(id)).containsEntry("address", "Second").containsEntry("postal_code", "28002");
        // asking again for what is already pending changes nothing
        assertThat(form(api, "PATCH", path, pairs("address", "Second")).status()).isEqualTo(204);
    }

    @Test
    void aPendingDocumentChangeTravelsWholeAndIsTheBaseOfTheNextOne() {
        long id = heldPerson();
        String path = "/api/v1/people/" + id + "@census";
        String nie = CensusForms.nie();
        form(api, "PATCH", path, pairs("document_type", "nie", "document_id", nie));
        // checked against the pending NIE, not the stored DNI
        assertThat(form(api, "PATCH", path, pairs("address", "Elsewhere")).status()).isEqualTo(202);
        assertThat(pendingPersonData(id)).containsEntry("document_type", "nie").containsEntry("document_id", nie)
                .containsEntry("document_scope_code", "ES").containsEntry("address", "Elsewhere");
    }

    @Test
    void concurrentDataChangesOfOnePersonAreAllKept() throws Exception {
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(heldPerson());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (long id : people) {
                String path = "/api/v1/people/" + id + "@census";
                calls.add(() -> form(api, "PATCH", path, pairs("address", "Address " + id)));
                calls.add(() -> form(api, "PATCH", path, pairs("last_name2", "Second " + id)));
            }
            for (Future<Response> f : pool.invokeAll(calls)) {
                assertThat(f.get().status()).as(f.get().toString()).isEqualTo(202);
            }
        } finally {
            pool.shutdown();
        }
        for (long id : people) {
            assertThat(pendingPersonData(id)).as("person " + id).containsEntry("address", "Address " + id)
                    .containsEntry("last_name2", "Second " + id);
        }
    }

    @Test
    void registeringAgainWithoutAnOptionalFieldKeepsItInTheRegistration() {
        String origin = "76@again-" + unique();
        Map<String, String> p = person();
        p.put("email", "someone" + unique() + "@mailinator.com");
        long id = register(p, origin);
        awaitIssues(id);
        Map<String, String> again = new java.util.LinkedHashMap<>(p);
        again.remove("last_name2");
        again.put("first_name", "Again");
        assertThat(register(again, origin)).isEqualTo(id);
        Procedure registration = procedures.pending(id).stream()
                .filter(x -> x.type() == ProcedureType.REGISTRATION).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) registration.information().get("person_data");
        // the person keeps the second family name given before; so does the registration that records them
        assertThat(show(id).get("last_name2").asString()).isEqualTo("López");
        assertThat(data).containsEntry("first_name", "Again").containsEntry("last_name2", "López");
    }

    @Test
    void writesToUnknownPeopleAreBlank() {
        assertThat(form(api, "PATCH", "/api/v1/people/0@census", pairs("first_name", "x")).body())
                .isEqualTo("{\"person\":[{\"error\":\"blank\"}]}");
        Response r = form(api, "DELETE", "/api/v1/people/0", pairs("channel", "decidim"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"person\":[{\"error\":\"blank\"}]}");
        assertThat(form(api, "POST", "/api/v1/people/999999999@census/membership_levels",
                pairs("membership_level", "member")).body()).isEqualTo("{\"person\":[{\"error\":\"blank\"}]}");
    }

    // ---- cancellation ---------------------------------------------------------------------------------------

    @Test
    void cancellationStoresChannelAndReasonAndCancels() {
        long id = enabledPerson();
        Response r = form(api, "DELETE", "/api/v1/people/" + id + "@census",
                pairs("reason", "I don't wanna", "channel", "decidim"));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("{}");
        Procedure cancellation = awaitProcedure(id, ProcedureType.CANCELLATION, ProcedureState.ACCEPTED);
        assertThat(cancellation.information()).containsEntry("channel", "decidim")
                .containsEntry("reason", "I don't wanna").containsEntry("from_state", "enabled");
        JsonNode person = show(id);
        assertThat(person.get("state").asString()).isEqualTo("cancelled");
        assertThat(person.has("first_name")).isFalse();
        // a discarded person takes no more requests
        assertThat(form(api, "POST", "/api/v1/people/" + id + "@census/additional_informations",
                pairs("key", "test_key", "json_value", "1")).body())
                .isEqualTo("{\"person\":[{\"error\":\"blank\"}]}");
    }

    @Test
    void cancellationNeedsAChannel() {
        long id = enabledPerson();
        Response r = form(api, "DELETE", "/api/v1/people/" + id + "@census", pairs("reason", "x"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"channel\":[{\"error\":\"blank\"}]}");
    }

    // ---- additional information, membership, procedures ------------------------------------------------------

    @Test
    void additionalInformationIsSetAndRemovedAtOnceAndABadKeyOrJsonValueIsRefused() {
        long id = enabledPerson();
        String path = "/api/v1/people/" + id + "@census/additional_informations";
        Response r = form(api, "POST", path, pairs("key", "test_key", "json_value", "\"test_value\""));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("{}");
        assertThat(show(id).get("additional_information").get("test_key").asString()).isEqualTo("test_value");
        assertThat(form(api, "POST", path, pairs("key", "other", "json_value", "{\"a\":[1,2]}")).status())
                .isEqualTo(202);
        assertThat(show(id).get("additional_information").get("other").get("a").size()).isEqualTo(2);
        assertThat(form(api, "POST", path, pairs("key", "test_key", "json_value", "null")).status()).isEqualTo(202);
        assertThat(show(id).get("additional_information").has("test_key")).isFalse();

        assertThat(form(api, "POST", path, pairs("key", "with spaces", "json_value", "1")).body())
                .isEqualTo("{\"key\":[{\"error\":\"invalid\"}]}");
        assertThat(form(api, "POST", path, pairs("key", "test_key", "json_value", "not json")).body())
                .isEqualTo("{\"value\":[{\"error\":\"invalid_format\"}]}");
        assertThat(form(api, "POST", path, pairs("key", "test_key")).body())
                .isEqualTo("{\"value\":[{\"error\":\"invalid_format\"}]}");
    }

    @Test
    void aNewMembershipLevelIsAProcedureTheCurrentLevelIs204AndAnUnknownOneIsRefused() {
        long id = enabledPerson();
        Response r = form(api, "POST", "/api/v1/gl/people/" + id + "@census/membership_levels",
                pairs("membership_level", "member"));
        assertThat(r.status()).isEqualTo(202);
        assertThat(procedures.pending(id)).extracting(Procedure::type)
                .containsExactly(ProcedureType.MEMBERSHIP_LEVEL_CHANGE);
        // the same level again is nothing to do
        Response same = form(api, "POST", "/api/v1/people/" + id + "@census/membership_levels",
                pairs("membership_level", "follower"));
        assertThat(same.status()).isEqualTo(204);
        assertThat(form(api, "POST", "/api/v1/people/" + id + "@census/membership_levels",
                pairs("membership_level", "boss")).body())
                .isEqualTo("{\"membership_level\":[{\"error\":\"inclusion\",\"value\":\"boss\"}]}");
        // an unverified person cannot become a member: it waits
        procedures.processQueued();
        assertThat(show(id).get("membership_level").asString()).isEqualTo("follower");
        assertThat(procedures.pending(id)).hasSize(1);
    }

    @Test
    void theProceduresListShowsOnlyPendingProceduresWithTheOriginalKeys() {
        long id = enabledPerson();
        form(api, "POST", "/api/v1/people/" + id + "@census/membership_levels", pairs("membership_level", "member"));
        procedures.processQueued();
        // an unverified person's membership change stays pending: listed, with exactly the original's keys
        Response r = api.get("/api/v1/en/people/" + id + "@census/procedures");
        assertThat(r.status()).isEqualTo(200);
        JsonNode list = r.json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).propertyNames()).containsExactly("id", "type", "state", "information");
        assertThat(list.get(0).get("type").asString()).isEqualTo("Procedures::MembershipLevelChange");
        assertThat(list.get(0).get("state").asString()).isEqualTo("pending");
        assertThat(list.get(0).get("information").get("to_membership_level").asString()).isEqualTo("member");
        // processed procedures are not listed: the cancellation is accepted, the membership change then dismissed
        form(api, "DELETE", "/api/v1/people/" + id + "@census", pairs("channel", "decidim"));
        awaitProcedure(id, ProcedureType.CANCELLATION, ProcedureState.ACCEPTED);
        assertThat(awaitProcedure(id, ProcedureType.MEMBERSHIP_LEVEL_CHANGE, ProcedureState.DISMISSED).comment())
                .isEqualTo(Procedure.DISCARDED_PERSON);
        assertThat(api.get("/api/v1/people/" + id + "@census/procedures").json().size()).isZero();
        Response unknown = api.get("/api/v1/people/0@census/procedures");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).isEqualTo("{}");
    }

    @Test
    void twoPendingProceduresAreListedNewestFirst() {
        Map<String, String> p = person();
        p.put("email", "x" + unique() + "@mailinator.com");
        long id = register(p, null);
        procedures.processQueued();
        form(api, "PATCH", "/api/v1/people/" + id + "@census", pairs("address", "Elsewhere 3"));
        JsonNode list = api.get("/api/v1/people/" + id + "@census/procedures").json();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("type").asString()).isEqualTo("Procedures::PersonDataChange");
        assertThat(list.get(0).get("information").get("person_data").get("address").asString())
                .isEqualTo("Elsewhere 3");
        assertThat(list.get(1).get("type").asString()).isEqualTo("Procedures::Registration");
    }

    // ---- issues -----------------------------------------------------------------------------------------------

    @Test
    void aDuplicatedDocumentHoldsTheSecondRegistration() {
        Map<String, String> first = person();
        long a = register(first, null);
        Map<String, String> second = person();
        second.put("document_id", first.get("document_id"));
        long b = register(second, null);
        awaitIssues(b);
        procedures.processQueued();
        // the pending first person counts too: whichever is processed second waits
        long enabled = List.of(a, b).stream().filter(x -> show(x).get("state").asString().equals("enabled")).count();
        assertThat(enabled).isLessThanOrEqualTo(1);
        assertThat(show(b).get("state").asString()).isEqualTo("pending");
        assertThat(jdbc.sql("""
                select count(*) from issue i join issue_person ip on ip.issue_id = i.id
                where i.type = 'duplicated_document' and i.state = 'open' and ip.party_id = ?""").param(b)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void untrustedEmailAndPhoneHoldTheRegistration() {
        Map<String, String> p = person();
        p.put("phone", "0034602" + (100000 + (int) (Math.random() * 800000)));
        long id = register(p, null);
        assertThat(awaitIssues(id)).containsExactly("untrusted_phone");
        procedures.processQueued();
        assertThat(show(id).get("state").asString()).isEqualTo("pending");
    }

    @Test
    void aDuplicatedPersonIsFlagged() {
        Map<String, String> first = person();
        long a = register(first, null);
        awaitState(a, "state", "enabled");
        Map<String, String> second = person();
        second.put("last_name1", first.get("last_name1").toUpperCase());
        second.put("first_name", "LUCIA");
        long b = register(second, null);
        assertThat(awaitIssues(b)).contains("duplicated_person");
        procedures.processQueued();
        assertThat(show(b).get("state").asString()).isEqualTo("pending");
    }

    // ---- version_at through the procedures ----------------------------------------------------------------

    @Test
    void versionAtShowsEveryStepExactly() {
        long id = register(person(), null);
        awaitState(id, "state", "enabled");
        form(api, "PATCH", "/api/v1/people/" + id + "@census", pairs("address", "Second Street 2"));
        awaitProcedure(id, ProcedureType.PERSON_DATA_CHANGE, ProcedureState.ACCEPTED);
        form(api, "POST", "/api/v1/people/" + id + "@census/additional_informations",
                pairs("key", "newsletter", "json_value", "true"));
        form(api, "DELETE", "/api/v1/people/" + id + "@census", pairs("channel", "decidim"));
        awaitState(id, "state", "cancelled");
        List<java.time.Instant> at = jdbc.sql("""
                select recorded_at from record_version where subject_type = 'registrant' and subject_id = ?
                order by version""").param(id).query(java.sql.Timestamp.class).list().stream()
                .map(java.sql.Timestamp::toInstant).toList();
        assertThat(at).hasSize(5); // registered, accepted, data change, additional information, cancelled
        // before the person existed
        Response before = api.get("/api/v1/people/" + id + "@census?version_at=" + enc(at.get(0).minusMillis(1)));
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.body()).isEqualTo("{}");
        // the person is cancelled now: only the basic attributes, of each version
        assertThat(stateAt(id, at.get(0))).isEqualTo("pending");
        assertThat(stateAt(id, at.get(1).minusNanos(1000))).isEqualTo("pending");
        assertThat(stateAt(id, at.get(1))).isEqualTo("enabled"); // on the boundary: that version
        assertThat(stateAt(id, at.get(3))).isEqualTo("enabled");
        assertThat(stateAt(id, at.get(4))).isEqualTo("cancelled");
        assertThat(stateAt(id, at.get(4).plusSeconds(3600))).isEqualTo("cancelled");
        JsonNode old = api.get("/api/v1/people/" + id + "@census?version_at=" + enc(at.get(2))).json();
        assertThat(old.has("address")).isFalse();
        // the full data of each version is in history (additional information included)
        assertThat(jdbc.sql("""
                select snapshot -> 'data' ->> 'address' from record_version
                where subject_type = 'registrant' and subject_id = ? and version = 3""").param(id)
                .query(String.class).single()).isEqualTo("Second Street 2");
        assertThat(jdbc.sql("""
                select snapshot -> 'data' ->> 'additionalInfo' from record_version
                where subject_type = 'registrant' and subject_id = ? and version = 4""").param(id)
                .query(String.class).single()).contains("newsletter");
    }

    @Test
    void versionAtBeforeAStaffVerificationShowsNotVerified() {
        long id = register(person(), null);
        awaitState(id, "state", "enabled");
        java.time.Instant beforeVerification = java.time.Instant.now();
        sleep(5);
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        String b64 = java.util.Base64.getEncoder().encodeToString(png);
        assertThat(form(api, "POST", "/api/v1/people/" + id + "@census/document_verifications",
                pairs("files[][filename]", "a.png", "files[][content_type]", "image/png", "files[][base64_content]", b64,
                        "files[][filename]", "b.png", "files[][content_type]", "image/png",
                        "files[][base64_content]", b64)).status()).isEqualTo(202);
        Procedure verification = procedures.pending(id).get(0);
        reviews.decide(verification.id(), org.populus.procedure.Decision.ACCEPT, "user:registrar-" + unique(), null);
        assertThat(show(id).get("verification").asString()).isEqualTo("verified");
        JsonNode then = api.get("/api/v1/people/" + id + "@census?version_at=" + enc(beforeVerification)).json();
        assertThat(then.get("verification").asString()).isEqualTo("not_verified");
        // and once verified, an adult may become a member
        form(api, "POST", "/api/v1/people/" + id + "@census/membership_levels", pairs("membership_level", "member"));
        awaitState(id, "membership_level", "member");
    }

    @Test
    void versionAtOfAKeptPersonShowsEveryField() {
        long id = register(person(), null);
        awaitState(id, "state", "enabled");
        java.time.Instant enabledAt = java.time.Instant.now();
        sleep(5);
        form(api, "PATCH", "/api/v1/people/" + id + "@census", pairs("address", "Third Street 3"));
        awaitProcedure(id, ProcedureType.PERSON_DATA_CHANGE, ProcedureState.ACCEPTED);
        form(api, "POST", "/api/v1/people/" + id + "@census/additional_informations",
                pairs("key", "level", "json_value", "7"));
        JsonNode then = api.get("/api/v1/people/" + id + "@census?version_at=" + enc(enabledAt)).json();
        assertThat(then.get("address").asString()).isEqualTo("Calle Mayor 1");
        assertThat(then.get("additional_information").has("level")).isFalse();
        JsonNode now = show(id);
        assertThat(now.get("address").asString()).isEqualTo("Third Street 3");
        assertThat(now.get("additional_information").get("level").asInt()).isEqualTo(7);
    }

    private String stateAt(long id, java.time.Instant instant) {
        Response r = api.get("/api/v1/people/" + id + "@census?version_at=" + enc(instant));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().has("first_name")).isFalse();
        return r.json().get("state").asString();
    }

    private static String enc(java.time.Instant instant) {
        return java.net.URLEncoder.encode(instant.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- cross-API ----------------------------------------------------------------------------------------------

    @Test
    void registeredThroughCensusIsReadAndSearchedThroughOpenG2p() {
        Map<String, String> p = person();
        long id = register(p, null);
        awaitState(id, "state", "enabled");
        String[] admin = Api.session(adminSession());
        Response r = api.get("/api/v1/registry/individual/" + id, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).contains(p.get("last_name1")).contains(p.get("document_id"));
        Response search = api.get("/api/v1/registry/individual?name=" + p.get("last_name1"), admin);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("\"id\":" + id);
    }

    private long count() {
        return jdbc.sql("select count(*) from party").query(Long.class).single();
    }

    @SuppressWarnings("unused")
    private Registrant registrant(long id) {
        return registrants.find(id).orElseThrow();
    }
}
