package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.ApiKeys;
import org.populus.access.NewApiKey;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code populus.census.require-api-key=true} (env {@code POPULUS_CENSUS_REQUIRE_API_KEY}): even callers from the
 * allowed networks need a key. A configuration of its own, so a second, small application context on its own data
 * directory (not {@code HttpTest}'s shared one), closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CensusApiKeyRequiredHttpTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("populus.data-dir", () -> "target/test-data/keys-required-" + RUN);
        registry.add("populus.admin.password", () -> "admin-test-password");
        registry.add("populus.security.bcrypt-strength", () -> "4");
        registry.add("populus.census.require-api-key", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    Api api;

    @BeforeEach
    void api() {
        api = new Api("http://127.0.0.1:" + port);
    }

    static void forbidden(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{}");
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void aKeyIsNeededEvenFromAnAllowedNetwork() {
        forbidden(api.get("/api/v1/people/1@census"));
        forbidden(api.get("/api/v1/es/people/1@census"));
        forbidden(api.raw("POST", "/api/v1/people", "{}", "Content-Type", "application/json"));
        forbidden(api.get("/api/v1/people/1@census", Api.basic("admin", "admin-test-password")));
    }

    @Test
    void withKeysRequiredOnlyAValidUnrevokedKeyIsLetIn() {
        NewApiKey key = apiKeys.create("required-" + UUID.randomUUID(), "test");
        String[] bearer = {"Authorization", "Bearer " + key.secret()};
        Response r = api.get("/api/v1/people/999999999@census", bearer);
        assertThat(r.status()).as(r.toString()).isEqualTo(404); // let in: nobody by that id
        assertThat(r.body()).isEqualTo("{}");

        forbidden(api.get("/api/v1/people/999999999@census", "Authorization", "Bearer populus_" + "z".repeat(40)));
        forbidden(api.get("/api/v1/people/999999999@census", "Authorization", "Bearer garbage"));

        apiKeys.revoke(key.key().id(), "test");
        forbidden(api.get("/api/v1/people/999999999@census", bearer));
    }
}
