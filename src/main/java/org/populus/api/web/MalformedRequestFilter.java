package org.populus.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before authentication and before any surface reads it, what no endpoint can take: a path with a
 * control character once decoded, and a query string that is not UTF-8 percent-encoding or holds a NUL or another
 * control character (tab, line feed and carriage return excepted). The answer is a 400 in the format of the
 * surface the path is in. PostgreSQL cannot store NUL in text, so a NUL that got further would fail there.
 *
 * <p>A wildcard content type ({@code *}{@code /*}) is a 415. A body a later filter cannot read (a malformed form
 * body of a {@code PUT}, {@code PATCH} or {@code DELETE}, which Spring's {@code FormContentFilter} parses) is a 400.
 *
 * <p>A JSON or form body (with no charset or UTF-8) is read through {@link Utf8CheckedStream}: bytes that are not
 * well-formed UTF-8 (an overlong {@code C0 AF} for "/", a lone continuation byte, …) make reading it fail, so the
 * surface answers its 400 for an unreadable body; they are never decoded leniently into other characters. (Form
 * bodies the servlet container parses itself are decoded strictly by it: a malformed one is a 400 here too.)
 *
 * <p>Also drops the body of {@code GET} and {@code HEAD} requests to {@code /actuator/**}: the actuator's endpoints
 * read an optional body on every operation, so a stray one on a health probe failed it (a wildcard content type
 * was a 500).
 */
final class MalformedRequestFilter extends OncePerRequestFilter {

    private final SurfaceErrorBodies errors;

    MalformedRequestFilter(SurfaceErrorBodies errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problem(request);
        if (problem != null) {
            errors.write(request, response, 400, problem);
            return;
        }
        String uri = request.getRequestURI();
        if (uri != null && uri.startsWith("/actuator/")
                && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            chain.doFilter(new WithoutBody(request), response);
            return;
        }
        if (wildcardContentType(request.getContentType())) {
            errors.write(request, response, 415, "A wildcard is no content type: send application/json.");
            return;
        }
        try {
            chain.doFilter(utf8Body(request) ? new Utf8Body(request) : request, response);
        } catch (HttpMessageNotReadableException e) {
            // a body a filter could not read, e.g. Spring's FormContentFilter on a malformed form body of a PUT
            if (response.isCommitted()) {
                throw e;
            }
            boolean tooLarge = BodyTooLargeException.in(e).isPresent();
            errors.write(request, response, tooLarge ? 413 : 400,
                    tooLarge ? "The request body is larger than the limit." : "The request body could not be read.");
        } catch (MalformedBodyException e) {
            // a body that is not UTF-8, found by a filter reading it (Spring's FormContentFilter on a form body)
            if (response.isCommitted()) {
                throw e;
            }
            errors.write(request, response, 400, e.getMessage());
        } catch (InvalidParameterException e) {
            // parameters the servlet container could not parse when a filter asked for them (e.g. a multipart body
            // without a boundary, a form body over the container's limit)
            if (response.isCommitted()) {
                throw e;
            }
            int status = e.getErrorCode() == 413 ? 413 : 400;
            errors.write(request, response, status, status == 413 ? "The request body is larger than the limit."
                    : "The request parameters could not be read.");
        }
    }

    /** Whether the body is JSON or a form in UTF-8 (said, or left unsaid), which must then be well-formed UTF-8. */
    static boolean utf8Body(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            return request.getContentLengthLong() != 0; // the Census reads a body without a type as a form
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean text = type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json")
                    || type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED);
            return text && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
        } catch (RuntimeException e) {
            return false; // an unreadable or unknown charset: the surfaces refuse the type themselves
        }
    }

    /** The request with its body read through the strict UTF-8 check. */
    private static final class Utf8Body extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Utf8Body(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Utf8CheckedStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    /**
     * A content type such as {@code *}{@code /*} or {@code application/*}: it describes no body, and Spring's
     * request headers refuse it with an exception that is no client error.
     */
    static boolean wildcardContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false; // the surfaces answer 415 for it
        }
    }

    /** What is wrong with the request's path or query string, or null. */
    static String problem(HttpServletRequest request) {
        String path = decode(request.getRequestURI(), false);
        if (path == null) {
            return "The path is not valid UTF-8 percent-encoding.";
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "The path must not contain control characters.";
        }
        String query = request.getQueryString();
        if (query != null) {
            String decoded = decode(query, true);
            if (decoded == null) {
                return "The query string is not valid UTF-8 percent-encoding.";
            }
            if (decoded.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                return "The query string must not contain NUL or other control characters.";
            }
        }
        return null;
    }

    /**
     * The text with its percent-escapes decoded as UTF-8 (and {@code +} as a blank in a query), or null if an escape
     * is malformed or the bytes are not UTF-8. Characters that are not escaped are kept as they are.
     */
    static String decode(String s, boolean query) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return null;
                }
                pending.write(Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
                i += 2;
                continue;
            }
            if (!flush(pending, out)) {
                return null;
            }
            out.append(query && c == '+' ? ' ' : c);
        }
        return flush(pending, out) ? out.toString() : null;
    }

    private static boolean flush(ByteArrayOutputStream pending, StringBuilder out) {
        if (pending.size() == 0) {
            return true;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(pending.toByteArray())));
            pending.reset();
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The request without its body (and without the headers that describe one). */
    private static final class WithoutBody extends HttpServletRequestWrapper {

        WithoutBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)
                    || "Transfer-Encoding".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return getHeader(name) == null ? java.util.Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream empty = new ByteArrayInputStream(new byte[0]);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return empty.read();
                }

                @Override
                public boolean isFinished() {
                    return true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new IllegalStateException("not asynchronous");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new StringReader(""));
        }
    }
}
