package org.populus.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Predicate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/** Makes the authentication filter for a surface's security chain. */
@FunctionalInterface
public interface RequestAuthenticationFilterFactory {

    /**
     * A filter that checks HTTP Basic credentials only on the requests {@code acceptsBasic} matches and, if
     * {@code refusesCrossSiteCookie}, does not take the {@code session_id} cookie as credential of a change a
     * cross-site form could have sent (see {@link RequestAuthenticationFilter}).
     */
    RequestAuthenticationFilter create(Predicate<HttpServletRequest> acceptsBasic, boolean refusesCrossSiteCookie);

    /**
     * The setup every API surface shares: stateless (no HTTP session, no CSRF token, no login form, request
     * cache or servlet API wrapper), credentials (sessions and HTTP Basic) read by {@link RequestAuthenticationFilter}. Each surface adds
     * its matcher, rules and error rendering.
     */
    default HttpSecurity statelessApi(HttpSecurity http) throws Exception {
        return statelessApi(http, request -> true);
    }

    /** {@link #statelessApi(HttpSecurity)} checking HTTP Basic credentials only where {@code acceptsBasic}. */
    default HttpSecurity statelessApi(HttpSecurity http, Predicate<HttpServletRequest> acceptsBasic)
            throws Exception {
        return statelessApi(http, acceptsBasic, false);
    }

    /**
     * {@link #statelessApi(HttpSecurity, Predicate)}; with {@code refusesCrossSiteCookie}, the session cookie does
     * not authenticate a change a cross-site form could have sent ({@link RequestAuthenticationFilter#crossSiteCookie}).
     */
    default HttpSecurity statelessApi(HttpSecurity http, Predicate<HttpServletRequest> acceptsBasic,
            boolean refusesCrossSiteCookie) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // no request wrapper for isUserInRole() and the like: Populus reads the caller from Callers
                .servletApi(AbstractHttpConfigurer::disable)
                // no HTTP session is ever read or made: the caller is established per request
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(create(acceptsBasic, refusesCrossSiteCookie), AuthorizationFilter.class);
    }
}
