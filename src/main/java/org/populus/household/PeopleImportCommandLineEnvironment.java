package org.populus.household;

import org.populus.platform.CommandRuns;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

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
        CommandRuns.configure(environment, SOURCE_NAME, PeopleImportCommandLine::isImportCommand);
    }
}
