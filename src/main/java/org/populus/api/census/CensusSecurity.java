package org.populus.api.census;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.populus.access.ApiKey;
import org.populus.access.ApiKeys;
import org.populus.api.web.RequestAuthenticationFilterFactory;
import org.populus.api.web.ReverseProxy;
import org.populus.api.web.UploadEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.populus.api.web.WarmUpRequests;
import org.populus.person.RegistrantKind;
import org.populus.person.RegistrantQuery;
import org.populus.person.NameSearches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who may use the Census surface. A request is let in when it carries the API key of a client
 * application ({@code Authorization: Bearer populus_…}, see {@link ApiKeys}) that is in use, or when it comes from
 * the allowed networks ({@code populus.census.allowed-networks}, comma-separated CIDRs or addresses; default
 * loopback) and keys are not required ({@code populus.census.require-api-key}, default false). A key that is
 * presented but unknown or revoked is refused even from an allowed network. Everything refused is
 * {@code 403 {}}. The rule and why it is so: docs/census-api.md#access.
 */
@Configuration(proxyBeanMethods = false)
class CensusSecurity {

    /**
     * Any second segment counts as a locale here, so a path with an unknown one is still the Census surface's
     * ({@code 404 {}}); the mappings accept only es, ca, eu, en and gl.
     */

    @Bean
    UploadEndpoint censusUploads() {
        return CensusPaths::upload;
    }

    /** The Census read warmed up at start: people by their {@code N@census} id. */
    @Bean
    WarmUpRequests censusWarmUp(NameSearches registrants) {
        return limit -> registrants.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, null), 0, 0, limit)
                .stream().map(person -> "/api/v1/people/" + person.id() + "@census").toList();
    }

    @Bean
    @Order(25)
    SecurityFilterChain censusSecurityChain(HttpSecurity http, RequestAuthenticationFilterFactory authentication,
            ApiKeys apiKeys,
            @Value("${populus.census.allowed-networks:127.0.0.1/32,::1/128}") String allowedNetworks,
            @Value("${populus.census.require-api-key:false}") boolean requireApiKey, Environment environment)
            throws Exception {
        checkBehindProxy(ReverseProxy.of(environment), allowedNetworks, requireApiKey);
        Access access = new Access(networks(allowedNetworks), requireApiKey);
        authentication.statelessApi(http.securityMatcher(CensusPaths.REQUESTS), request -> false) // API keys, never HTTP Basic
                .addFilterBefore(new ApiKeyFilter(apiKeys), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().access((auth, context) ->
                        new AuthorizationDecision(access.allows(context.getRequest()))))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> forbidden(response))
                        .accessDeniedHandler((request, response, ex) -> forbidden(response)));
        return http.build();
    }

    /** The access rule (docs/census-api.md#access), given the networks and whether keys are required. */
    record Access(List<IpAddressMatcher> allowedNetworks, boolean requireApiKey) {

        Access {
            allowedNetworks = List.copyOf(allowedNetworks);
        }

        boolean allows(HttpServletRequest request) {
            boolean keyPresented = ApiKeyFilter.bearer(request) != null;
            boolean validKey = request.getAttribute(ApiKeyFilter.ATTRIBUTE) instanceof ApiKey;
            return allows(keyPresented, validKey, request.getRemoteAddr());
        }

        boolean allows(boolean keyPresented, boolean validKey, String remoteAddress) {
            if (keyPresented) {
                return validKey;
            }
            return !requireApiKey && remoteAddress != null
                    && allowedNetworks.stream().anyMatch(m -> m.matches(remoteAddress));
        }
    }

    /**
     * Refuses a start behind a reverse proxy where the proxy's own address would let callers in without a key.
     * Behind a proxy every request arrives from the proxy; one that reaches Populus without a forwarded client
     * address (a proxy that does not set {@code X-Forwarded-For}, another site on the same proxy, a local process)
     * keeps the proxy's address. If an allowed network holds a trusted proxy — the default loopback networks with
     * a proxy on the same host — such requests would use the Census API without credentials.
     */
    static void checkBehindProxy(ReverseProxy proxy, String allowedNetworks, boolean requireApiKey) {
        if (!proxy.enabled() || requireApiKey) {
            return;
        }
        List<String> networks = entries(allowedNetworks);
        for (String network : networks) {
            for (String trusted : proxy.trusted()) {
                if (overlap(network, trusted)) {
                    throw new IllegalStateException("Refusing to start: behind a reverse proxy (POPULUS_PROXY_MODE="
                            + proxy.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                            + ") the Census allowed network " + network + " holds the trusted proxy " + trusted
                            + ", so every request through the proxy could use the Census API without an API key. "
                            + "Set POPULUS_CENSUS_REQUIRE_API_KEY=true, or POPULUS_CENSUS_ALLOWED_NETWORKS to the "
                            + "clients' own networks (not the proxy's).");
                }
            }
        }
    }

    /** Two CIDR blocks are nested or disjoint: they overlap when one holds the other's address. */
    static boolean overlap(String a, String b) {
        return new IpAddressMatcher(a).matches(address(b)) || new IpAddressMatcher(b).matches(address(a));
    }

    private static String address(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    private static List<String> entries(String spec) {
        return Arrays.stream(spec == null ? new String[0] : spec.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<IpAddressMatcher> networks(String spec) {
        return Arrays.stream(spec == null ? new String[0] : spec.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    private static void forbidden(HttpServletResponse response) throws IOException {
        response.setStatus(403);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
    }
}
