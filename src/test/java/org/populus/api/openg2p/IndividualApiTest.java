package org.populus.api.openg2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.catalog.Catalog;
import org.populus.catalog.Programme;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The OpenG2P individual endpoints through a real port: documented shapes and rules (docs/openg2p-api.md). */
class IndividualApiTest extends HttpTest {

    private static final String INDIVIDUAL = "/api/v1/registry/individual/";

    @Autowired
    Catalog catalog;

    String[] admin;

    @BeforeEach
    void login() {
        admin = session(adminSession());
    }

    Map<String, Object> person(String family) {
        return obj("name", "Ana " + family, "given_name", "Ana", "family_name", family, "addl_name", "María",
                "gender", "female", "birthdate", "1990-05-17", "birth_place", "León", "email", "ana@example.org",
                "address", "Calle Mayor 1", "registration_date", "2024-01-02",
                "ids", List.of(obj("id_type", "National ID", "value", "NID" + unique(), "expiry_date", "2030-01-01")),
                "phone_numbers", List.of(obj("phone_no", "+919876543210", "date_collected", "2024-01-02")),
                "additional_g2p_info", obj("household_size", 4), "notification_preference", "sms");
    }

    Response create(Map<String, Object> body) {
        return api.post(INDIVIDUAL, body, admin);
    }

