package org.populus.api.web;

import org.populus.access.Sessions;
import org.populus.access.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${populus.http.max-body-size:1MB}") DataSize limit) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(limit.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Shared by every surface's security chain; not a servlet filter of its own. */
    @Bean
    RequestAuthenticationFilterFactory requestAuthenticationFilterFactory(Sessions sessions, UserAccounts accounts) {
        return () -> new RequestAuthenticationFilter(sessions, accounts);
    }
}
