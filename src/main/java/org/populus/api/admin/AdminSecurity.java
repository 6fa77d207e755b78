package org.populus.api.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.populus.access.Role;
import org.populus.api.web.RequestAuthenticationFilterFactory;
import org.populus.api.web.UploadEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may use the Admin API: callers with the {@code admin} role only. No or invalid credentials are a 401, a
 * missing role a 403, both as problem details.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    @Bean
    @Order(30)
    SecurityFilterChain adminSecurityChain(HttpSecurity http, RequestAuthenticationFilterFactory authentication,
            JsonMapper json) throws Exception {
        authentication.statelessApi(http.securityMatcher(AdminErrors.PREFIX + "/**"))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(Role.ADMIN.code()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> write(request, response, json,
                                HttpStatus.UNAUTHORIZED, "Log in first: send a session id as header "
                                        + "X-Openerp-Session-Id or cookie session_id, or use HTTP Basic."))
                        .accessDeniedHandler((request, response, ex) -> write(request, response, json,
                                HttpStatus.FORBIDDEN, "The Admin API needs the role 'admin'.")));
        return http.build();
    }

    /** Scope files (Spain's are a few MB) may be as large as the upload limit. */
    @Bean
    UploadEndpoint adminUploads() {
        return request -> "POST".equals(request.getMethod())
                && (request.getRequestURI().equals(ScopesController.PATH)
                        || request.getRequestURI().equals(ScopesController.PATH + "/"));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
            HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(status, detail, null, request));
    }
}
