package org.populus.api.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/** Makes the authentication filter for a surface's security chain. */
@FunctionalInterface
public interface RequestAuthenticationFilterFactory {

    RequestAuthenticationFilter create();

    /**
     * The setup every API surface shares: stateless (no HTTP session, no CSRF token, no login form or request
     * cache), credentials read by {@link RequestAuthenticationFilter}. Each surface adds its matcher, rules and
     * error rendering.
     */
    default HttpSecurity statelessApi(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(create(), AuthorizationFilter.class);
    }
}
