package org.populus.api.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.populus.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything outside the API surfaces. Open: {@code /actuator/health} (load balancers, orchestrators), the OpenAPI
 * document and Swagger UI (they describe the public APIs and hold no data; turn them off with
 * {@code springdoc.api-docs.enabled=false} / {@code springdoc.swagger-ui.enabled=false}) and the error page.
 * {@code /actuator/prometheus} needs the {@code admin} role or the scrape token ({@code POPULUS_METRICS_TOKEN},
 * sent as {@code Authorization: Bearer …}); the other actuator paths need {@code admin}. Any other path is denied
 * before routing — {@code 401} without credentials, {@code 403} with them, as problem details — so an endpoint
 * added outside the surfaces is closed until it is given a rule here. HTTP Basic credentials are not checked on the
 * open paths (there they cost nothing).
 */
@Configuration(proxyBeanMethods = false)
class PlatformSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain platformSecurityChain(HttpSecurity http, RequestAuthenticationFilterFactory authentication,
            @Value("${populus.metrics.token:}") String metricsToken) throws Exception {
        authentication.statelessApi(http, PlatformSecurity::needsLogin)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the error page renders every surface's errors (SurfaceErrorController)
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, API_DOCS).permitAll()
                        .requestMatchers("/actuator/prometheus").access((auth, context) -> new AuthorizationDecision(
                                tokenMatches(metricsToken, context.getRequest().getHeader("Authorization"))
                                        || auth.get() != null && auth.get().getAuthorities().stream()
                                                .anyMatch(g -> Role.ADMIN.code().equals(g.getAuthority()))))
                        .requestMatchers("/actuator/**").hasAuthority(Role.ADMIN.code())
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            var retryAfter = RequestAuthenticationFilter.retryAfterSeconds(request);
                            if (retryAfter.isPresent()) {
                                response.setHeader("Retry-After", retryAfter.get().toString());
                                problem(response, 429, "Too Many Requests", "Too many failed logins; try again later");
                                return;
                            }
                            problem(response, 401, "Unauthorized",
                                    request.getRequestURI().startsWith("/actuator/prometheus")
                                            ? "Log in, or send the metrics scrape token"
                                            : "Log in first: send a session id as header X-Openerp-Session-Id or "
                                                    + "cookie session_id, or use HTTP Basic");
                        })
                        .accessDeniedHandler((request, response, ex) -> problem(response, 403, "Forbidden",
                                "Your account may not use this path")));
        return http.build();
    }

    /** Every path but the open ones (health, the error page, the OpenAPI document): HTTP Basic is checked there. */
    static boolean needsLogin(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/error")) {
            return false;
        }
        for (String docs : API_DOCS) {
            String prefix = docs.endsWith("/**") ? docs.substring(0, docs.length() - 2) : null;
            if (path.equals(docs) || prefix != null && path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** The OpenAPI document (JSON, YAML, Swagger UI's configuration) and Swagger UI. */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
        "/swagger-ui/**"};

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }

    static boolean tokenMatches(String token, String authorization) {
        if (token == null || token.isBlank() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
