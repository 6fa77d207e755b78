package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;
import org.springframework.security.web.session.SessionManagementFilter;
import org.springframework.web.context.WebApplicationContext;

/** What every request passes through: nothing that only serves HTTP sessions, which no surface uses. */
class RequestPathHttpTest extends HttpTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    FilterChainProxy security;

    @Test
    void theSessionRepositoryFilterIsNotRegistered() {
        assertThat(context.getServletContext().getFilterRegistrations()).doesNotContainKey(
                WebConfiguration.SESSION_FILTER).containsKey("springSecurityFilterChain");
    }

    @Test
    void noSecurityChainWrapsTheRequestForTheServletApiOrManagesSessions() {
        List<Object> filters = security.getFilterChains().stream().flatMap(c -> c.getFilters().stream())
                .<Object>map(Filter::getClass).distinct().toList();
        assertThat(filters).contains(RequestAuthenticationFilter.class)
                .doesNotContain(SecurityContextHolderAwareRequestFilter.class, SessionManagementFilter.class);
    }
}
