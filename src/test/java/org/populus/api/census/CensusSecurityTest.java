package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** The allowed-networks setting: CIDRs or single addresses, comma-separated. */
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
}
