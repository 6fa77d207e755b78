package org.populus.api.openg2p;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.populus.access.Role;
import org.populus.api.web.RequestAuthenticationFilter;
import org.populus.api.web.RequestAuthenticationFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may use the OpenG2P surface: login is open; GET needs {@code registry-read}; POST/PATCH need
 * {@code registry-write}. A missing or expired session is 401, a missing role 403, both in OpenG2P's envelope.
 */
@Configuration(proxyBeanMethods = false)
class OpenG2pSecurity {

    @Bean
    @Order(20)
    SecurityFilterChain openG2pSecurityChain(HttpSecurity http, RequestAuthenticationFilterFactory authentication,
            JsonMapper json) throws Exception {
        authentication.statelessApi(http.securityMatcher("/session/auth/**", "/api/v1/registry/**"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/session/auth/login", "/session/auth/login/").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/registry/**").hasAuthority(Role.REGISTRY_READ.code())
                        .requestMatchers("/api/v1/registry/**").hasAuthority(Role.REGISTRY_WRITE.code())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            var retryAfter = RequestAuthenticationFilter.retryAfterSeconds(request);
                            if (retryAfter.isPresent()) {
                                response.setHeader("Retry-After", retryAfter.get().toString());
                                write(response, json, 429, "Too many failed logins. Try again later.");
                            } else {
                                write(response, json, 401, "Session expired or missing. Log in at "
                                        + "/session/auth/login and send the session id as header X-Openerp-Session-Id.");
                            }
                        })
                        .accessDeniedHandler((request, response, ex) -> write(response, json, 403,
                                "Your account does not have the role this request needs.")));
        return http.build();
    }

    private static void write(HttpServletResponse response, JsonMapper json, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ErrorEnvelope.http(status, message));
    }
}
