package org.populus.api.office;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The back office's HTTP sessions and languages; neither touches the API surfaces. */
@Configuration(proxyBeanMethods = false)
class OfficeWebConfiguration implements WebMvcConfigurer {

    static final String FILTER_NAME = "officeSessionRepositoryFilter";

    /**
     * Spring Session's filter (sessions in PostgreSQL, cookie {@code populus_office}) on the back office's paths
     * only: the API surfaces stay stateless and never pay for it ({@code api.web}'s {@code WebConfiguration} keeps
     * Spring Boot's own registration of the filter, for every path, switched off).
     */
    @Bean
    FilterRegistrationBean<SessionRepositoryFilter<?>> officeSessionRepositoryFilter(
            SessionRepositoryFilter<?> sessions) {
        var registration = new FilterRegistrationBean<SessionRepositoryFilter<?>>(sessions);
        registration.setName(FILTER_NAME);
        registration.addUrlPatterns("/office/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        return registration;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new OfficeLocales();
    }

    /** {@code ?lang=en} or {@code ?lang=es} on any back-office page switches the language and remembers it. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName(OfficeLocales.LANG);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/office", "/office/**");
    }
}
