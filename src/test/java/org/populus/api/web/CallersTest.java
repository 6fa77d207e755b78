package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.populus.access.ApiKey;
import org.populus.access.AuthenticatedUser;
import org.populus.access.Role;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/** The actor recorded with changes: a user, a client application (API key), or anonymous. */
class CallersTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withoutAuthenticationTheActorIsAnonymous() {
        assertThat(Callers.actor()).isEqualTo("anonymous");
    }

    @Test
    void aLoggedInUserIsRecordedAsUserWithTheirLoginAndHasNoApiKey() {
        var request = new MockHttpServletRequest("POST", "/api/v1/people");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new AuthenticatedUser("alice", Set.of(Role.REGISTRY_WRITE), null), null, List.of()));
        assertThat(Callers.provenance(request).actor()).isEqualTo("user:alice");
        assertThat(Callers.apiKey()).isEmpty();
    }

    @Test
    void aClientApplicationIsRecordedAsClientWithItsKeyNameAndTheRequestAsReason() {
        var request = new MockHttpServletRequest("POST", "/api/v1/people");
        var key = new ApiKey(7, "decidim", "populus_abcdef", null, "admin", null, null, null, 0);
        SecurityContextHolder.getContext().setAuthentication(new PreAuthenticatedAuthenticationToken(key, null,
                List.of()));
        assertThat(Callers.provenance(request).actor()).isEqualTo("client:decidim");
        assertThat(Callers.provenance(request).reason()).isEqualTo("POST /api/v1/people");
        assertThat(Callers.apiKey()).contains(key);
        assertThat(Callers.current()).isEmpty();
    }
}
