package org.populus.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Caps request bodies: {@code populus.http.max-body-size} (env {@code POPULUS_HTTP_MAX_BODY_SIZE}) in general,
 * {@code populus.http.max-upload-size} (env {@code POPULUS_MAX_UPLOAD_SIZE}) for the {@link UploadEndpoint}s the
 * surfaces declare. A body announced larger ({@code Content-Length}) is refused at once, before authentication and
 * without being read; one found larger while it is read ({@code chunked}) makes reading fail with
 * {@link BodyTooLargeException}. Either way the answer is a 413 in the format of the surface the path belongs to
 * (through the MVC exception handlers, see {@code FallbackErrorAdvice}); the handler never sees a truncated body.
 *
 * <p>Form and multipart bodies that the servlet container parses itself ({@code getParameter}, {@code getParts})
 * are read past this wrapper: with a {@code Content-Length} the check above still applies; without one, the
 * container's own limits apply ({@code server.tomcat.max-http-form-post-size}, {@code spring.servlet.multipart.*},
 * set to the upload size).
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long uploadLimit;
    private final Supplier<List<UploadEndpoint>> uploads;
    private final Supplier<HandlerExceptionResolver> errors;

    /**
     * @param uploads the upload endpoints, asked for on each request (so beans can be looked up lazily)
     * @param errors renders a {@link BodyTooLargeException} as the surface's 413; null to answer a bare 413
     */
    public BodySizeLimitFilter(long limit, long uploadLimit, Supplier<List<UploadEndpoint>> uploads,
            Supplier<HandlerExceptionResolver> errors) {
        this.limit = limit;
        this.uploadLimit = Math.max(limit, uploadLimit);
        this.uploads = uploads;
        this.errors = errors;
    }

    /** Only {@code limit} for every request. */
    public BodySizeLimitFilter(long limit) {
        this(limit, limit, List::of, null);
    }

    /** The largest body this request may carry. */
    long limitFor(HttpServletRequest request) {
        if (uploadLimit > limit) {
            for (UploadEndpoint u : uploads.get()) {
                if (u.matches(request)) {
                    return uploadLimit;
                }
            }
        }
        return limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = limitFor(request);
        if (request.getContentLengthLong() > max) {
            refuse(request, response, new BodyTooLargeException(max));
            return;
        }
        try {
            chain.doFilter(new Limited(request, max), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // a body over the limit that no handler turned into a 413 (e.g. read by a filter further down)
            Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.in(e);
            if (tooLarge.isEmpty() || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(request, response, tooLarge.get());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, BodyTooLargeException e)
            throws IOException {
        HandlerExceptionResolver resolver = errors == null ? null : errors.get();
        if (resolver == null || resolver.resolveException(request, response, null, e) == null) {
            response.sendError(413, e.getMessage());
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                if (getContentLengthLong() > limit) {
                    throw new BodyTooLargeException(limit);
                }
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset = StandardCharsets.UTF_8;
            String encoding = getCharacterEncoding();
            if (encoding != null && Charset.isSupported(encoding)) {
                charset = Charset.forName(encoding);
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends InspectingInputStream {
        private final long limit;
        private long count;

        CountingStream(ServletInputStream delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        void inspect(byte[] buffer, int offset, int length) throws BodyTooLargeException {
            count += length;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
