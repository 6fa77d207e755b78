package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** The one decision of what is a Census path, beyond the cases {@code CensusParamsTest} checks. */
class CensusPathsTest {

    @Test
    void aPathTheContainerDecodedToACensusPathIsOne() {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/api/v1/peo%70le/1@census");
        r.setServletPath("/api/v1/people/1@census");
        assertThat(CensusPaths.census(r)).isTrue();
        assertThat(CensusPaths.REQUESTS.matches(r)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/people/1@census/document_verifications",
        "/api/v1/people/1@census/document_verifications/", "/api/v1/es/people/8926202@decidim-1/document_verifications"})
    void aPostOfADocumentVerificationIsAnUpload(String path) {
        assertThat(CensusPaths.upload(new MockHttpServletRequest("POST", path))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/people/1@census", "/api/v1/people/1@census/phone_verifications",
        "/api/v1/people/document_verifications", "/admin/api/scopes"})
    void aPostElsewhereIsNoCensusUpload(String path) {
        assertThat(CensusPaths.upload(new MockHttpServletRequest("POST", path))).isFalse();
    }

    @Test
    void aGetOfADocumentVerificationPathIsNoUpload() {
        assertThat(CensusPaths.upload(new MockHttpServletRequest("GET",
                "/api/v1/people/1@census/document_verifications"))).isFalse();
    }
}
