package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.problem;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.ApiKeys;
import org.populus.access.Role;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The API key endpoints through real HTTP: the secret shown once, never listed, revocation, and refusals. */
class AdminApiKeysHttpTest extends HttpTest {

    private static final String KEYS = "/admin/api/api-keys";

    @Autowired
    ApiKeys apiKeys;

    private String[] admin;

    @BeforeEach
    void login() {
        admin = session(adminSession());
    }

    private JsonNode create(String name) {
        Api.Response r = api.post(KEYS, obj("name", name), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private JsonNode listed(long id) {
        Api.Response r = api.get(KEYS, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode k : r.json()) {
            assertThat(k.has("key")).as("no secret in the list").isFalse();
            if (k.get("id").asLong() == id) {
                return k;
            }
        }
        throw new AssertionError("key " + id + " not listed: " + r);
    }

    @Test
    void createShowsTheSecretOnceAndStoresOnlyItsHash() {
        String name = "decidim-" + unique();
        Instant before = Instant.now().minusSeconds(5);
        Api.Response r = api.post(KEYS, obj("name", "  " + name + " "), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode created = r.json();
        long id = created.get("id").asLong();
        assertThat(r.header("Location")).endsWith(KEYS + "/" + id);
        assertThat(created.propertyNames()).containsExactly("id", "name", "origin", "prefix", "key", "created_at");
        assertThat(created.get("name").asString()).isEqualTo(name);
        assertThat(created.get("origin").asString()).isEqualTo(name); // none given: made from the name
        String key = created.get("key").asString();
        assertThat(key).matches("populus_[0-9A-Za-z]{40}");
        assertThat(key).startsWith(created.get("prefix").asString());
        assertThat(created.get("prefix").asString()).hasSize("populus_".length() + 6);
        assertThat(Instant.parse(created.get("created_at").asString())).isAfter(before);

        // only the hash is stored
        String stored = jdbc.sql("select key_hash from api_key where id = ?").param(id).query(String.class).single();
        assertThat(stored).matches("[0-9a-f]{64}").isNotEqualTo(key);
        assertThat(jdbc.sql("select count(*) from api_key where key_hash = ? or prefix = ? or name = ?")
                .params(key, key, key).query(Long.class).single()).isZero();

        // never shown again
        JsonNode one = api.get(KEYS + "/" + id, admin).json();
        assertThat(one.has("key")).isFalse();
        assertThat(one.toString()).doesNotContain(key);
        assertThat(one.get("prefix").asString()).isEqualTo(created.get("prefix").asString());
        assertThat(one.get("active").asBoolean()).isTrue();
        assertThat(one.get("created_by").asString()).isEqualTo("admin");
        assertThat(one.get("revoked_at").isNull()).isTrue();
        assertThat(one.get("last_used_at").isNull()).isTrue();
        assertThat(one.get("version").asInt()).isZero();
        assertThat(listed(id)).isEqualTo(one);
        assertThat(api.get(KEYS, admin).body()).doesNotContain(key);

        assertThat(apiKeys.authenticate(key)).hasValueSatisfying(k -> assertThat(k.name()).isEqualTo(name));
    }

    @Test
    void revokeStopsTheKeyAndKeepsItListed() {
        String name = "portal-" + unique();
        JsonNode created = create(name);
        long id = created.get("id").asLong();
        String key = created.get("key").asString();
        assertThat(apiKeys.authenticate(key)).isPresent(); // now cached as valid

        Api.Response r = api.delete(KEYS + "/" + id, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(apiKeys.authenticate(key)).isEmpty(); // at once, cache or not

        JsonNode revoked = listed(id);
        assertThat(revoked.get("active").asBoolean()).isFalse();
        assertThat(revoked.get("revoked_at").isNull()).isFalse();
        assertThat(revoked.get("revoked_by").asString()).isEqualTo("admin");
        assertThat(revoked.get("version").asInt()).isEqualTo(1);

        // revoking again changes nothing
        assertThat(api.delete(KEYS + "/" + id, admin).status()).isEqualTo(204);
        assertThat(listed(id)).isEqualTo(revoked);

        // the name is free again
        JsonNode again = create(name);
        assertThat(again.get("id").asLong()).isNotEqualTo(id);
        assertThat(again.get("key").asString()).isNotEqualTo(key);
    }

    @Test
    void aDuplicateNameOrAnInvalidBodyIsRefusedAndCreatesNoKey() {
        String name = "dup-" + unique();
        create(name);
        long before = count();
        JsonNode dup = problem(api.post(KEYS, obj("name", name.toUpperCase()), admin), 409);
        assertThat(dup.get("detail").asString()).contains("already in use");
        problem(api.post(KEYS, obj("name", " "), admin), 422, "name");
        problem(api.post(KEYS, obj("name", null), admin), 422, "name");
        problem(api.post(KEYS, obj(), admin), 422, "name");
        problem(api.post(KEYS, obj("name", "x".repeat(101)), admin), 422, "name");
        problem(api.post(KEYS, obj("name", "a\u0001b"), admin), 422, "name");
        problem(api.post(KEYS, obj("name", "ok-" + unique(), "key", "populus_mine"), admin), 400, "key");
        problem(api.post(KEYS, obj("name", List.of("a")), admin), 400, "name");
        problem(api.raw("POST", KEYS, "{nope", AdminAssertions.headers(admin, "Content-Type", "application/json")),
                400);
        problem(api.raw("POST", KEYS, "", AdminAssertions.headers(admin, "Content-Type", "application/json")), 400);
        problem(api.raw("POST", KEYS, "name=x", AdminAssertions.headers(admin, "Content-Type",
                "application/x-www-form-urlencoded")), 415);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anUnknownOrMalformedKeyIdIsRefusedAndKeysCannotBeReplaced() {
        problem(api.delete(KEYS + "/999999999", admin), 404);
        problem(api.get(KEYS + "/999999999", admin), 404);
        problem(api.delete(KEYS + "/abc", admin), 400);
        problem(api.raw("PUT", KEYS + "/1", "{}", AdminAssertions.headers(admin, "Content-Type",
                "application/json")), 405);
    }

    @Test
    void onlyAdminsManageApiKeysAndAnApiKeyIsNoAdminCredential() {
        problem(api.get(KEYS), 401);
        problem(api.post(KEYS, obj("name", "x-" + unique())), 401);
        String[] writer = session(sessionWith(Role.REGISTRY_WRITE, Role.REGISTRY_READ));
        problem(api.get(KEYS, writer), 403);
        problem(api.post(KEYS, obj("name", "x-" + unique()), writer), 403);
        problem(api.delete(KEYS + "/1", writer), 403);
        // an API key is no admin credential
        String key = create("k-" + unique()).get("key").asString();
        problem(api.get(KEYS, "Authorization", "Bearer " + key), 401);
    }

    private long count() {
        return jdbc.sql("select count(*) from api_key").query(Long.class).single();
    }
}
