package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The back office's errors are pages in its layout; the APIs' errors stay JSON. */
class OfficeErrorPagesHttpTest extends HttpTest {

    @Autowired
    OfficeErrors errors;

    OfficeClient office;

    @BeforeEach
    void client() {
        office = new OfficeClient(port, accounts);
    }

    @Test
    void anUnknownOfficePathIsA404PageInTheOfficeLayout() {
        var r = office.get("/office/no-such-page", office.signIn(Role.REGISTRY_READ));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).startsWith("<!DOCTYPE html>").contains("<h1>Page not found</h1>")
                .contains("<nav class=\"main-nav\"").contains("href=\"/office\"");
    }

    @Test
    void theErrorPagesSpeakTheBrowsersLanguage() {
        String cookie = office.signIn(Role.REGISTRY_READ);
        var r = office.get("/office/no-such-page?lang=es", cookie);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<h1>Página no encontrada</h1>");
    }

    @Test
    void aFailureOfAnOfficePageIsA500PageInTheLayout() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/office/people/1");
        request.setRequestURI("/office/people/1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        try {
            var page = errors.render(request, 500, "boom");
            assertThat(page.getStatusCode().value()).isEqualTo(500);
            assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
            assertThat((String) page.getBody()).contains("<h1>Something went wrong</h1>")
                    .contains("<link rel=\"stylesheet\" href=\"/office/assets/office.css\">")
                    .doesNotContain("boom");
            assertThat(response.getContentAsString()).as("the real response is left alone").isEmpty();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void anUnknownApiPathStaysAJsonError() {
        var r = api.get("/admin/api/no-such-thing", org.populus.support.Api.session(adminSession()));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).contains("json");
    }

    @Test
    void anOfficePathOnlyOwnsTheOfficesErrors() {
        assertThat(errors.owns(new MockHttpServletRequest("GET", "/office"))).isTrue();
        assertThat(errors.owns(new MockHttpServletRequest("GET", "/office/x"))).isTrue();
        assertThat(errors.owns(new MockHttpServletRequest("GET", "/officers"))).isFalse();
        assertThat(errors.owns(new MockHttpServletRequest("GET", "/admin/api/people"))).isFalse();
    }
}
