package org.populus.api.census;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What is a Census path, decided in one place: {@code /api/v1/people…} and {@code /api/v1/{locale}/people…}, for
 * the security chain, the error format, the form bodies the Census reads itself, and the upload endpoint.
 */
final class CensusPaths {

    private static final Pattern PEOPLE = Pattern.compile("^/api/v1/(?:[^/]+/)?people(?:/.*)?$");
    /** Document verifications carry the scans of a document: they may be as large as the upload limit. */
    private static final Pattern UPLOAD = Pattern.compile("^/api/v1/(?:[^/]+/)?people/[^/]+/document_verifications/?$");

    /**
     * A request to a Census path, as sent (within the application) or as decoded by the container (the path the
     * handlers are chosen by).
     */
    static final RequestMatcher REQUESTS = CensusPaths::census;

    private CensusPaths() {
    }

    static boolean census(HttpServletRequest request) {
        return matches(PEOPLE, request);
    }

    /** A {@code POST} of a document verification. */
    static boolean upload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && matches(UPLOAD, request);
    }

    private static boolean matches(Pattern pattern, HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String sent = uri != null && context != null && uri.startsWith(context) ? uri.substring(context.length())
                : uri;
        if (sent != null && pattern.matcher(sent).matches()) {
            return true;
        }
        String decoded = request.getServletPath();
        if (decoded == null) {
            return false;
        }
        String info = request.getPathInfo();
        return pattern.matcher(info == null ? decoded : decoded + info).matches();
    }
}
