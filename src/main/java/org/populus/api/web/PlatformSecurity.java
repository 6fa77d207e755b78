package org.populus.api.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.populus.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything outside the API surfaces: {@code /actuator/health} is open (load balancers, orchestrators);
 * {@code /actuator/prometheus} needs the {@code admin} role or the scrape token ({@code POPULUS_METRICS_TOKEN},
 * sent as {@code Authorization: Bearer …}); the OpenAPI document and Swagger UI are open.
 */
@Configuration(proxyBeanMethods = false)
class PlatformSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain platformSecurityChain(HttpSecurity http, RequestAuthenticationFilterFactory authentication,
            @Value("${populus.metrics.token:}") String metricsToken) throws Exception {
        authentication.statelessApi(http)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // the error page renders every surface's errors (SurfaceErrorController)
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/prometheus").access((auth, context) -> new AuthorizationDecision(
                                tokenMatches(metricsToken, context.getRequest().getHeader("Authorization"))
                                        || auth.get() != null && auth.get().getAuthorities().stream()
                                                .anyMatch(g -> Role.ADMIN.code().equals(g.getAuthority()))))
                        .requestMatchers("/actuator/**").hasAuthority(Role.ADMIN.code())
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    response.setStatus(401);
                    response.setContentType("application/problem+json");
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"detail\":\"Log in, or send the metrics scrape token\"}");
                }));
        return http.build();
    }

    static boolean tokenMatches(String token, String authorization) {
        if (token == null || token.isBlank() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
