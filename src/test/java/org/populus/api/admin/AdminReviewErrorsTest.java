package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.populus.procedure.ReviewRefused;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** How refused reviews become problem details, and the review helpers' checks, without the server. */
class AdminReviewErrorsTest {

    private MockMvc mvc;

    @RestController
    static class Refusing {

        @GetMapping("/admin/api/test/review/{reason}")
        void refuse(@PathVariable String reason) {
            throw new ReviewRefused(ReviewRefused.Reason.valueOf(reason), "review " + reason);
        }

        @GetMapping("/admin/api/test/deadlock")
        void deadlock() {
            throw new org.springframework.dao.CannotAcquireLockException("deadlock detected in org.populus.X");
        }
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new Refusing()).setControllerAdvice(new AdminErrors()).build();
    }

    @ParameterizedTest
    @CsvSource({"NOT_FOUND, 404, not_found", "NOT_PENDING, 409, not_pending",
            "CLAIMED_BY_OTHER, 409, claimed_by_other", "NOT_ACCEPTABLE, 409, not_acceptable",
            "PERSON_CHANGED, 409, person_changed", "ALREADY_RESOLVED, 409, already_resolved",
            "NOT_UNDOABLE, 409, not_undoable", "UNDO_EXPIRED, 409, undo_expired",
            "COMMENT_REQUIRED, 422, comment_required", "INVALID_RESOLUTION, 422, invalid_resolution",
            "PERSON_HAS_OPEN_ISSUE, 409, person_has_open_issue"})
    void everyReasonHasItsStatusAndCode(String reason, int status, String code) throws Exception {
        mvc.perform(get("/admin/api/test/review/" + reason))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").value("review " + reason))
                .andExpect(jsonPath("$.reason").value(code))
                .andExpect(jsonPath("$.instance").value("/admin/api/test/review/" + reason));
    }

    @Test
    void aMissingCommentNamesTheField() throws Exception {
        mvc.perform(get("/admin/api/test/review/COMMENT_REQUIRED")).andExpect(jsonPath("$.field").value("comment"));
        mvc.perform(get("/admin/api/test/review/NOT_PENDING")).andExpect(jsonPath("$.field").doesNotExist());
    }

    @Test
    void aLockTheDatabaseCouldNotGrantIs409() throws Exception {
        String body = mvc.perform(get("/admin/api/test/deadlock")).andExpect(status().is(409))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("try again").doesNotContain("org.populus", "detected");
    }

    @Test
    void everyReasonIsAClientError() {
        for (ReviewRefused.Reason reason : ReviewRefused.Reason.values()) {
            assertThat(AdminErrors.status(reason).value()).isBetween(400, 499);
        }
    }

    @Test
    void procedureTypesArePlainCodes() {
        assertThat(ProceduresController.type(null)).isNull();
        assertThat(ProceduresController.type("")).isNull();
        assertThat(ProceduresController.type("document_verification").code()).isEqualTo("document_verification");
        for (String bad : new String[] {"DOCUMENT_VERIFICATION", "x", " registration"}) {
            AdminProblem e = org.junit.jupiter.api.Assertions.assertThrows(AdminProblem.class,
                    () -> ProceduresController.type(bad));
            assertThat(e.status.value()).isEqualTo(400);
            assertThat(e.field).isEqualTo("type");
        }
    }

    @Test
    void pagingHasBounds() {
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(50, 0));
        assertThat(Paging.of(500, 10L)).isEqualTo(new Paging(500, 10));
        for (Integer limit : new Integer[] {0, -1, 501}) {
            AdminProblem e = org.junit.jupiter.api.Assertions.assertThrows(AdminProblem.class,
                    () -> Paging.of(limit, 0L));
            assertThat(e.field).isEqualTo("limit");
        }
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(AdminProblem.class, () -> Paging.of(1, -1L)).field)
                .isEqualTo("offset");
    }

    @Test
    void forbiddenTextNamesTheRoleThePathNeeds() {
        assertThat(AdminSecurity.denied(new MockHttpServletRequest("GET", "/admin/api/procedures/1/claim")))
                .contains("'registrar'");
        assertThat(AdminSecurity.denied(new MockHttpServletRequest("GET", "/admin/api/issues")))
                .contains("'registrar'");
        assertThat(AdminSecurity.denied(new MockHttpServletRequest("GET", "/admin/api/people/1/versions")))
                .contains("'data'");
        assertThat(AdminSecurity.denied(new MockHttpServletRequest("GET", "/admin/api/procedures-x")))
                .contains("'admin'");
        assertThat(AdminSecurity.denied(new MockHttpServletRequest("GET", "/admin/api/users"))).contains("'admin'");
    }
}