    @Test
    void createsAnIndividualWithTheDocumentedShape() {
        String family = "Shape" + unique();
        Response r = create(person(family));
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(fieldNames(j)).containsExactly("id", "name", "reg_ids", "is_group", "registration_date",
                "phone_number_ids", "email", "address", "additional_g2p_info", "program_membership_ids",
                "notification_preference", "given_name", "addl_name", "family_name", "gender", "birthdate", "age",
                "birth_place");
        assertThat(j.get("name").asString()).isEqualTo("Ana " + family);
        assertThat(j.get("is_group").asBoolean()).isFalse();
        assertThat(j.get("registration_date").asString()).isEqualTo("2024-01-02");
        assertThat(fieldNames(j.get("reg_ids").get(0))).containsExactly("id", "id_type_as_str", "value",
                "expiry_date");
        assertThat(j.get("reg_ids").get(0).get("id_type_as_str").asString()).isEqualTo("National ID");
        assertThat(j.get("reg_ids").get(0).get("expiry_date").asString()).isEqualTo("2030-01-01");
        JsonNode phone = j.get("phone_number_ids").get(0);
        assertThat(fieldNames(phone)).containsExactly("id", "phone_no", "phone_sanitized", "date_collected",
                "disabled");
        assertThat(phone.get("phone_sanitized").asString()).isEqualTo("+919876543210");
        assertThat(phone.get("disabled").isNull()).isTrue();
        assertThat(j.get("additional_g2p_info").isString()).isTrue();
        assertThat(Api_JSON(j.get("additional_g2p_info").asString()).get("household_size").asInt()).isEqualTo(4);
        assertThat(j.get("gender").asString()).isEqualTo("Female");
        assertThat(j.get("age").asString()).isEqualTo(String.valueOf(
                java.time.Period.between(LocalDate.of(1990, 5, 17), LocalDate.now()).getYears()));
        assertThat(j.get("notification_preference").asString()).isEqualTo("sms");

        Response read = api.get("/api/v1/registry/individual/" + j.get("id").asLong(), admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(j);
    }

    @Test
    void anIndividualGivenOnlyItsNamesGetsTheDefaultsAndDerivedValues() {
        String family = "Defaults" + unique();
        Response r = create(obj("given_name", "Kofi", "family_name", family, "additional_g2p_info",
                List.of(obj("a", 1)), "phone_numbers", List.of(obj("phone_no", "not a phone"))));
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("name").asString()).isEqualTo("Kofi " + family);
        assertThat(j.get("registration_date").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(j.get("age").isNull()).isTrue();
        assertThat(j.get("notification_preference").asString()).isEqualTo("none");
        assertThat(j.get("additional_g2p_info").asString()).startsWith("[");
        assertThat(j.get("phone_number_ids").get(0).get("phone_sanitized").isNull()).isTrue();
        assertThat(j.get("phone_number_ids").get(0).get("phone_no").asString()).isEqualTo("not a phone");
        assertThat(j.get("reg_ids").size()).isZero();
    }

    @Test
    void getUnknownOrGroupIdIsG2pReq010() {
        Response r = api.get("/api/v1/registry/individual/987654321", admin);
        assertError(r, 400, "G2P-REQ-010", "Record is not present in the database.");
        long group = api.post("/api/v1/registry/group/", obj("name", "G " + unique(), "members", List.of()), admin)
                .json().get("id").asLong();
        assertError(api.get("/api/v1/registry/individual/" + group, admin), 400, "G2P-REQ-010",
                "Record is not present in the database.");
        assertError(api.get("/api/v1/registry/individual/abc", admin), 400, "G2P-REQ-012", null);
    }

    @Test
    void aNameSubstringMayStartAndEndInsideWordsAcrossSeveralWords() {
        // one letter per hex digit, all equally likely: any part of it is as unique as its length allows
        String tag = "t" + unique().chars().mapToObj(c -> String.valueOf((char) ('g' + Character.digit(c, 16))))
                .collect(java.util.stream.Collectors.joining());
        long garcia = create(obj("name", "José García López " + tag, "given_name", "José", "family_name",
                "García López")).json().get("id").asLong();
        long lopera = create(obj("name", "Lucía Lopera " + tag, "given_name", "Lucía", "family_name", "Lopera"))
                .json().get("id").asLong();
        assertThat(ids(api.get(INDIVIDUAL + "?name=arcia%20lop", admin).json())).contains(garcia)
                .doesNotContain(lopera);
        assertThat(ids(api.get(INDIVIDUAL + "?name=RCÍA%20LÓPEZ%20" + tag.substring(0, 6), admin).json()))
                .containsExactly(garcia);
        assertThat(ids(api.get(INDIVIDUAL + "?name=ia%20lop", admin).json())).contains(garcia, lopera);
        assertThat(ids(api.get(INDIVIDUAL + "?name=" + tag.substring(2), admin).json()))
                .containsExactly(garcia, lopera);
        assertThat(api.get(INDIVIDUAL + "?name=ia%20lop%20" + tag, admin).status()).as("an inner word is whole")
                .isEqualTo(400);
    }

    @Test
    void searchIsCaseAndAccentInsensitiveSubstringOrderedById() {
        String tag = unique();
        long first = create(obj("name", "Jośe Müller " + tag, "given_name", "José", "family_name", "Müller"))
                .json().get("id").asLong();
        long second = create(obj("name", "MARIA MULLER " + tag, "given_name", "María", "family_name", "Muller"))
                .json().get("id").asLong();
        Response r = api.get(INDIVIDUAL + "?name=muller%20" + tag, admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(ids(r.json())).containsExactly(first, second);
        Response search = api.get("/api/v1/registry/individual/search?name=MÜLLER%20" + tag.toUpperCase(), admin);
        assertThat(ids(search.json())).containsExactly(first, second);
        assertThat(ids(api.get("/api/v1/registry/individual?id=" + second, admin).json())).containsExactly(second);
        assertThat(ids(api.get(INDIVIDUAL + "?id=" + second + "&name=" + tag, admin).json()))
                .containsExactly(second);
        assertThat(ids(api.get(INDIVIDUAL + "?name=" + tag + "&limit=1", admin).json())).containsExactly(first);
        assertThat(ids(api.get(INDIVIDUAL + "?name=" + tag + "&limit=1&offset=1", admin).json()))
                .containsExactly(second);
        assertThat(api.get(INDIVIDUAL + "?name=" + tag + "&limit=5&offset=2", admin).json().size()).isZero();
    }

    @Test
    void searchWithoutMatchIsAnErrorDescribingTheCriteria() {
        String none = "nobody" + unique();
        assertError(api.get(INDIVIDUAL + "?name=" + none, admin), 400, "G2P-REQ-010",
                "This Name does not exist. Please enter a valid Name.");
        assertError(api.get(INDIVIDUAL + "search?id=987654321", admin), 400, "G2P-REQ-010",
                "The ID Number you have entered does not exist. Please enter a valid ID Number.");
        assertError(api.get(INDIVIDUAL + "?id=987654321&name=" + none, admin), 400, "G2P-REQ-010",
                "The ID Number or Name entered does not exist.");
        assertError(api.get(INDIVIDUAL + "?limit=-1", admin), 400, "G2P-REQ-012", null);
        assertError(api.get(INDIVIDUAL + "?id=x", admin), 400, "G2P-REQ-012", null);
    }

    @Test
    void unboundedSearchStreamsEveryMatchAcrossBatches() {
        String tag = "Stream" + unique();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 620; i++) {
            bodies.add(obj("name", tag + " person " + i, "given_name", "P" + i, "family_name", tag));
        }
        List<Long> created = bodies.parallelStream().map(b -> create(b).json().get("id").asLong()).sorted().toList();
        Response r = api.get(INDIVIDUAL + "?name=" + tag, admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(ids(r.json())).containsExactlyElementsOf(created);
        // more matches than the in-memory path takes: paging walks the ids in order
        assertThat(ids(api.get(INDIVIDUAL + "?name=" + tag + "&limit=10&offset=305", admin).json()))
                .containsExactlyElementsOf(created.subList(305, 315));
        assertThat(ids(api.get(INDIVIDUAL + "?name=" + tag + "%20person%2061&limit=3&offset=1", admin).json()))
                .hasSize(3).isSorted();
    }

    @Test
    void programmeMembershipsStartAsDraftAndUnknownProgrammesAreRefused() {
        String name = "Cash transfer " + unique();
        Programme programme = catalog.createProgramme(name, Programme.TargetType.INDIVIDUAL, null, true);
        Map<String, Object> body = person("Prog" + unique());
        body.put("program_memberships", List.of(obj("name", name, "enrollment_date", "2024-02-01")));
        JsonNode j = create(body).json();
        JsonNode m = j.get("program_membership_ids").get(0);
        assertThat(fieldNames(m)).containsExactly("program_id", "state", "enrollment_date", "exit_date");
        assertThat(m.get("program_id").asLong()).isEqualTo(programme.id());
        assertThat(m.get("state").asString()).isEqualTo("draft");
        assertThat(m.get("enrollment_date").asString()).isEqualTo("2024-02-01");

        Map<String, Object> unknown = person("Prog" + unique());
        unknown.put("program_memberships", List.of(obj("name", "No such programme " + unique())));
        assertRefused(unknown, "G2P-REQ-014");
    }

    @Test
    void rulesAreEnforcedWithTheirCodesAndNothingIsStored() {
        assertRefused(with("name", "   "), "G2P-REQ-012");
        assertRefused(with("given_name", null), "G2P-REQ-002");
        assertRefused(with("family_name", " "), "G2P-REQ-002");
        Response gender = create(with("gender", "ardilla"));
        assertError(gender, 400, "G2P-REQ-008", null);
        assertThat(gender.json().get("errorDescription").asString()).startsWith("Invalid gender-ardilla. It should be [")
                .contains("'female'");
        assertRefused(with("birthdate", LocalDate.now().plusDays(1).toString()), "G2P-REQ-011");
        assertRefused(with("registration_date", LocalDate.now().plusDays(1).toString()), "G2P-REQ-011");
        assertRefused(with("email", "not-an-email"), "G2P-REQ-007");
        assertRefused(with("notification_preference", "pigeon"), "G2P-REQ-012");
        assertRefused(with("ids", List.of(obj("id_type", "  ", "value", "1"))), "G2P-REQ-005");
        assertRefused(with("ids", List.of(obj("id_type", null, "value", "1"))), "G2P-REQ-005");
        Response unknownType = create(with("ids", List.of(obj("id_type", "Library card", "value", "1"))));
        assertError(unknownType, 400, "G2P-REQ-005", "ID type - Library card is not present in the database.");
        assertRefused(with("ids", List.of(obj("id_type", "National ID", "value", " "))), "G2P-REQ-005");
        assertRefused(with("ids", List.of(obj("id_type", "Passport", "value", "P" + unique()),
                obj("id_type", "Passport", "value", "Q" + unique()))), "G2P-REQ-005");
        assertRefused(with("phone_numbers", List.of(obj("phone_no", " "))), "G2P-REQ-006");
        assertRefused(with("additional_g2p_info", "just text"), "G2P-REQ-012");
        assertRefused(with("birthdate", "1990-13-45"), "G2P-REQ-012");
        assertRefused(with("ids", "not a list"), "G2P-REQ-012");
    }

    @Test
    void idTypeRegexMustMatchTheWholeValue() {
        String type = "Digits " + unique();
        catalog.createIdType(type, "[0-9]+", true);
        Response bad = create(with("ids", List.of(obj("id_type", type, "value", "123abc"))));
        assertError(bad, 400, "G2P-REQ-005", "The provided " + type + " ID '123abc' is invalid.");
        assertThat(create(with("ids", List.of(obj("id_type", type, "value", "123" + System.nanoTime() % 1000000))))
                .status()).isEqualTo(200);
    }

    @Test
    void anIdValueAlreadyRegisteredIsRefused() {
        String value = "NID" + unique();
        assertThat(create(with("ids", List.of(obj("id_type", "National ID", "value", value)))).status())
                .isEqualTo(200);
        Response again = create(with("ids", List.of(obj("id_type", "National ID", "value", value))));
        assertError(again, 400, "G2P-REQ-005", null);
        assertThat(again.json().get("errorDescription").asString()).contains("already registered");
    }

    @Test
    void malformedInputGetsTheEnvelopeNeverA500() {
        assertError(api.raw("POST", INDIVIDUAL, "{not json", withJson(admin)), 400, "G2P-REQ-012", null);
        assertError(api.raw("POST", INDIVIDUAL, "", withJson(admin)), 400, "G2P-REQ-012", null);
        assertError(api.raw("POST", INDIVIDUAL, "[1,2]", withJson(admin)), 400, "G2P-REQ-012", null);
        assertError(api.raw("POST", INDIVIDUAL, "{\"name\":\"a\"}", admin[0], admin[1], "Content-Type",
                "text/plain"), 415, "415", null);
        assertError(api.raw("DELETE", INDIVIDUAL, null, admin), 405, "405", null);
        assertError(api.get("/api/v1/registry/nowhere", admin), 404, "404", null);
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        assertError(api.raw("POST", INDIVIDUAL, huge, withJson(admin)), 413, "413", null);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    Map<String, Object> with(String key, Object value) {
        String family = "Rule" + unique();
        Map<String, Object> body = new java.util.LinkedHashMap<>(obj("name", "Rule " + family, "given_name", "R",
                "family_name", family));
        body.put(key, value);
        return body;
    }

    void assertRefused(Map<String, Object> body, String code) {
        Response r = create(body);
        assertError(r, 400, code, null);
        Object family = body.get("family_name");
        if (family instanceof String f && !f.isBlank()) {
            assertThat(api.get(INDIVIDUAL + "?name=" + f.strip(), admin).status()).as("nothing stored for %s", body)
                    .isEqualTo(400);
        }
    }

    static void assertError(Response r, int status, String code, String description) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode j = r.json();
        assertThat(fieldNames(j)).containsExactly("errorCode", "errorMessage", "errorDescription");
        assertThat(j.get("errorCode").asString()).isEqualTo(code);
        if (description != null) {
            assertThat(j.get("errorDescription").asString()).isEqualTo(description);
        }
        assertThat(j.get("errorMessage").asString()).isNotBlank();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    static String[] withJson(String[] headers) {
        return new String[] {headers[0], headers[1], "Content-Type", "application/json"};
    }

    static JsonNode Api_JSON(String text) {
        return org.populus.support.Api.JSON.readTree(text);
    }
}
