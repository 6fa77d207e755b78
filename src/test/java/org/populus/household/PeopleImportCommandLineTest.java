package org.populus.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

class PeopleImportCommandLineTest {

    private static StandardEnvironment environmentFor(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        new PeopleImportCommandLineEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void anImportRunsItsServerOnAFreeLoopbackPort() {
        StandardEnvironment env = environmentFor("import-people", "people.csv");
        assertThat(env.getProperty("server.port")).isEqualTo("0");
        assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void aNormalStartIsLeftAlone() {
        assertThat(environmentFor().getPropertySources().contains(PeopleImportCommandLineEnvironment.SOURCE_NAME))
                .isFalse();
        assertThat(environmentFor("scopes", "load", "x.tsv").getProperty("server.port")).isNull();
    }

    @Test
    void aWrongUsageExitsWithStatusTwo() {
        PeopleImportCommandLine command = new PeopleImportCommandLine(null, null);
        assertThat(command.execute(List.of("import-people"), null)).isEqualTo(2);
        assertThat(command.execute(List.of("import-people", "people.csv"), "zero")).isEqualTo(2);
    }

    @Test
    void aMissingFileExitsWithStatusOne() {
        PeopleImportCommandLine command = new PeopleImportCommandLine(null, null);
        assertThat(command.execute(List.of("import-people", "target/no-such-file.csv"), null)).isEqualTo(1);
    }
}
