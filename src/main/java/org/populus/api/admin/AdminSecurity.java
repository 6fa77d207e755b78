package org.populus.api.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.populus.access.Role;
import org.populus.api.web.RequestAuthenticationFilter;
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
 * Who may use the Admin API. Procedures and issues ({@code /procedures/**}, {@code /issues/**}) need the role
 * {@code registrar}; the people search and people's history and procedures ({@code /people/**}) need {@code data}
 * or {@code registrar} (a registrar only sees people who are not discarded, see {@link PeopleController}); the change
 * feed ({@code /changes}) needs {@code data}; every other path — users,
 * catalogues and whatever is added later — needs {@code admin}. The admin role alone grants none of the review
 * paths. No or invalid credentials are a 401, a missing role a 403, both as problem details; so is a change a
 * cross-site form could have sent with the session cookie as its only credential (403, see
 * {@link RequestAuthenticationFilter}).
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

    static final String PROCEDURES = AdminErrors.PREFIX + "/procedures";
    static final String ISSUES = AdminErrors.PREFIX + "/issues";
    static final String PEOPLE = AdminErrors.PREFIX + "/people";
    static final String CHANGES = AdminErrors.PREFIX + "/changes";
    static final String MATCHING = AdminErrors.PREFIX + "/matching";

    @Bean
    @Order(30)
    SecurityFilterChain adminSecurityChain(HttpSecurity http, RequestAuthenticationFilterFactory authentication,
            JsonMapper json) throws Exception {
        authentication.statelessApi(http.securityMatcher(AdminErrors.PREFIX + "/**"), request -> true, true)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PROCEDURES, PROCEDURES + "/**", ISSUES, ISSUES + "/**", MATCHING, MATCHING + "/**")
                        .hasAuthority(Role.REGISTRAR.code())
                        .requestMatchers(PEOPLE, PEOPLE + "/**")
                        .hasAnyAuthority(Role.DATA.code(), Role.REGISTRAR.code())
                        .requestMatchers(CHANGES, CHANGES + "/**").hasAuthority(Role.DATA.code())
                        .anyRequest().hasAuthority(Role.ADMIN.code()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            var retryAfter = RequestAuthenticationFilter.retryAfterSeconds(request);
                            if (retryAfter.isPresent()) {
                                response.setHeader("Retry-After", retryAfter.get().toString());
                                write(request, response, json, HttpStatus.TOO_MANY_REQUESTS,
                                        "Too many failed logins. Try again later.");
                            } else if (RequestAuthenticationFilter.crossSiteCookie(request)) {
                                write(request, response, json, HttpStatus.FORBIDDEN, CROSS_SITE);
                            } else {
                                write(request, response, json, HttpStatus.UNAUTHORIZED, "Log in first: send a "
                                        + "session id as header X-Openerp-Session-Id or cookie session_id, or use "
                                        + "HTTP Basic.");
                            }
                        })
                        .accessDeniedHandler((request, response, ex) -> write(request, response, json,
                                HttpStatus.FORBIDDEN, denied(request))));
        return http.build();
    }

    /** The 403 for a change authenticated by the session cookie alone that a cross-site form could have sent. */
    static final String CROSS_SITE = "A change authenticated by the session_id cookie needs a Content-Type a form "
            + "cannot send (such as application/json) or the header " + RequestAuthenticationFilter.REQUESTED_WITH
            + "; or send the session id as header " + RequestAuthenticationFilter.SESSION_HEADER + ".";

    /** Scope files (Spain's are a few MB) may be as large as the upload limit. */
    @Bean
    UploadEndpoint adminUploads() {
        return request -> "POST".equals(request.getMethod())
                && (request.getRequestURI().equals(ScopesController.PATH)
                        || request.getRequestURI().equals(ScopesController.PATH + "/"));
    }

    /** The 403 text: which role the path needs. */
    static String denied(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (under(path, PROCEDURES) || under(path, ISSUES) || under(path, MATCHING)) {
            return "Reviewing procedures and issues needs the role 'registrar'.";
        }
        if (under(path, PEOPLE)) {
            return "Finding people and reading their history and procedures needs the role 'data' or 'registrar'.";
        }
        if (under(path, CHANGES)) {
            return "The change feed needs the role 'data'.";
        }
        return "The Admin API needs the role 'admin'.";
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
            HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(status, detail, null, request));
    }
}
