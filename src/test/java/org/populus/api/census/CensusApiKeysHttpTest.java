package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.ApiKeys;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.PersonalData;
import org.populus.person.RegistrantDraft;
import org.populus.person.RegistrantKind;
import org.populus.person.Registrants;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * API keys on the Census surface with the default settings (keys optional, loopback allowed): the tests call from
 * 127.0.0.1, an allowed network. Keys made through the Admin API.
 */
class CensusApiKeysHttpTest extends HttpTest {

    @Autowired
    Registrants registrants;

    @Autowired
    ApiKeys apiKeys;

    String path;
    /** The origin of the keys made here, and of the person's external id, so the keys reach the person. */
    String origin;

    @BeforeEach
    void person() {
        origin = "census-" + unique();
        PersonalData data = new PersonalData(null, "Ana", "Key" + unique(), null, null, "female",
                LocalDate.of(1990, 1, 1), null, null, "Calle 1", "24001", "ES", "ES", "ES", null, null, null);
        long id = registrants.create(new RegistrantDraft(RegistrantKind.INDIVIDUAL, data, List.of(), List.of(),
                List.of(), Map.of(origin, 1L), CensusStatus.pending()), Provenance.system("test")).id();
        path = "/api/v1/people/" + id + "@census";
    }

    /** A new key through the Admin API: {id, key}. */
    String[] newKey() {
        Response r = api.post("/admin/api/api-keys", Api.obj("name", "census-" + unique(), "origin", origin),
                Api.session(adminSession()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new String[] {r.json().get("id").asString(), r.json().get("key").asString()};
    }

    static String[] bearer(String key) {
        return new String[] {"Authorization", "Bearer " + key};
    }

    static void forbidden(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{}");
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    static void ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("first_name").asString()).isEqualTo("Ana");
    }

    @Test
    void allowedNetworkNeedsNoKey() {
        ok(api.get(path));
        ok(api.get("/api/v1/en/people/" + path.substring("/api/v1/people/".length())));
        // other credentials are no API key: the network decides
        ok(api.get(path, Api.basic("admin", ADMIN_PASSWORD)));
        ok(api.get(path, Api.basic("admin", "wrong")));
    }

    @Test
    void validKeyIsAcceptedAndItsUseRecorded() {
        String[] key = newKey();
        ok(api.get(path, bearer(key[1])));
        ok(api.get(path, "Authorization", "bearer  " + key[1] + " "));
        // with a login session too: the key still counts
        ok(api.get(path, "X-Openerp-Session-Id", adminSession(), "Authorization", "Bearer " + key[1]));
        var used = jdbc.sql("select last_used_at from api_key where id = ?").param(Long.parseLong(key[0]))
                .query(java.sql.Timestamp.class).optional();
        assertThat(used).isPresent();
        // unknown people are still 404 {} for a key holder
        Response missing = api.get("/api/v1/people/999999999@census", bearer(key[1]));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{}");
    }

    @Test
    void revokedKeyIsRefusedAtOnceEvenFromAnAllowedNetwork() {
        String[] key = newKey();
        ok(api.get(path, bearer(key[1]))); // cached as valid now
        Response r = api.delete("/admin/api/api-keys/" + key[0], Api.session(adminSession()));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        forbidden(api.get(path, bearer(key[1])));
        forbidden(api.get("/api/v1/es/people/1@census", bearer(key[1])));
        ok(api.get(path)); // without it the network still decides
    }

    @Test
    void garbageKeysAreRefusedEvenFromAnAllowedNetwork() {
        forbidden(api.get(path, bearer("nonsense")));
        forbidden(api.get(path, bearer("populus_" + "A".repeat(40)))); // well formed, unknown
        forbidden(api.get(path, bearer("populus_" + "A".repeat(40)))); // same answer from the cache
        forbidden(api.get(path, "Authorization", "Bearer"));
        forbidden(api.get(path, "Authorization", "Bearer "));
        forbidden(api.raw("POST", "/api/v1/people", "{}", "Content-Type", "application/json", "Authorization",
                "Bearer x"));
        forbidden(api.get("/api/v1/people/nowhere/at/all", bearer("nonsense")));
    }
}
