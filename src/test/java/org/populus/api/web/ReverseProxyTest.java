package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ReverseProxyTest {

    static ReverseProxy of(String mode, String trusted) {
        MockEnvironment env = new MockEnvironment();
        if (mode != null) {
            env.setProperty(ReverseProxy.MODE, mode);
        }
        if (trusted != null) {
            env.setProperty(ReverseProxy.TRUSTED, trusted);
        }
        return ReverseProxy.of(env);
    }

    @Test
    void byDefaultForwardedHeadersAreNotUsedEvenOnACloudPlatform() {
        assertThat(of(null, null).serverProperties()).containsEntry("server.forward-headers-strategy", "none")
                .hasSize(1);
    }

    @Test
    void behindAProxyTomcatTrustsExactlyTheListedProxies() {
        assertThat(of("x-forwarded", "127.0.0.1, ::1,10.1.0.0/16").serverProperties())
                .containsEntry("server.forward-headers-strategy", "native")
                .containsEntry("server.tomcat.remoteip.internal-proxies", "127.0.0.1/32,::1/128,10.1.0.0/16")
                .containsEntry("server.tomcat.remoteip.trusted-proxies", "")
                .containsEntry("server.tomcat.remoteip.remote-ip-header", "X-Forwarded-For")
                .containsEntry("server.tomcat.remoteip.protocol-header", "X-Forwarded-Proto");
    }

    @Test
    void aProxyModeWithoutTrustedProxiesIsRefused() {
        assertThatThrownBy(() -> of("x-forwarded", " ")).hasMessageContaining("POPULUS_PROXY_TRUSTED");
    }

    @Test
    void anUnknownModeOrAMalformedAddressIsRefused() {
        assertThatThrownBy(() -> of("forwarded-maybe", "127.0.0.1")).hasMessageContaining("POPULUS_PROXY_MODE");
        assertThatThrownBy(() -> of("x-forwarded", "proxy.example.org")).hasMessageContaining("proxy.example.org");
        assertThatThrownBy(() -> of("x-forwarded", "10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
    }
}
