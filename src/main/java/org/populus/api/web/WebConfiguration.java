package org.populus.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.populus.access.Sessions;
import org.populus.access.UserAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * The body limits. The upload endpoints and the MVC exception resolver are looked up on first use: servlet
     * filters are made before the MVC infrastructure.
     */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${populus.http.max-body-size:1MB}") DataSize limit,
            @Value("${populus.http.max-upload-size:25MB}") DataSize uploadLimit,
            ObjectProvider<UploadEndpoint> uploads,
            @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> errors) {
        var filter = new BodySizeLimitFilter(limit.toBytes(), uploadLimit.toBytes(),
                SingletonSupplier.of(() -> uploads.orderedStream().toList()),
                errors::getIfAvailable);
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Spring Boot's registration of Spring Session's servlet filter (for every path) stays off: the API surfaces
     * use no HTTP session (they are stateless, and login sessions are read from their header or cookie by
     * {@link RequestAuthenticationFilter}), so it would only wrap each request and response for nothing. Spring
     * Session's repository still stores the login sessions, and the back office registers the filter for its own
     * paths ({@code /office/*}) only.
     */
    @Bean
    static BeanPostProcessor noHttpSessionFilter() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DelegatingFilterProxyRegistrationBean registration
                        && SESSION_FILTER.equals(registration.getFilterName())) {
                    registration.setEnabled(false);
                }
                return bean;
            }
        };
    }

    static final String SESSION_FILTER = "springSessionRepositoryFilter";

    /** Error answers written outside Spring MVC, in the format of the surface of the path. */
    @Bean
    SurfaceErrorBodies surfaceErrorBodies(ObjectProvider<SurfaceErrors> surfaces) {
        return new SurfaceErrorBodies(SingletonSupplier.of(() -> surfaces.orderedStream().toList()));
    }

    /** Malformed paths and query strings refused first of all, before the body limits and authentication. */
    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(SurfaceErrorBodies errors) {
        var registration = new FilterRegistrationBean<>(new MalformedRequestFilter(errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /**
     * Requests Spring Security's firewall refuses ({@code ..}, {@code //}, {@code ;}, an encoded slash, a method it
     * does not know): 405 for the method, else 400, in the surface's format.
     */
    @Bean
    RequestRejectedHandler surfaceRequestRejectedHandler(SurfaceErrorBodies errors) {
        Set<String> methods = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
        return (request, response, rejected) -> {
            HttpServletRequest r = request;
            if (!methods.contains(r.getMethod())) {
                errors.write(r, response, 405,
                        "Method " + SurfaceErrorBodies.shown(r.getMethod()) + " is not allowed here.");
            } else {
                errors.write(r, response, 400, "The request path is not allowed (no '..', '//', ';', encoded "
                        + "slashes or control characters).");
            }
        };
    }

    /** Tomcat's own error answers (before any filter runs) in the surface's format instead of an HTML page. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> surfaceErrorReportValve(SurfaceErrorBodies errors) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof Host host) {
                host.getPipeline().addValve(new SurfaceErrorReportValve(errors));
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(SurfaceErrorReportValve.class.getName());
                }
            }
        });
    }

    /** Shared by every surface's security chain; not a servlet filter of its own. */
    @Bean
    RequestAuthenticationFilterFactory requestAuthenticationFilterFactory(Sessions sessions, UserAccounts accounts,
            WarmUpCaller warmUp) {
        return (acceptsBasic, refusesCrossSiteCookie) -> new RequestAuthenticationFilter(sessions, accounts,
                acceptsBasic, refusesCrossSiteCookie, warmUp);
    }

    @Bean
    WarmUpCaller warmUpCaller() {
        return new WarmUpCaller();
    }
}
