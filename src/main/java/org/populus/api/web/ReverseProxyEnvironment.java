package org.populus.api.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Applies {@link ReverseProxy}'s settings to the web server before it is made: explicit, so neither Spring Boot's
 * cloud-platform detection nor Tomcat's default list of private networks decides whom to believe. Registered in
 * {@code META-INF/spring.factories}; its properties take precedence over the same {@code server.*} ones set
 * elsewhere.
 */
class ReverseProxyEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "populusReverseProxy";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ReverseProxy proxy = ReverseProxy.of(environment);
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, proxy.serverProperties()));
    }
}
