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
 * Genders, group kinds and member kinds through real HTTP: list, get, create, replace, delete, and each refusal
 * (404, 409 duplicate / stale / in use, 422), checking that a refusal changes nothing.
 */
class AdminCatalogHttpTest extends HttpTest {

    private static final String CATALOG = "/admin/api/catalog/";

    private String[] admin;

    @BeforeEach
    void login() {
        admin = session(adminSession());
    }

    private JsonNode created(String kind, Map<String, Object> body) {
        Api.Response r = api.post(CATALOG + kind, body, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(r.header("Location")).endsWith(CATALOG + kind + "/" + id);
        assertThat(r.json().get("version").asInt()).isZero();
        return r.json();
    }

    private JsonNode get(String kind, long id) {
        Api.Response r = api.get(CATALOG + kind + "/" + id, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private boolean listed(String kind, long id) {
        Api.Response r = api.get(CATALOG + kind, admin);
        assertThat(r.status()).isEqualTo(200);
        for (JsonNode e : r.json()) {
            if (e.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    /** Refusals every catalogue shares: unknown id, stale version, missing version, bad id, deleted twice. */
    private void commonRefusals(String kind, JsonNode entry, Map<String, Object> validReplacement) {
        long id = entry.get("id").asLong();
        long missing = Long.MAX_VALUE - Math.abs(unique().hashCode());
        problem(api.get(CATALOG + kind + "/" + missing, admin), 404);
        validReplacement.put("version", 0);
        problem(api.put(CATALOG + kind + "/" + missing, validReplacement, admin), 404);
        problem(api.delete(CATALOG + kind + "/" + missing, admin), 404);
        problem(api.get(CATALOG + kind + "/abc", admin), 400, "id");

        validReplacement.put("version", entry.get("version").asInt() + 5);
        JsonNode stale = problem(api.put(CATALOG + kind + "/" + id, validReplacement, admin), 409);
        assertThat(stale.get("detail").asString()).contains("changed by someone else");
        validReplacement.remove("version");
        problem(api.put(CATALOG + kind + "/" + id, validReplacement, admin), 422, "version");
        assertThat(get(kind, id)).isEqualTo(entry);

        Api.Response deleted = api.delete(CATALOG + kind + "/" + id, admin);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        problem(api.get(CATALOG + kind + "/" + id, admin), 404);
        problem(api.delete(CATALOG + kind + "/" + id, admin), 404);
        assertThat(listed(kind, id)).isFalse();
    }

    @Test
    void aNewGenderIsActiveAndCanBeReadAndListed() {
        String code = "g-" + unique();
        JsonNode g = created("genders", obj("code", code, "value", "Label " + code));
        assertThat(g.get("code").asString()).isEqualTo(code);
        assertThat(g.get("value").asString()).isEqualTo("Label " + code);
        assertThat(g.get("active").asBoolean()).isTrue();
        assertThat(g.propertyNames()).containsExactlyInAnyOrder("id", "code", "value", "active", "version");
        long id = g.get("id").asLong();
        assertThat(get("genders", id)).isEqualTo(g);
        assertThat(listed("genders", id)).isTrue();
    }

    @Test
    void aGenderWithAnExistingCodeInAnyCaseOrAnInvalidBodyIsRefused() {
        String code = "g-" + unique();
        created("genders", obj("code", code, "value", "Label " + code));

        // duplicates (codes compare case-insensitively) and invalid bodies create nothing
        problem(api.post(CATALOG + "genders", obj("code", code.toUpperCase(), "value", "Other"), admin), 409);
        problem(api.post(CATALOG + "genders", obj("code", " ", "value", "X"), admin), 422, "code");
        problem(api.post(CATALOG + "genders", obj("code", "c-" + unique()), admin), 422, "value");
        problem(api.post(CATALOG + "genders", obj("code", "x".repeat(201), "value", "X"), admin), 422, "code");
    }

    @Test
    void aControlCharacterInACatalogueNameOrCodeIsRefused() {
        JsonNode kind = problem(api.post(CATALOG + "group-kinds", obj("name", "Kind\u0001" + unique()), admin), 422,
                "name");
        assertThat(kind.get("detail").asString()).contains("control characters");
        problem(api.post(CATALOG + "genders", obj("code", "g\u007f" + unique(), "value", "X"), admin), 422, "code");
        problem(api.post(CATALOG + "genders", obj("code", "g-" + unique(), "value", "Line\nbreak"), admin), 422,
                "value");
        problem(api.post(CATALOG + "member-kinds", obj("name", "M\u009b" + unique()), admin), 422, "name");
    }

    @Test
    void aGenderPeopleCarryIsNeitherDeletedNorGivenAnotherCodeButCanBeRelabelledAndDeactivated() {
        String code = "g-" + unique();
        JsonNode gender = created("genders", obj("code", code, "value", "Label " + code));
        long id = gender.get("id").asLong();
        Api.Response person = api.post("/api/v1/registry/individual/", obj("given_name", "Gil", "family_name",
                "Carrier" + unique(), "gender", code), admin);
        assertThat(person.status()).as(person.toString()).isEqualTo(200);

        JsonNode deleted = problem(api.delete(CATALOG + "genders/" + id, admin), 409);
        assertThat(deleted.get("detail").asString()).contains("in use").contains(code);
        JsonNode recoded = problem(api.put(CATALOG + "genders/" + id, obj("code", code + "-new", "value", "Label",
                "active", true, "version", 0), admin), 409);
        assertThat(recoded.get("detail").asString()).contains("in use");
        assertThat(get("genders", id)).isEqualTo(gender);

        Api.Response relabelled = api.put(CATALOG + "genders/" + id, obj("code", code.toUpperCase(), "value",
                "Relabelled", "active", false, "version", 0), admin);
        assertThat(relabelled.status()).as(relabelled.toString()).isEqualTo(200);
        assertThat(relabelled.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void aGenderNobodyCarriesIsDeleted() {
        String code = "g-" + unique();
        long id = created("genders", obj("code", code, "value", "Label " + code)).get("id").asLong();
        assertThat(api.delete(CATALOG + "genders/" + id, admin).status()).isEqualTo(204);
        assertThat(listed("genders", id)).isFalse();
    }

    @Test
    void aGenderIsRenamedAndDeactivatedButNeverOntoAnotherGendersCode() {
        String code = "g-" + unique();
        long id = created("genders", obj("code", code, "value", "Label " + code)).get("id").asLong();

        Api.Response updated = api.put(CATALOG + "genders/" + id, obj("code", code, "value", "Renamed",
                "active", false, "version", 0), admin);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("value").asString()).isEqualTo("Renamed");
        assertThat(updated.json().get("active").asBoolean()).isFalse();
        assertThat(updated.json().get("version").asInt()).isEqualTo(1);
        problem(api.put(CATALOG + "genders/" + id, obj("code", code, "value", "R", "version", 1), admin), 422,
                "active");

        // renaming onto another gender's code is a duplicate
        JsonNode other = created("genders", obj("code", "g-" + unique(), "value", "Other", "active", false));
        assertThat(other.get("active").asBoolean()).isFalse();
        problem(api.put(CATALOG + "genders/" + other.get("id").asLong(), obj("code", code, "value", "Other",
                "active", false, "version", 0), admin), 409);
        assertThat(get("genders", other.get("id").asLong())).isEqualTo(other);

        commonRefusals("genders", get("genders", id), obj("code", code, "value", "V", "active", true));
        commonRefusals("genders", other, obj("code", "g-" + unique(), "value", "V", "active", true));
        int count = api.get(CATALOG + "genders", admin).json().size();
        assertThat(count).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aGroupKindIsCreatedRenamedAndDeletedWithItsNameKeptUnique() {
        String name = "Kind " + unique();
        JsonNode k = created("group-kinds", obj("name", name));
        assertThat(k.get("name").asString()).isEqualTo(name);
        assertThat(k.propertyNames()).containsExactlyInAnyOrder("id", "name", "version");
        long id = k.get("id").asLong();
        assertThat(listed("group-kinds", id)).isTrue();

        problem(api.post(CATALOG + "group-kinds", obj("name", name), admin), 409);
        problem(api.post(CATALOG + "group-kinds", obj("name", ""), admin), 422, "name");
        problem(api.post(CATALOG + "group-kinds", obj(), admin), 422, "name");

        String renamed = "Kind " + unique();
        Api.Response r = api.put(CATALOG + "group-kinds/" + id, obj("name", renamed, "version", 0), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("name").asString()).isEqualTo(renamed);
        assertThat(r.json().get("version").asInt()).isEqualTo(1);
        problem(api.put(CATALOG + "group-kinds/" + id, obj("name", "Household", "version", 1), admin), 409);
        assertThat(get("group-kinds", id).get("name").asString()).isEqualTo(renamed);

        commonRefusals("group-kinds", get("group-kinds", id), obj("name", "Kind " + unique()));
    }

    @Test
    void aMemberKindIsCreatedAndUpdatedWithItsUniqueFlagRequiredAndItsNameKeptUnique() {
        String name = "Role " + unique();
        JsonNode k = created("member-kinds", obj("name", name));
        assertThat(k.get("unique").asBoolean()).isFalse();
        assertThat(k.propertyNames()).containsExactlyInAnyOrder("id", "name", "unique", "version");
        long id = k.get("id").asLong();
        JsonNode u = created("member-kinds", obj("name", "Role " + unique(), "unique", true));
        assertThat(u.get("unique").asBoolean()).isTrue();

        problem(api.post(CATALOG + "member-kinds", obj("name", name, "unique", true), admin), 409);
        problem(api.post(CATALOG + "member-kinds", obj("name", "  "), admin), 422, "name");

        Api.Response r = api.put(CATALOG + "member-kinds/" + id, obj("name", name, "unique", true, "version", 0),
                admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("unique").asBoolean()).isTrue();
        problem(api.put(CATALOG + "member-kinds/" + id, obj("name", name, "version", 1), admin), 422, "unique");
        problem(api.put(CATALOG + "member-kinds/" + id, obj("name", "Head", "unique", true, "version", 1), admin),
                409);

        commonRefusals("member-kinds", get("member-kinds", id), obj("name", "Role " + unique(), "unique", false));
        commonRefusals("member-kinds", u, obj("name", "Role " + unique(), "unique", false));
    }

    @Test
    void kindsUsedByAGroupCannotBeDeleted() {
        JsonNode groupKind = created("group-kinds", obj("name", "Kind " + unique()));
        JsonNode memberKind = created("member-kinds", obj("name", "Role " + unique()));
        Api.Response group = api.post("/api/v1/registry/group/", obj("name", "Group " + unique(),
                "kind", groupKind.get("name").asString(),
                "members", List.of(obj("name", "Ann Lee", "given_name", "Ann", "family_name", "Lee",
                        "kind", List.of(obj("name", memberKind.get("name").asString()))))), admin);
        assertThat(group.status()).as(group.toString()).isEqualTo(200);

        JsonNode inUse = problem(api.delete(CATALOG + "group-kinds/" + groupKind.get("id").asLong(), admin), 409);
        assertThat(inUse.get("detail").asString()).contains("in use");
        problem(api.delete(CATALOG + "member-kinds/" + memberKind.get("id").asLong(), admin), 409);
        assertThat(get("group-kinds", groupKind.get("id").asLong())).isEqualTo(groupKind);
        assertThat(get("member-kinds", memberKind.get("id").asLong())).isEqualTo(memberKind);
    }
}
