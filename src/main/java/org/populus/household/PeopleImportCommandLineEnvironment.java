package org.populus.household;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * For an {@code import-people …} run only: the embedded HTTP server listens on a free loopback port instead of the
 * configured one, so the command works next to a running Populus and is never reachable from outside while it
 * runs. An explicit {@code --server.port} on the command line still wins. Registered in
 * {@code META-INF/spring.factories}.
 */
class PeopleImportCommandLineEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "populusImportCommand";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> args = environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        if (!(args instanceof CommandLinePropertySource<?> commandLine)) {
            return;
        }
        String nonOptionArgs = commandLine.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
        if (nonOptionArgs == null
                || !PeopleImportCommandLine.isImportCommand(Arrays.asList(nonOptionArgs.split(",")))) {
            return;
        }
        environment.getPropertySources().addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME,
                new MapPropertySource(SOURCE_NAME, Map.of(
                        "server.port", "0",
                        "server.address", "127.0.0.1",
                        "spring.main.banner-mode", "off")));
    }
}
