package org.populus.api.census;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.populus.api.web.RequestAuthenticationFilterFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who may use the Census surface: like the original, callers from the allowed networks
 * ({@code populus.census.allowed-networks}, comma-separated CIDRs or addresses; default loopback) need no
 * credentials. Everyone else gets {@code 403 {}}.
 */
@Configuration(proxyBeanMethods = false)
class CensusSecurity {

    static final String[] PATHS = {"/api/v1/people", "/api/v1/people/**", "/api/v1/*/people", "/api/v1/*/people/**"};

    @Bean
    @Order(25)
    SecurityFilterChain censusSecurityChain(HttpSecurity http, RequestAuthenticationFilterFactory authentication,
            @Value("${populus.census.allowed-networks:127.0.0.1/32,::1/128}") String allowedNetworks)
            throws Exception {
        List<IpAddressMatcher> allowed = networks(allowedNetworks);
        authentication.statelessApi(http.securityMatcher(PATHS))
                .authorizeHttpRequests(a -> a.anyRequest().access((auth, context) -> new AuthorizationDecision(
                        allowed.stream().anyMatch(m -> m.matches(context.getRequest().getRemoteAddr())))))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> forbidden(response))
                        .accessDeniedHandler((request, response, ex) -> forbidden(response)));
        return http.build();
    }

    static List<IpAddressMatcher> networks(String spec) {
        return Arrays.stream(spec == null ? new String[0] : spec.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    private static void forbidden(HttpServletResponse response) throws IOException {
        response.setStatus(403);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
