package org.populus.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The settings of a run that carries out one command and exits ({@code scopes load …}, {@code import-people …})
 * rather than serving: its HTTP server on a random loopback port (so it neither clashes with a running instance
 * nor is reachable from outside during its few seconds), no banner and no warm-up. Explicit command-line
 * properties still win.
 */
public final class CommandRuns {

    private CommandRuns() {
    }

    /**
     * Adds the command-run settings, under {@code sourceName}, when the command line's non-option arguments are
     * the command {@code isCommand} recognises.
     */
    public static void configure(ConfigurableEnvironment environment, String sourceName,
            Predicate<List<String>> isCommand) {
        PropertySource<?> args = environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        if (!(args instanceof CommandLinePropertySource<?> commandLine)) {
            return;
        }
        String nonOptionArgs = commandLine.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
        if (nonOptionArgs == null || !isCommand.test(Arrays.asList(nonOptionArgs.split(",")))) {
            return;
        }
        environment.getPropertySources().addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME,
                new MapPropertySource(sourceName, Map.of(
                        "server.port", "0",
                        "server.address", "127.0.0.1",
                        "spring.main.banner-mode", "off",
                        "populus.warm-up.duration", "0")));
    }
}
