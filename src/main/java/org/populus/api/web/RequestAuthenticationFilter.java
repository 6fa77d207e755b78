package org.populus.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.populus.access.AuthenticatedUser;
import org.populus.access.LoginOutcome;
import org.populus.access.Role;
import org.populus.access.Sessions;
import org.populus.access.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Establishes who is calling, from (in this order) the {@code X-Openerp-Session-Id} header, the
 * {@code session_id} cookie, or HTTP Basic credentials (login and password, as OpenG2P 17.0 accepts) on the
 * requests that accept them (elsewhere a Basic header is ignored: no password check, no database). Credentials
 * that do not check out leave the request anonymous; the surface's entry point answers 401 where login is needed,
 * or 429 when the login was refused for too many failed logins ({@link #retryAfterSeconds}).
 *
 * <p>Against cross-site request forgery, on the surfaces that ask for it (the Admin API, whose endpoints also take
 * text and multipart bodies; the OpenG2P API's changes take JSON only) the {@code session_id} cookie — the one
 * credential a browser sends by itself — does not authenticate a state-changing request that a page of another site could have made a browser
 * send without asking the server first: any method but GET, HEAD, OPTIONS and TRACE with no {@code Content-Type},
 * or a form's or {@code text/plain}, and without an {@code X-Requested-With} header. Such a request stays
 * anonymous and is marked ({@link #crossSiteCookie}), so the surface refuses it (the Admin API with a 403). The
 * {@code SameSite} attribute of the cookie is then not the only guard. The session id as header
 * {@code X-Openerp-Session-Id} and HTTP Basic are not concerned: a browser never adds them to a cross-site request.
 */
public final class RequestAuthenticationFilter extends OncePerRequestFilter {

    public static final String SESSION_HEADER = "X-Openerp-Session-Id";
    public static final String SESSION_COOKIE = "session_id";
    /** The header that makes a cookie-authenticated request one a cross-site form could not have sent. */
    public static final String REQUESTED_WITH = "X-Requested-With";
    private static final String THROTTLED = RequestAuthenticationFilter.class.getName() + ".retryAfter";
    private static final String CROSS_SITE_COOKIE = RequestAuthenticationFilter.class.getName() + ".crossSiteCookie";
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** The content types a cross-site form or a "simple" cross-site request may carry. */
    private static final List<org.springframework.http.MediaType> SIMPLE_TYPES = List.of(
            org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED,
            org.springframework.http.MediaType.MULTIPART_FORM_DATA, org.springframework.http.MediaType.TEXT_PLAIN);

    private final Sessions sessions;
    private final UserAccounts accounts;
    private final Predicate<HttpServletRequest> acceptsBasic;
    private final boolean refusesCrossSiteCookie;
    private final WarmUpCaller warmUp;

    public RequestAuthenticationFilter(Sessions sessions, UserAccounts accounts,
            Predicate<HttpServletRequest> acceptsBasic, boolean refusesCrossSiteCookie, WarmUpCaller warmUp) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.acceptsBasic = acceptsBasic;
        this.refusesCrossSiteCookie = refusesCrossSiteCookie;
        this.warmUp = warmUp;
    }

    /**
     * Seconds to wait before trying to log in again, when this request's HTTP Basic login was refused for too many
     * failed logins: the entry point then answers 429 with {@code Retry-After}.
     */
    public static Optional<Long> retryAfterSeconds(HttpServletRequest request) {
        return request.getAttribute(THROTTLED) instanceof Long seconds ? Optional.of(seconds) : Optional.empty();
    }

    /**
     * Whether this request came with only the {@code session_id} cookie as credential on a state-changing request a
     * cross-site form could have sent, so the cookie was not used: the surface answers 403.
     */
    public static boolean crossSiteCookie(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(CROSS_SITE_COOKIE));
    }

    /**
     * Whether a browser could send this request from another site's page without a CORS preflight: a
     * state-changing method with no content type or a form's or {@code text/plain}, and no custom header.
     */
    static boolean crossSiteCapable(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader(REQUESTED_WITH) != null) {
            return false;
        }
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            var type = org.springframework.http.MediaType.parseMediaType(contentType);
            return SIMPLE_TYPES.stream().anyMatch(simple -> simple.getType().equalsIgnoreCase(type.getType())
                    && simple.getSubtype().equalsIgnoreCase(type.getSubtype()));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return true; // a browser would not send it unasked either way; refuse what cannot be told
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        authenticate(request).ifPresent(user -> {
            var token = new UsernamePasswordAuthenticationToken(user, null, authorities(user));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(token);
            SecurityContextHolder.setContext(context);
        });
        chain.doFilter(request, response);
    }

    private Optional<AuthenticatedUser> authenticate(HttpServletRequest request) {
        String warmingUp = request.getHeader(WarmUpCaller.HEADER);
        if (warmingUp != null) {
            return warmUp.user(warmingUp);
        }
        String header = request.getHeader(SESSION_HEADER);
        if (header != null && !header.isBlank()) {
            return sessions.resolve(header);
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (SESSION_COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
                    if (refusesCrossSiteCookie && crossSiteCapable(request)) {
                        request.setAttribute(CROSS_SITE_COOKIE, Boolean.TRUE);
                        return Optional.empty();
                    }
                    return sessions.resolve(c.getValue());
                }
            }
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && acceptsBasic.test(request)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    String login = decoded.substring(0, colon);
                    LoginOutcome outcome = accounts.attempt(login, decoded.substring(colon + 1),
                            request.getRemoteAddr());
                    if (outcome.retryAfter().isPresent()) {
                        request.setAttribute(THROTTLED, outcome.retryAfterSeconds());
                    }
                    return outcome.account().map(a -> new AuthenticatedUser(a.login(), a.roles(), null));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The user's roles as Spring Security authorities (their codes); {@code registry-write} adds {@code registry-read}. */
    public static List<GrantedAuthority> authorities(AuthenticatedUser user) {
        List<GrantedAuthority> result = new ArrayList<>();
        for (Role role : Role.values()) {
            if (user.has(role)) {
                result.add(new SimpleGrantedAuthority(role.code()));
            }
        }
        return result;
    }
}
