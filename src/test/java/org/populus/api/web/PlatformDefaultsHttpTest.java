package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** What the paths outside the three API surfaces answer: closed unless a rule opens them. */
class PlatformDefaultsHttpTest extends HttpTest {

    static void problem(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
    }

    @Test
    void anUnknownPathIsRefusedToAnonymousCallersBeforeRouting() {
        problem(api.get("/nothing-here"), 401);
        problem(api.raw("POST", "/internal/anything", "{}", "Content-Type", "application/json"), 401);
        problem(api.get("/"), 401);
    }

    @Test
    void anUnknownPathIsForbiddenToAnyLoggedInUser() {
        problem(api.get("/nothing-here", Api.session(sessionWith(Role.REGISTRY_WRITE))), 403);
        problem(api.get("/nothing-here", Api.session(adminSession())), 403);
    }

    @Test
    void actuatorInfoIsNotExposed() {
        problem(api.get("/actuator/info"), 401);
        Response asAdmin = api.get("/actuator/info", Api.session(adminSession()));
        assertThat(asAdmin.status()).as(asAdmin.toString()).isEqualTo(404);
    }

    @Test
    void healthTheOpenApiDocumentAndSwaggerUiStayOpen() {
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs/swagger-config").status()).isEqualTo(200);
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void theCensusLocaleIsOneOfTheFiveInTheMappingsAndTheDocument() {
        for (String path : List.of("/api/v1/xx/people/1@census", "/api/v1/xx/people/1@census/procedures",
                "/api/v1/registr/people/1@census", "/api/v1/ES/people/1@census")) {
            Response r = api.get(path);
            assertThat(r.status()).as(path + " " + r).isEqualTo(404);
            assertThat(r.body()).isEqualTo("{}");
        }
        Response r = api.form("POST", "/api/v1/xx/people", "first_name=A");
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{}");

        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/v1/{locale}/people/{id}")).isTrue();
        JsonNode locale = null;
        for (JsonNode p : paths.get("/api/v1/{locale}/people/{id}").get("get").get("parameters")) {
            if (p.get("name").asString().equals("locale")) {
                locale = p.get("schema");
            }
        }
        assertThat(locale).as("locale parameter").isNotNull();
        assertThat(locale.toString()).contains("es").contains("ca").contains("eu").contains("en").contains("gl");
        assertThat(locale.has("enum") || locale.has("pattern")).as(locale.toString()).isTrue();
    }
}
