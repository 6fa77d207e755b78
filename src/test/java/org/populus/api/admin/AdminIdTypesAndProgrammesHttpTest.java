package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.problem;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * ID types and programmes through real HTTP, and what they do on the OpenG2P surface: an ID type's regex must
 * match a value as a whole, and a programme created here can be joined by a new individual.
 */
class AdminIdTypesAndProgrammesHttpTest extends HttpTest {

    private static final String ID_TYPES = "/admin/api/catalog/id-types";
    private static final String PROGRAMMES = "/admin/api/catalog/programmes";
    private static final String INDIVIDUAL = "/api/v1/registry/individual/";

    private String[] admin;

    @BeforeEach
    void login() {
        admin = session(adminSession());
    }

    private JsonNode created(String path, Map<String, Object> body) {
        Api.Response r = api.post(path, body, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Location")).endsWith(path + "/" + r.json().get("id").asLong());
        return r.json();
    }

    private JsonNode get(String path, long id) {
        Api.Response r = api.get(path + "/" + id, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private Api.Response individual(String idType, String value, List<Map<String, Object>> programmes) {
        return api.post(INDIVIDUAL, obj("name", "X Y", "given_name", "X", "family_name", "Y",
                "ids", idType == null ? List.of() : List.of(obj("id_type", idType, "value", value)),
                "program_memberships", programmes), admin);
    }

    @Test
    void anIdTypeIsCreatedReadUpdatedAndDeletedAndRefusalsChangeNothing() {
        String name = "Doc " + unique();
        JsonNode t = created(ID_TYPES, obj("name", name, "validation_regex", "[A-Z]{2}[0-9]+"));
        assertThat(t.get("name").asString()).isEqualTo(name);
        assertThat(t.get("validation_regex").asString()).isEqualTo("[A-Z]{2}[0-9]+");
        assertThat(t.get("unique_values").asBoolean()).isTrue();
        assertThat(t.get("version").asInt()).isZero();
        assertThat(t.propertyNames()).containsExactlyInAnyOrder("id", "name", "validation_regex", "unique_values",
                "version");
        long id = t.get("id").asLong();
        assertThat(get(ID_TYPES, id)).isEqualTo(t);
        assertThat(api.get(ID_TYPES, admin).json().toString()).contains("\"name\":\"" + name + "\"");

        JsonNode plain = created(ID_TYPES, obj("name", "Doc " + unique(), "unique_values", false));
        assertThat(plain.get("validation_regex").isNull()).isTrue();
        assertThat(plain.get("unique_values").asBoolean()).isFalse();

        // refusals change nothing
        problem(api.post(ID_TYPES, obj("name", name), admin), 409);
        JsonNode badRegex = problem(api.post(ID_TYPES, obj("name", "Doc " + unique(), "validation_regex",
                "[unclosed"), admin), 422);
        assertThat(badRegex.get("detail").asString()).contains("regular expression");
        problem(api.post(ID_TYPES, obj("name", " ", "validation_regex", "x"), admin), 422, "name");
        problem(api.put(ID_TYPES + "/" + id, obj("name", name, "validation_regex", "(", "unique_values", true,
                "version", 0), admin), 422);
        problem(api.put(ID_TYPES + "/" + id, obj("name", name, "version", 0), admin), 422, "unique_values");
        problem(api.put(ID_TYPES + "/" + id, obj("name", name, "validation_regex", "[0-9]+", "unique_values", true,
                "version", 4), admin), 409);
        problem(api.put(ID_TYPES + "/" + id, obj("name", plain.get("name").asString(), "unique_values", true,
                "version", 0), admin), 409);
        assertThat(get(ID_TYPES, id)).isEqualTo(t);

        Api.Response r = api.put(ID_TYPES + "/" + id, obj("name", name + " v2", "validation_regex", null,
                "unique_values", false, "version", 0), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("name").asString()).isEqualTo(name + " v2");
        assertThat(r.json().get("validation_regex").isNull()).isTrue();
        assertThat(r.json().get("unique_values").asBoolean()).isFalse();
        assertThat(r.json().get("version").asInt()).isEqualTo(1);

        long missing = Long.MAX_VALUE - 7;
        problem(api.get(ID_TYPES + "/" + missing, admin), 404);
        problem(api.put(ID_TYPES + "/" + missing, obj("name", "N", "unique_values", true, "version", 0), admin),
                404);
        problem(api.delete(ID_TYPES + "/" + missing, admin), 404);
        assertThat(api.delete(ID_TYPES + "/" + id, admin).status()).isEqualTo(204);
        problem(api.get(ID_TYPES + "/" + id, admin), 404);
    }

    @Test
    void idTypeRegexMustMatchTheWholeValueOnTheRegistry() {
        String name = "Card " + unique();
        created(ID_TYPES, obj("name", name, "validation_regex", "[a-z]{3}"));

        for (String wrong : List.of("abcd", "xabc", "ab", "ABC")) {
            Api.Response refused = individual(name, wrong, List.of());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errorCode").asString()).isEqualTo("G2P-REQ-005");
        }
        Api.Response accepted = individual(name, "abc", List.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("reg_ids").get(0).get("id_type_as_str").asString()).isEqualTo(name);
        assertThat(accepted.json().get("reg_ids").get(0).get("value").asString()).isEqualTo("abc");
    }

    @Test
    void idTypeInUseCannotBeDeleted() {
        JsonNode t = created(ID_TYPES, obj("name", "Card " + unique()));
        Api.Response person = individual(t.get("name").asString(), unique(), List.of());
        assertThat(person.status()).as(person.toString()).isEqualTo(200);
        JsonNode body = problem(api.delete(ID_TYPES + "/" + t.get("id").asLong(), admin), 409);
        assertThat(body.get("detail").asString()).contains("in use");
        assertThat(get(ID_TYPES, t.get("id").asLong())).isEqualTo(t);
    }

    @Test
    void aProgrammeIsCreatedReadUpdatedAndDeletedWithItsNameUniquePerTargetType() {
        String name = "Prog " + unique();
        JsonNode p = created(PROGRAMMES, obj("name", name, "target_type", "individual", "description", "Cash"));
        assertThat(p.get("target_type").asString()).isEqualTo("individual");
        assertThat(p.get("description").asString()).isEqualTo("Cash");
        assertThat(p.get("active").asBoolean()).isTrue();
        assertThat(p.propertyNames()).containsExactlyInAnyOrder("id", "name", "target_type", "description",
                "active", "version");
        long id = p.get("id").asLong();
        assertThat(get(PROGRAMMES, id)).isEqualTo(p);
        assertThat(api.get(PROGRAMMES, admin).json().toString()).contains("\"id\":" + id + ",");

        // the same name for the other target is another programme
        JsonNode forGroups = created(PROGRAMMES, obj("name", name, "target_type", "group", "active", false));
        assertThat(forGroups.get("target_type").asString()).isEqualTo("group");
        assertThat(forGroups.get("description").isNull()).isTrue();

        problem(api.post(PROGRAMMES, obj("name", name, "target_type", "individual"), admin), 409);
        problem(api.post(PROGRAMMES, obj("name", "Prog " + unique(), "target_type", "household"), admin), 422,
                "target_type");
        problem(api.post(PROGRAMMES, obj("name", "Prog " + unique()), admin), 422, "target_type");
        problem(api.post(PROGRAMMES, obj("name", "", "target_type", "group"), admin), 422, "name");
        problem(api.post(PROGRAMMES, obj("name", "Prog " + unique(), "target_type", "group", "description",
                "d".repeat(10_001)), admin), 422, "description");
        problem(api.put(PROGRAMMES + "/" + id, obj("name", name, "target_type", "group", "active", true,
                "version", 0), admin), 409);
        problem(api.put(PROGRAMMES + "/" + id, obj("name", name, "target_type", "individual", "active", true,
                "version", 3), admin), 409);
        problem(api.put(PROGRAMMES + "/" + id, obj("name", name, "target_type", "individual", "version", 0),
                admin), 422, "active");
        assertThat(get(PROGRAMMES, id)).isEqualTo(p);

        Api.Response r = api.put(PROGRAMMES + "/" + id, obj("name", name + " v2", "target_type", "individual",
                "description", null, "active", false, "version", 0), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("name").asString()).isEqualTo(name + " v2");
        assertThat(r.json().get("description").isNull()).isTrue();
        assertThat(r.json().get("active").asBoolean()).isFalse();
        assertThat(r.json().get("version").asInt()).isEqualTo(1);

        long missing = Long.MAX_VALUE - 11;
        problem(api.get(PROGRAMMES + "/" + missing, admin), 404);
        problem(api.put(PROGRAMMES + "/" + missing, obj("name", "N", "target_type", "group", "active", true,
                "version", 0), admin), 404);
        problem(api.delete(PROGRAMMES + "/" + missing, admin), 404);
        assertThat(api.delete(PROGRAMMES + "/" + id, admin).status()).isEqualTo(204);
        assertThat(api.delete(PROGRAMMES + "/" + forGroups.get("id").asLong(), admin).status()).isEqualTo(204);
        problem(api.get(PROGRAMMES + "/" + id, admin), 404);
    }

    @Test
    void programmeCreatedHereCanBeJoinedOnTheRegistryAndThenIsInUse() {
        String name = "Prog " + unique();
        JsonNode p = created(PROGRAMMES, obj("name", name, "target_type", "individual"));
        long programmeId = p.get("id").asLong();

        Api.Response person = individual(null, null, List.of(obj("name", name)));
        assertThat(person.status()).as(person.toString()).isEqualTo(200);
        JsonNode memberships = person.json().get("program_membership_ids");
        assertThat(memberships.size()).isEqualTo(1);
        assertThat(memberships.get(0).get("program_id").asLong()).isEqualTo(programmeId);
        assertThat(memberships.get(0).get("state").asString()).isEqualTo("draft");

        Api.Response again = api.get(INDIVIDUAL + person.json().get("id").asLong(), admin);
        assertThat(again.json().get("program_membership_ids").get(0).get("program_id").asLong())
                .isEqualTo(programmeId);

        problem(api.delete(PROGRAMMES + "/" + programmeId, admin), 409);
        assertThat(get(PROGRAMMES, programmeId)).isEqualTo(p);

        // a programme for groups is not one an individual can join
        String groupsOnly = "Prog " + unique();
        created(PROGRAMMES, obj("name", groupsOnly, "target_type", "group"));
        Api.Response refused = individual(null, null, List.of(obj("name", groupsOnly)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("G2P-REQ-014");
    }
}
