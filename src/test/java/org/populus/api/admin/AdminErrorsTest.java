package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.populus.access.AccessException;
import org.populus.api.web.BodyTooLargeException;
import org.populus.catalog.CatalogException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The problem-detail mapping without the server: a test controller in this package throws each kind of error,
 * and {@link AdminErrors} must turn it into the documented status and shape.
 */
class AdminErrorsTest {

    private final AdminErrors errors = new AdminErrors();
    private MockMvc mvc;

    @RestController
    static class Throwing {

        record Body(String name, Integer version, List<String> roles) {
        }

        @GetMapping("/admin/api/test/access/{reason}")
        void access(@PathVariable String reason) {
            throw new AccessException(AccessException.Reason.valueOf(reason), "access " + reason);
        }

        @GetMapping("/admin/api/test/catalog/{reason}")
        void catalog(@PathVariable String reason) {
            throw new CatalogException(CatalogException.Reason.valueOf(reason), "catalog " + reason);
        }

        @GetMapping("/admin/api/test/invalid")
        void invalid() {
            throw AdminProblem.invalid("roles", "Unknown role 'x'");
        }

        @GetMapping("/admin/api/test/concurrent")
        void concurrent() {
            throw new OptimisticLockingFailureException("row 7 of org.populus.X");
        }

        @GetMapping("/admin/api/test/bug")
        void bug() {
            throw new IllegalStateException("secret internals of org.populus.Something");
        }

        @GetMapping("/admin/api/test/number/{id}")
        long number(@PathVariable long id) {
            return id;
        }

        @PostMapping(path = "/admin/api/test/body", consumes = MediaType.APPLICATION_JSON_VALUE)
        Body body(@RequestBody Body body) {
            return body;
        }

        @GetMapping("/admin/api/test/too-large")
        void tooLarge() {
            throw new HttpMessageNotReadableException("I/O error", new BodyTooLargeException(1024), null);
        }
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new Throwing()).setControllerAdvice(errors).build();
    }

    @ParameterizedTest
    @CsvSource({"NOT_FOUND, 404", "DUPLICATE, 409", "STALE, 409", "INVALID, 422"})
    void accessReasons(String reason, int status) throws Exception {
        mvc.perform(get("/admin/api/test/access/" + reason))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").value("access " + reason))
                .andExpect(jsonPath("$.instance").value("/admin/api/test/access/" + reason));
    }

    @ParameterizedTest
    @CsvSource({"NOT_FOUND, 404", "DUPLICATE, 409", "IN_USE, 409", "STALE, 409", "INVALID, 422"})
    void catalogReasons(String reason, int status) throws Exception {
        mvc.perform(get("/admin/api/test/catalog/" + reason))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value("catalog " + reason));
    }

    @Test
    void everyCatalogReasonHasAStatus() {
        for (CatalogException.Reason reason : CatalogException.Reason.values()) {
            assertThat(AdminErrors.status(reason).value()).isBetween(400, 499);
        }
    }

    @Test
    void validationProblemNamesItsFieldAtTopLevel() throws Exception {
        mvc.perform(get("/admin/api/test/invalid"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.title").value("Unprocessable Content"))
                .andExpect(jsonPath("$.field").value("roles"));
    }

    @Test
    void concurrentChangeIs409WithoutInternals() throws Exception {
        String body = mvc.perform(get("/admin/api/test/concurrent")).andExpect(status().is(409))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("org.populus");
    }

    @Test
    void unexpectedErrorIs500ProblemWithoutInternals() throws Exception {
        String body = mvc.perform(get("/admin/api/test/bug"))
                .andExpect(status().is(500))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("secret", "org.populus", "IllegalState");
    }

    @Test
    void unreadableBodiesAre400NamingTheField() throws Exception {
        mvc.perform(post("/admin/api/test/body").contentType(MediaType.APPLICATION_JSON).content("{\"version\":\"x\"}"))
                .andExpect(status().is(400))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("version"))
                .andExpect(jsonPath("$.detail").value("Invalid value for field 'version': an integer is expected."));
        mvc.perform(post("/admin/api/test/body").contentType(MediaType.APPLICATION_JSON).content("{\"roles\":{}}"))
                .andExpect(status().is(400))
                .andExpect(jsonPath("$.field").value("roles"));
        mvc.perform(post("/admin/api/test/body").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().is(400))
                .andExpect(jsonPath("$.field").doesNotExist());
        String body = mvc.perform(post("/admin/api/test/body").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().is(400))
                .andExpect(jsonPath("$.detail").value("A JSON object body is required."))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Throwing", "org.populus");
    }

    @Test
    void bodyTooLargeInTheCauseChainIs413() throws Exception {
        mvc.perform(get("/admin/api/test/too-large"))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.limit").value(1024));
    }

    @Test
    void pathVariableOfTheWrongTypeIs400() throws Exception {
        mvc.perform(get("/admin/api/test/number/abc"))
                .andExpect(status().is(400))
                .andExpect(jsonPath("$.field").value("id"))
                .andExpect(jsonPath("$.detail").value("Invalid value 'abc' for 'id': an integer is expected."));
    }

    @Test
    void surfaceOwnsOnlyAdminPaths() {
        assertThat(errors.owns(new MockHttpServletRequest("GET", "/admin/api/users"))).isTrue();
        assertThat(errors.owns(new MockHttpServletRequest("GET", "/admin/api"))).isTrue();
        assertThat(errors.owns(new MockHttpServletRequest("GET", "/admin/apix"))).isFalse();
        assertThat(errors.owns(new MockHttpServletRequest("GET", "/api/v1/registry/individual"))).isFalse();
        var rendered = errors.render(new MockHttpServletRequest("GET", "/admin/api/x"), 404, "No such endpoint");
        assertThat(rendered.getStatusCode().value()).isEqualTo(404);
        assertThat(rendered.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void parserMessagesLoseJavaTypeNames() {
        assertThat(AdminErrors.clean("Cannot coerce `java.lang.Integer` here\n at [Source...]"))
                .isEqualTo("Cannot coerce the expected type here");
        assertThat(AdminErrors.clean(null)).isNotBlank();
    }
}
