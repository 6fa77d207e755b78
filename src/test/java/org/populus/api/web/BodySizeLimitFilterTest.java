package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/** The two limits, chosen per request; announced bodies refused before the chain, others while read. */
class BodySizeLimitFilterTest {

    private static final UploadEndpoint UPLOADS = r -> r.getRequestURI().equals("/upload");

    private final AtomicReference<Exception> rendered = new AtomicReference<>();
    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(10, 100, () -> List.of(UPLOADS),
            () -> (request, response, handler, e) -> {
                rendered.set(e);
                response.setStatus(413);
                return new ModelAndView();
            });

    @Test
    void uploadEndpointsGetTheUploadLimit() {
        assertThat(filter.limitFor(new MockHttpServletRequest("POST", "/upload"))).isEqualTo(100);
        assertThat(filter.limitFor(new MockHttpServletRequest("POST", "/other"))).isEqualTo(10);
        // an upload limit below the general one is raised to it
        var odd = new BodySizeLimitFilter(10, 5, () -> List.of(UPLOADS), null);
        assertThat(odd.limitFor(new MockHttpServletRequest("POST", "/upload"))).isEqualTo(10);
    }

    @Test
    void announcedBodyOverTheLimitIsRefusedWithoutRunningTheChain() throws Exception {
        MockHttpServletResponse response = run("/other", 11);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(rendered.get()).isInstanceOf(BodyTooLargeException.class);
        assertThat(((BodyTooLargeException) rendered.get()).limit()).isEqualTo(10);

        rendered.set(null);
        assertThat(run("/upload", 11).getStatus()).isEqualTo(200);
        assertThat(rendered.get()).isNull();
        assertThat(run("/upload", 101).getStatus()).isEqualTo(413);
        assertThat(((BodyTooLargeException) rendered.get()).limit()).isEqualTo(100);
    }

    @Test
    void unannouncedBodyFailsWhileRead() throws Exception {
        var request = new MockHttpServletRequest("POST", "/other");
        request.setContent(new byte[50]);
        request.removeHeader("Content-Length");
        var chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res)
                    throws java.io.IOException {
                assertThatThrownBy(() -> req.getInputStream().readAllBytes())
                        .isInstanceOf(BodyTooLargeException.class);
                res.getWriter().write("handled");
            }
        };
        var response = new MockHttpServletResponse();
        filter.doFilter(withoutLength(request), response, chain);
        assertThat(response.getContentAsString()).isEqualTo("handled");
    }

    @Test
    void aBodyOverTheLimitThatEscapesTheChainIsStill413() throws Exception {
        var request = withoutLength(new MockHttpServletRequest("POST", "/other"));
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new IllegalStateException("wrapped", new BodyTooLargeException(10));
        });
        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void withoutAResolverTheAnswerIsABare413() throws Exception {
        var bare = new BodySizeLimitFilter(10);
        var request = new MockHttpServletRequest("POST", "/upload");
        request.setContent(new byte[11]);
        var response = new MockHttpServletResponse();
        bare.doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
    }

    private MockHttpServletResponse run(String path, int size) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        request.setContent(new byte[size]);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    /** The request as if sent chunked: no Content-Length. */
    private static jakarta.servlet.http.HttpServletRequest withoutLength(MockHttpServletRequest request) {
        return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
    }
}
