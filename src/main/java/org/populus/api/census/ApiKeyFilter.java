package org.populus.api.census;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.populus.access.ApiKey;
import org.populus.access.ApiKeys;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the client application's API key from {@code Authorization: Bearer …}. A key in use is kept as a request
 * attribute, which {@link CensusSecurity} checks, and made the request's principal (so changes record
 * {@code client:<name>}); any other value leaves the request as it was, and {@link CensusSecurity} refuses it.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "census-client";
    /** The request attribute holding the accepted {@link ApiKey}. */
    static final String ATTRIBUTE = ApiKeyFilter.class.getName() + ".key";

    private final ApiKeys apiKeys;

    ApiKeyFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = bearer(request);
        if (presented != null) {
            apiKeys.authenticate(presented).ifPresent(key -> {
                request.setAttribute(ATTRIBUTE, key);
                var token = new PreAuthenticatedAuthenticationToken(key, null,
                        List.of(new SimpleGrantedAuthority(AUTHORITY)));
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(token);
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header ({@code ""} when it has none), or null when the
     * request has no such header.
     */
    static String bearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer", 0, 6)) {
            return null;
        }
        String rest = authorization.substring(6);
        if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
            return null; // e.g. "BearerX": another scheme
        }
        return rest.strip();
    }
}
