package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.census.CensusForms.encode;
import static org.populus.api.census.CensusForms.nested;
import static org.populus.api.census.CensusForms.pairs;
import static org.populus.api.census.CensusForms.person;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.procedure.Procedures;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Census client isolation (docs/census-api.md#client-isolation): a client application's API key belongs to one
 * origin and reaches only the people registered through it or shared with it. A person of another origin answers
 * exactly as a person who does not exist, whatever form names them and whatever the endpoint.
 */
class CensusClientIsolationHttpTest extends HttpTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    Procedures procedures;

    String originA;
    String originB;
    String[] keyA;
    String[] keyB;
    /** Key A's person: registered by A as {@code <external>@<originA>}. */
    Map<String, String> fields;
    long id;
    long external;

    @BeforeEach
    void twoClientsAndAPersonOfA() {
        originA = "decidim-" + unique();
        originB = "portal-" + unique();
        keyA = bearer(newKey(originA));
        keyB = bearer(newKey(originB));
        fields = person();
        external = 1_000_000 + (long) (Math.random() * 1_000_000_000L);
        Response r = form("POST", "/api/v1/people", keyA,
                encode(nested(fields), pairs("origin_qualified_id", external + "@" + originA)));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        id = r.json().get("person_id").asLong();
        long until = System.currentTimeMillis() + 10_000;
        while (!"enabled".equals(state()) && System.currentTimeMillis() < until) {
            procedures.processQueued();
        }
        assertThat(state()).isEqualTo("enabled");
    }

    String newKey(String origin) {
        Response r = api.post("/admin/api/api-keys", Api.obj("name", "app-" + unique(), "origin", origin),
                Api.session(adminSession()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("origin").asString()).isEqualTo(origin);
        return r.json().get("key").asString();
    }

    static String[] bearer(String key) {
        return new String[] {"Authorization", "Bearer " + key};
    }

    Response form(String method, String path, String[] key, String body) {
        return api.raw(method, path, body, "Content-Type", "application/x-www-form-urlencoded", key[0], key[1]);
    }

    String state() {
        return api.get("/api/v1/people/" + id + "@census", keyA).json().get("state").asString();
    }

    /** Every form that names key A's person. */
    List<String> namesOfA() {
        return List.of(id + "@census", external + "@" + originA, fields.get("document_id") + "@document_id",
                id + "abc@census");
    }

    /** A name of the same form for nobody. */
    String nobodyLike(String name) {
        if (name.endsWith("@document_id")) {
            return "99999999R@document_id";
        }
        return "999999999" + name.substring(name.indexOf('@'));
    }

    /** Every Census endpoint as a request on a qualified id, with the key given. */
    List<Function<String, Response>> everyEndpoint(String[] key) {
        String file = encode(pairs("files[][filename]", "a.png", "files[][content_type]", "image/png",
                "files[][base64_content]", Base64.getEncoder().encodeToString(PNG)));
        List<Function<String, Response>> all = new ArrayList<>();
        all.add(q -> api.get("/api/v1/people/" + q, key));
        all.add(q -> api.get("/api/v1/es/people/" + q + "?includes[]=email", key));
        all.add(q -> api.get("/api/v1/people/" + q + "?version_at="
                + URLEncoder.encode("2100-01-01 00:00:00 UTC", StandardCharsets.UTF_8), key));
        all.add(q -> api.get("/api/v1/people/" + q + "?version_at="
                + URLEncoder.encode("2000-01-01 00:00:00 UTC", StandardCharsets.UTF_8), key));
        all.add(q -> api.get("/api/v1/people/" + q + "?with_scope=true", key));
        all.add(q -> api.get("/api/v1/people/" + q + "/procedures", key));
        all.add(q -> api.get("/api/v1/en/people/" + q + "/procedures", key));
        all.add(q -> form("PATCH", "/api/v1/people/" + q, key, encode(pairs("person[email]",
                "stolen" + unique() + "@example.org"))));
        all.add(q -> form("PUT", "/api/v1/people/" + q, key, encode(pairs("first_name", "Mallory"))));
        all.add(q -> form("DELETE", "/api/v1/people/" + q, key, encode(pairs("channel", "web", "reason", "x"))));
        all.add(q -> form("POST", "/api/v1/people/" + q + "/additional_informations", key,
                encode(pairs("key", "stolen", "json_value", "\"yes\""))));
        all.add(q -> form("POST", "/api/v1/people/" + q + "/membership_levels", key,
                encode(pairs("membership_level", "member"))));
        all.add(q -> form("POST", "/api/v1/people/" + q + "/document_verifications", key, file + "&" + file));
        all.add(q -> api.get("/api/v1/people/" + q + "/phone_verifications/new", key));
        all.add(q -> api.get("/api/v1/gl/people/" + q + "/phone_verifications/new?phone=0034699000111", key));
        all.add(q -> form("POST", "/api/v1/people/" + q + "/phone_verifications", key,
                encode(pairs("received_code", "1234567", "phone", fields.get("phone")))));
        return all;
    }

    @Test
    void keyAReachesItsPersonByEveryName() {
        for (String name : namesOfA()) {
            Response r = api.get("/api/v1/people/" + name, keyA);
            assertThat(r.status()).as(name + " " + r).isEqualTo(200);
            assertThat(r.json().get("person_id").asLong()).isEqualTo(id);
            assertThat(r.json().get("email").asString()).isEqualTo(fields.get("email"));
            assertThat(api.get("/api/v1/people/" + name + "/procedures", keyA).status()).isEqualTo(200);
        }
        Response change = form("PATCH", "/api/v1/people/" + id + "@census", keyA,
                encode(pairs("person[email]", "new" + unique() + "@example.org")));
        assertThat(change.status()).as(change.toString()).isEqualTo(202);
        // the real client's verifications, by its own qualified id
        String file = encode(pairs("files[][filename]", "a.png", "files[][content_type]", "image/png",
                "files[][base64_content]", Base64.getEncoder().encodeToString(PNG)));
        Response documents = form("POST", "/api/v1/people/" + external + "@" + originA + "/document_verifications",
                keyA, file + "&" + file);
        assertThat(documents.status()).as(documents.toString()).isEqualTo(202);
        Response code = api.get("/api/v1/es/people/" + external + "@" + originA + "/phone_verifications/new", keyA);
        assertThat(code.status()).as(code.toString()).isEqualTo(202);
        Response wrong = form("POST", "/api/v1/people/" + external + "@" + originA + "/phone_verifications", keyA,
                encode(pairs("received_code", "x")));
        assertThat(wrong.body()).isEqualTo("{\"received_code\":[{\"error\":\"invalid\"}]}");
        assertThat(api.get("/api/v1/people/" + id + "@census/procedures", keyA).json().findValues("type").stream()
                .map(JsonNode::asString).toList()).contains("Procedures::DocumentVerification");
    }

    @Test
    void keyBGetsWhatANonexistentPersonGetsOnEveryEndpointAndChangesNothing() throws Exception {
        int smsBefore = Files.exists(SMS_FILE) ? Files.readAllLines(SMS_FILE).size() : 0;
        List<Function<String, Response>> endpoints = everyEndpoint(keyB);
        for (String name : namesOfA()) {
            for (int i = 0; i < endpoints.size(); i++) {
                Response ofA = endpoints.get(i).apply(name);
                Response ofNobody = endpoints.get(i).apply(nobodyLike(name));
                String what = "endpoint " + i + " on " + name + ": " + ofA;
                assertThat(ofA.status()).as(what).isEqualTo(ofNobody.status());
                assertThat(ofA.body()).as(what).isEqualTo(ofNobody.body());
                assertThat(ofA.status()).as(what).isIn(404, 422);
            }
        }
        // the reads are 404 {}, the writes the documented answer for an unknown person
        Response read = api.get("/api/v1/people/" + id + "@census", keyB);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body()).isEqualTo("{}");
        Response cancel = form("DELETE", "/api/v1/people/" + id + "@census", keyB, encode(pairs("channel", "web")));
        assertThat(cancel.status()).isEqualTo(422);
        assertThat(cancel.body()).isEqualTo("{\"person\":[{\"error\":\"blank\"}]}");

        // nothing happened to A's person
        JsonNode now = api.get("/api/v1/people/" + id + "@census", keyA).json();
        assertThat(now.get("state").asString()).isEqualTo("enabled");
        assertThat(now.get("email").asString()).isEqualTo(fields.get("email"));
        assertThat(now.get("first_name").asString()).isEqualTo(fields.get("first_name"));
        assertThat(now.get("additional_information").has("stolen")).isFalse();
        assertThat(procedures.pending(id)).isEmpty();
        int smsAfter = Files.exists(SMS_FILE) ? Files.readAllLines(SMS_FILE).size() : 0;
        assertThat(smsAfter).isEqualTo(smsBefore);
    }

    @Test
    void keyBCannotRegisterOverKeyAsPerson() {
        Map<String, String> other = person();
        // A's person named as B's own registrant: as for an id nobody holds
        Response asCensus = form("POST", "/api/v1/people", keyB,
                encode(nested(other), pairs("origin_qualified_id", id + "@census")));
        Response asNobody = form("POST", "/api/v1/people", keyB,
                encode(nested(other), pairs("origin_qualified_id", "999999999@census")));
        assertThat(asCensus.status()).as(asCensus.toString()).isEqualTo(422);
        assertThat(asCensus.body()).isEqualTo(asNobody.body());
        // a qualified id of another origin is not B's to register
        Response asA = form("POST", "/api/v1/people", keyB,
                encode(nested(other), pairs("origin_qualified_id", external + "@" + originA)));
        assertThat(asA.status()).as(asA.toString()).isEqualTo(422);
        assertThat(asA.body()).isEqualTo("{\"origin_qualified_id\":[{\"error\":\"invalid\"}]}");
        assertThat(api.get("/api/v1/people/" + id + "@census", keyA).json().get("first_name").asString())
                .isEqualTo(fields.get("first_name"));
    }

    @Test
    void aPersonRegisteredWithoutAnExternalIdBelongsToTheOriginItCameThrough() {
        Response r = form("POST", "/api/v1/people", keyA, encode(nested(person())));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        long plain = r.json().get("person_id").asLong();
        assertThat(api.get("/api/v1/people/" + plain + "@census", keyA).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/people/" + plain + "@census", keyB).status()).isEqualTo(404);
    }

    @Test
    void aPersonSharedWithBIsReachableByBUntilTheShareIsRevoked() {
        String[] admin = Api.session(adminSession());
        Response share = api.post("/admin/api/census-shares", Api.obj("origin", originB, "person_id", id), admin);
        assertThat(share.status()).as(share.toString()).isEqualTo(201);
        assertThat(share.json().get("origin").asString()).isEqualTo(originB);
        assertThat(share.json().get("person_id").asLong()).isEqualTo(id);

        Response read = api.get("/api/v1/people/" + external + "@" + originA, keyB);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("person_id").asLong()).isEqualTo(id);
        Response change = form("POST", "/api/v1/people/" + id + "@census/additional_informations", keyB,
                encode(pairs("key", "shared", "json_value", "1")));
        assertThat(change.status()).as(change.toString()).isEqualTo(202);

        long shareId = share.json().get("id").asLong();
        assertThat(api.get("/admin/api/census-shares?origin=" + originB, admin).json().findValues("id").stream()
                .map(JsonNode::asLong).toList()).containsExactly(shareId);
        assertThat(api.delete("/admin/api/census-shares/" + shareId, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/people/" + id + "@census", keyB).status()).isEqualTo(404);
    }

    @Test
    void everyPersonOfASharedOriginIsReachable() {
        String[] admin = Api.session(adminSession());
        Response share = api.post("/admin/api/census-shares", Api.obj("origin", originB, "person_origin", originA),
                admin);
        assertThat(share.status()).as(share.toString()).isEqualTo(201);
        assertThat(api.get("/api/v1/people/" + id + "@census", keyB).status()).isEqualTo(200);
        // one way only: A does not reach B's people
        Response r = form("POST", "/api/v1/people", keyB, encode(nested(person())));
        long ofB = r.json().get("person_id").asLong();
        assertThat(api.get("/api/v1/people/" + ofB + "@census", keyB).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/people/" + ofB + "@census", keyA).status()).isEqualTo(404);
    }

    @Test
    void sharesAreCheckedAndRefusedWithProblems() {
        String[] admin = Api.session(adminSession());
        assertThat(api.post("/admin/api/census-shares", Api.obj("origin", originB), admin).status()).isEqualTo(422);
        assertThat(api.post("/admin/api/census-shares", Api.obj("origin", originB, "person_id", id,
                "person_origin", originA), admin).status()).isEqualTo(422);
        assertThat(api.post("/admin/api/census-shares", Api.obj("origin", "bad@origin", "person_id", id), admin)
                .status()).isEqualTo(422);
        assertThat(api.post("/admin/api/census-shares", Api.obj("origin", originB, "person_id", 999_999_999L),
                admin).status()).isEqualTo(404);
        assertThat(api.delete("/admin/api/census-shares/999999999", admin).status()).isEqualTo(404);
    }
}
