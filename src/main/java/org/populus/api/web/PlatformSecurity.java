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
 * sent as {@code Authorization: Bearer …}); the OpenAPI document and Swagger UI are open. HTTP Basic credentials
 * are only checked on the actuator paths that need login (elsewhere they cost nothing).
 */
@Configuration(proxyBeanMethods = false)
class PlatformSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain platformSecurityChain(HttpSecurity http, RequestAuthenticationFilterFactory authentication,
            @Value("${populus.metrics.token:}") String metricsToken) throws Exception {
        authentication.statelessApi(http, PlatformSecurity::needsLogin)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").access((auth, context) -> new AuthorizationDecision(
                                tokenMatches(metricsToken, context.getRequest().getHeader("Authorization"))
                                        || auth.get() != null && auth.get().getAuthorities().stream()
                                                .anyMatch(g -> Role.ADMIN.code().equals(g.getAuthority()))))
                        .requestMatchers("/actuator/**").hasAuthority(Role.ADMIN.code())
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    var retryAfter = RequestAuthenticationFilter.retryAfterSeconds(request);
                    response.setContentType("application/problem+json");
                    if (retryAfter.isPresent()) {
                        response.setStatus(429);
                        response.setHeader("Retry-After", retryAfter.get().toString());
                        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\","
                                + "\"status\":429,\"detail\":\"Too many failed logins; try again later\"}");
                        return;
                    }
                    response.setStatus(401);
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                            + "\"detail\":\"Log in, or send the metrics scrape token\"}");
                }));
        return http.build();
    }

    /** The actuator paths other than health and info: the only ones here that need login. */
    static boolean needsLogin(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/") && !path.equals("/actuator/health")
                && !path.startsWith("/actuator/health/") && !path.equals("/actuator/info");
    }

    static boolean tokenMatches(String token, String authorization) {
        if (token == null || token.isBlank() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
