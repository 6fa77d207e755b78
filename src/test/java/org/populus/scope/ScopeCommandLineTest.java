package org.populus.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

class ScopeCommandLineTest {

    private static StandardEnvironment environmentFor(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        new ScopeCommandLineEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void aScopeCommandRunsItsServerOnAFreeLoopbackPort() {
        StandardEnvironment env = environmentFor("scopes", "load", "spain.tsv");
        assertThat(env.getProperty("server.port")).isEqualTo("0");
        assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void aScopeCommandRunsWithoutTheStartUpWarmUp() {
        // the command's own settings (the test JVM turns the warm-up off for every test by a system property)
        assertThat(environmentFor("scopes", "load", "spain.tsv").getPropertySources()
                .get(ScopeCommandLineEnvironment.SOURCE_NAME).getProperty("populus.warm-up.duration")).isEqualTo("0");
    }

    @Test
    void anExplicitPortOnTheCommandLineStillWins() {
        StandardEnvironment env = environmentFor("--server.port=9999", "scopes", "load", "spain.tsv");
        assertThat(env.getProperty("server.port")).isEqualTo("9999");
    }

    @Test
    void aNormalStartIsLeftAlone() {
        assertThat(environmentFor().getPropertySources().contains(ScopeCommandLineEnvironment.SOURCE_NAME)).isFalse();
        assertThat(environmentFor("--server.port=8081").getProperty("server.port")).isEqualTo("8081");
        assertThat(environmentFor("other", "thing").getProperty("server.port")).isNull();
    }
}
