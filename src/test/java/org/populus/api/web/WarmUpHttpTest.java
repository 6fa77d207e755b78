package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The start-up warm-up reads through the whole HTTP stack as its own caller, and its secret stops working when it
 * ends (the suite's application starts with the warm-up off; this runs one on it).
 */
class WarmUpHttpTest extends HttpTest {

    @Autowired
    WarmUpCaller caller;

    @Autowired
    ObjectProvider<WarmUpRequests> surfaces;

    @Autowired
    ApplicationContext context;

    @Test
    void theWarmUpReadsPeopleThroughBothSurfacesWithoutAFailure() throws Exception {
        long id = api.post("/api/v1/registry/individual/", obj("given_name", "Wanda", "family_name",
                "Warm" + unique()), Api.session(adminSession())).json().get("id").asLong();

        // the warm-up reads every person the suite has made so far: its budget grows with them (20 ms a path, at
        // least 2 s), so that it can go round its paths more than once however many earlier tests ran
        long paths = surfaces.orderedStream().mapToLong(s -> s.paths(1000).size()).sum();
        Duration budget = Duration.ofMillis(Math.max(2_000, paths * 20));
        WarmUp.Result result = new WarmUp(caller, surfaces, context, budget, 2).warmUp();

        assertThat(result.paths()).isGreaterThanOrEqualTo(2);
        assertThat(result.requests()).isGreaterThan(result.paths());
        assertThat(result.failed()).isZero();
        assertThat(surfaces.orderedStream().flatMap(s -> s.paths(1000).stream()))
                .contains("/api/v1/registry/individual/" + id, "/api/v1/people/" + id + "@census");
    }

    @Test
    void theWarmUpSecretReadsOnlyWhileTheWarmUpRuns() {
        long id = api.post("/api/v1/registry/individual/", obj("given_name", "Wendy", "family_name",
                "Warm" + unique()), Api.session(adminSession())).json().get("id").asLong();
        String path = "/api/v1/registry/individual/" + id;
        String secret = caller.open();
        try {
            assertThat(api.get(path, WarmUpCaller.HEADER, secret).status()).isEqualTo(200);
            assertThat(api.get(path, WarmUpCaller.HEADER, secret + "0").status()).isEqualTo(401);
            assertThat(api.post("/api/v1/registry/individual/", obj("given_name", "No", "family_name", "Write"),
                    WarmUpCaller.HEADER, secret).status()).isEqualTo(403);
        } finally {
            caller.close();
        }
        assertThat(api.get(path, WarmUpCaller.HEADER, secret).status()).isEqualTo(401);
    }
}
