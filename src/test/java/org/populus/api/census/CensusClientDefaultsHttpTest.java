package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.census.CensusForms.encode;
import static org.populus.api.census.CensusForms.nested;
import static org.populus.api.census.CensusForms.pairs;
import static org.populus.api.census.CensusForms.person;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.ApiKeys;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Census client isolation with the default settings (docs/census-api.md#client-isolation): callers from the
 * allowed networks without a key act as the origin {@code local}, isolated like any client, and every client
 * has an SMS budget of its own ({@code populus.sms.client-max}, 3 here to keep the test short). A configuration of
 * its own (HttpTest's shared one trusts keyless callers with every origin), so a second, small application context
 * on its own data directory, closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CensusClientDefaultsHttpTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("populus.data-dir", () -> "target/test-data/client-defaults-" + RUN);
        registry.add("populus.admin.password", () -> "admin-test-password");
        registry.add("populus.security.bcrypt-strength", () -> "4");
        registry.add("populus.sms.client-max", () -> "3");
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

    String[] key(String origin) {
        return new String[] {"Authorization",
            "Bearer " + apiKeys.create("app-" + UUID.randomUUID(), origin, "test").secret()};
    }

    static String origin() {
        return "o-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a new person (no external id) as the caller with these headers; their id. */
    long register(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        Response r = api.raw("POST", "/api/v1/people", encode(nested(person())), all);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("person_id").asLong();
    }

    int sms(long id, String... headers) {
        Response r = api.get("/api/v1/people/" + id + "@census/phone_verifications/new", headers);
        assertThat(r.body()).isEqualTo("{}");
        return r.status();
    }

    @Test
    void keylessCallersAreIsolatedAsTheLocalOriginByDefault() {
        String[] key = key(origin());
        long ofNetwork = register();
        long ofKey = register(key);
        assertThat(api.get("/api/v1/people/" + ofNetwork + "@census").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/people/" + ofKey + "@census", key).status()).isEqualTo(200);
        Response crossed = api.get("/api/v1/people/" + ofKey + "@census");
        assertThat(crossed.status()).isEqualTo(404);
        assertThat(crossed.body()).isEqualTo("{}");
        assertThat(api.get("/api/v1/people/" + ofNetwork + "@census", key).status()).isEqualTo(404);
        // a key of origin "local" is one of the network's clients
        assertThat(api.get("/api/v1/people/" + ofNetwork + "@census", key("local")).status()).isEqualTo(200);
    }

    @Test
    void theConnectorWithoutAKeyRegistersItsOwnSystemsIdsAndReadsThemByEitherName() {
        String system = origin();
        String qualified = "8926202@" + system;
        Response registered = api.raw("POST", "/api/v1/people",
                encode(nested(person()), pairs("origin_qualified_id", qualified)),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
        long id = registered.json().get("person_id").asLong();
        assertThat(api.get("/api/v1/people/" + qualified).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/people/" + id + "@census").status()).isEqualTo(200);
        // the person stays out of other clients' reach
        assertThat(api.get("/api/v1/people/" + id + "@census", key(origin())).status()).isEqualTo(404);
    }

    @Test
    void aKeylessCallerNeverRegistersOverAKeysPersonByTheirQualifiedId() {
        String system = origin();
        String[] key = key(system);
        Response ofKey = api.raw("POST", "/api/v1/people",
                encode(nested(person()), pairs("origin_qualified_id", "77@" + system)),
                "Content-Type", "application/x-www-form-urlencoded", key[0], key[1]);
        assertThat(ofKey.status()).as(ofKey.toString()).isEqualTo(202);
        Response over = api.raw("POST", "/api/v1/people",
                encode(nested(person()), pairs("origin_qualified_id", "77@" + system)),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.body()).isEqualTo("{\"origin_qualified_id\":[{\"error\":\"invalid\"}]}");
        assertThat(api.get("/api/v1/people/77@" + system).status()).isEqualTo(404);
    }

    @Test
    void eachClientHasItsOwnSmsBudget() {
        String[] c = key(origin());
        String[] d = key(origin());
        long first = register(c);
        long second = register(c);
        // three for C (two people, under their own and their numbers' limits), then C's budget is spent
        assertThat(List.of(sms(first, c), sms(first, c), sms(second, c), sms(second, c)))
                .containsExactly(202, 202, 202, 429);
        // the other clients still have theirs
        long ofD = register(d);
        assertThat(sms(ofD, d)).isEqualTo(202);
        long ofNetwork = register();
        assertThat(sms(ofNetwork)).isEqualTo(202);
    }
}
