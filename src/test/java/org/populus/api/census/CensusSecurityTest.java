package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.procedure.CensusClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The allowed-networks setting, the access rule (docs/census-api.md#access), the bearer header and the upload paths.
 */
class CensusSecurityTest {

    @Test
    void parsesNetworksAndAddresses() {
        List<IpAddressMatcher> m = CensusSecurity.networks(" 127.0.0.1/32, ::1/128,10.1.0.0/16 ,192.168.1.7,");
        assertThat(m).hasSize(4);
        assertThat(m.stream().anyMatch(x -> x.matches("10.1.200.3"))).isTrue();
        assertThat(m.stream().anyMatch(x -> x.matches("192.168.1.7"))).isTrue();
        assertThat(m.stream().anyMatch(x -> x.matches("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(m.stream().anyMatch(x -> x.matches("10.2.0.1"))).isFalse();
        assertThat(m.stream().anyMatch(x -> x.matches("192.168.1.8"))).isFalse();
        assertThat(CensusSecurity.networks("")).isEmpty();
    }

    private static final CensusSecurity.Access KEYS_OPTIONAL =
            new CensusSecurity.Access(CensusSecurity.networks("127.0.0.1/32,10.0.0.0/8"), false);

    @Test
    void withKeysOptionalACallerWithoutAKeyIsLetInOnlyFromAnAllowedNetwork() {
        assertThat(KEYS_OPTIONAL.allows(false, false, "127.0.0.1")).isTrue();
        assertThat(KEYS_OPTIONAL.allows(false, false, "10.20.30.40")).isTrue();
        assertThat(KEYS_OPTIONAL.allows(false, false, "192.0.2.1")).isFalse();
    }

    @Test
    void withKeysOptionalAValidKeyIsLetInFromAnywhere() {
        assertThat(KEYS_OPTIONAL.allows(true, true, "192.0.2.1")).isTrue();
        assertThat(KEYS_OPTIONAL.allows(true, true, "127.0.0.1")).isTrue();
    }

    @Test
    void anUnknownOrRevokedKeyIsRefusedEvenFromAnAllowedNetwork() {
        assertThat(KEYS_OPTIONAL.allows(true, false, "127.0.0.1")).isFalse();
        assertThat(KEYS_OPTIONAL.allows(true, false, "192.0.2.1")).isFalse();
    }

    @Test
    void withKeysRequiredOnlyAValidKeyIsLetInEvenFromAnAllowedNetwork() {
        var access = new CensusSecurity.Access(CensusSecurity.networks("127.0.0.1/32"), true);
        assertThat(access.allows(false, false, "127.0.0.1")).isFalse();
        assertThat(access.allows(true, true, "127.0.0.1")).isTrue();
        assertThat(access.allows(true, true, "192.0.2.1")).isTrue();
        assertThat(access.allows(true, false, "127.0.0.1")).isFalse();
    }

    @Test
    void theBearerTokenIsReadCaseInsensitivelyAndTrimmedAndOtherSchemesGiveNone() {
        assertThat(ApiKeyFilter.bearer(request(null))).isNull();
        assertThat(ApiKeyFilter.bearer(request("Basic YWRtaW46eA=="))).isNull();
        assertThat(ApiKeyFilter.bearer(request("BearerX abc"))).isNull();
        assertThat(ApiKeyFilter.bearer(request("Bearer populus_abc"))).isEqualTo("populus_abc");
        assertThat(ApiKeyFilter.bearer(request("bearer   populus_abc  "))).isEqualTo("populus_abc");
        assertThat(ApiKeyFilter.bearer(request("Bearer"))).isEmpty();
        assertThat(ApiKeyFilter.bearer(request("Bearer "))).isEmpty();
    }

    @Test
    void documentVerificationsAreUploads() {
        var uploads = new CensusSecurity().censusUploads();
        assertThat(uploads.matches(post("/api/v1/people/12@census/document_verifications"))).isTrue();
        assertThat(uploads.matches(post("/api/v1/es/people/12@census/document_verifications"))).isTrue();
        assertThat(uploads.matches(post("/api/v1/people/00000001R@document_id/document_verifications/"))).isTrue();
        assertThat(uploads.matches(post("/api/v1/people/12@census"))).isFalse();
        assertThat(uploads.matches(post("/api/v1/people"))).isFalse();
        assertThat(uploads.matches(post("/api/v1/people/12@census/membership_levels"))).isFalse();
        assertThat(uploads.matches(post("/api/v1/people/1/document_verifications/x"))).isFalse();
        assertThat(uploads.matches(post("/api/v1/registry/people/1/document_verifications/x"))).isFalse();
        var get = new MockHttpServletRequest("GET", "/api/v1/people/12@census/document_verifications");
        assertThat(uploads.matches(get)).isFalse();
    }

    private static MockHttpServletRequest request(String authorization) {
        var request = new MockHttpServletRequest("GET", "/api/v1/people/1@census");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private static MockHttpServletRequest post(String path) {
        return new MockHttpServletRequest("POST", path);
    }

    @Test
    void callersWithoutAKeyAreIsolatedUnlessTrustedWithEveryOrigin() {
        assertThat(CensusCallers.keyless(null)).isEqualTo(CensusClient.network("local"));
        assertThat(CensusCallers.keyless(" ")).isEqualTo(CensusClient.network("local"));
        assertThat(CensusCallers.keyless(" decidim-1 ")).isEqualTo(CensusClient.network("decidim-1"));
        assertThat(CensusCallers.keyless("*").everyOrigin()).isTrue();
        assertThatThrownBy(() -> CensusCallers.keyless("census")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CensusCallers.keyless("a@b")).isInstanceOf(IllegalStateException.class);
    }
}
