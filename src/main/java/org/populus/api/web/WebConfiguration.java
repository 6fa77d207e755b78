package org.populus.api.web;

import org.populus.access.Sessions;
import org.populus.access.UserAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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

    /** Shared by every surface's security chain; not a servlet filter of its own. */
    @Bean
    RequestAuthenticationFilterFactory requestAuthenticationFilterFactory(Sessions sessions, UserAccounts accounts) {
        return acceptsBasic -> new RequestAuthenticationFilter(sessions, accounts, acceptsBasic);
    }
}
