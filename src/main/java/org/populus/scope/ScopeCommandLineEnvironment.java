package org.populus.scope;

import org.populus.platform.CommandRuns;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * For a {@code scopes …} command run only: the embedded HTTP server listens on a free loopback port instead of
 * the configured one, so the command works next to a running Populus on the same machine and is never
 * reachable from outside during its few seconds. (The web application type stays servlet: the API modules'
 * security configuration needs it.) An explicit {@code --server.port} on the command line still wins.
 * Registered in {@code META-INF/spring.factories}.
 */
class ScopeCommandLineEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "populusScopeCommand";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        CommandRuns.configure(environment, SOURCE_NAME, ScopeCommandLine::isScopeCommand);
    }
}
