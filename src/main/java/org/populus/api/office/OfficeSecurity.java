package org.populus.api.office;

import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.populus.access.AuthenticatedUser;
import org.populus.access.LoginOutcome;
import org.populus.access.Sessions;
import org.populus.access.UserAccount;
import org.populus.access.UserAccounts;
import org.populus.api.web.RequestAuthenticationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may use the back office. Its own filter chain for {@code /office/**}, the webjars ({@code /webjars/**}) and
 * a browser's {@code GET /} (which {@link OfficeController} sends to {@code /office}); every other path keeps the
 * API surfaces' chains and the platform's "deny what no rule opened".
 *
 * <p>Signing in is a form ({@code POST /office/sign-in}, fields {@code username} and {@code password}) checked by
 * {@link UserAccounts#attempt} with the client's address, so failed sign-ins are counted and throttled exactly as
 * API logins are; a throttled sign-in is sent back to the form with a message, never a 5xx. The signed-in state
 * lives in the HTTP session — a Spring Session JDBC row in PostgreSQL, shared by every instance — as text attributes
 * like those of a login session of the APIs but of their own kind ({@link Sessions#attributesOf}: its id does not
 * authenticate the APIs, nor does an API session id open the office), so each request resolves the user with their
 * current roles through {@link Sessions#resolveOffice}, and a change to the user (roles, password, disabled)
 * or signing out ends it on every instance. Session fixation is prevented by changing the session id at sign-in.
 * CSRF: Spring Security's token, kept in the session as text, required on every state-changing request.
 *
 * <p>Roles: each {@link OfficeSection} is a rule for its path and everything under it.
 */
@Configuration(proxyBeanMethods = false)
class OfficeSecurity {

    static final String SIGN_IN = "/office/sign-in";
    static final String SIGN_OUT = "/office/sign-out";
    static final String FORBIDDEN = "/office/forbidden";
    static final String ASSETS = "/office/assets/**";

    @Bean
    @Order(15)
    SecurityFilterChain officeSecurityChain(HttpSecurity http, Sessions sessions, UserAccounts accounts)
            throws Exception {
        var denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage(FORBIDDEN);
        http.securityMatcher(officeRequests())
                .securityContext(c -> c.securityContextRepository(new OfficeSecurityContextRepository(sessions)))
                .csrf(c -> c.csrfTokenRepository(new SessionCsrfTokens()))
                .authenticationManager(new ProviderManager(new SignIn(accounts)))
                .formLogin(f -> f.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .usernameParameter("username").passwordParameter("password")
                        .defaultSuccessUrl("/office", true)
                        .failureHandler((request, response, e) -> response.sendRedirect(SIGN_IN
                                + (e instanceof Throttled t ? "?throttled=" + t.seconds : "?error"))))
                .logout(l -> l.logoutUrl(SIGN_OUT)
                        .addLogoutHandler((request, response, authentication) -> {
                            HttpSession session = request.getSession(false);
                            if (session != null) {
                                sessions.closeOffice(session.getId()); // every instance forgets it at once
                            }
                        })
                        .logoutSuccessUrl(SIGN_IN + "?signed-out"))
                // a saved request is a Java object: the session holds text only, and sign-in always lands on /office
                .requestCache(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(SIGN_IN, ASSETS, "/webjars/**").permitAll();
                    a.requestMatchers(HttpMethod.GET, "/").permitAll();
                    a.requestMatchers(FORBIDDEN).authenticated();
                    // the most specific sections first: DASHBOARD ("/office/**") comes last
                    OfficeSection[] sections = OfficeSection.values();
                    for (int i = sections.length - 1; i >= 0; i--) {
                        OfficeSection section = sections[i];
                        a.requestMatchers(section.path(), section.path() + "/**")
                                .hasAnyAuthority(section.authorities());
                    }
                    a.anyRequest().denyAll();
                })
                .exceptionHandling(e -> e.accessDeniedHandler(denied))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /** Nothing from another origin, no inline script or style, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static RequestMatcher officeRequests() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL)); // a browser asks for HTML; curl's */* stays with the APIs
        return new OrRequestMatcher(paths.matcher("/office"), paths.matcher("/office/**"),
                paths.matcher("/webjars/**"),
                new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/"), html));
    }

    /**
     * A sign-in refused without checking the password: too many failed sign-ins lately. The form is shown again
     * with {@code ?throttled=} the whole seconds to wait, which {@link OfficeController#signIn} shows in minutes.
     */
    static final class Throttled extends AuthenticationException {
        final long seconds;

        Throttled(long seconds) {
            super("Too many failed sign-ins");
            this.seconds = seconds;
        }
    }

    /** The form's login and password checked like every other login: throttled, counted and logged. */
    static final class SignIn implements AuthenticationProvider {

        private final UserAccounts accounts;

        SignIn(UserAccounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String address = authentication.getDetails() instanceof WebAuthenticationDetails d
                    ? d.getRemoteAddress() : null;
            LoginOutcome outcome = accounts.attempt(authentication.getName(),
                    String.valueOf(authentication.getCredentials()), address);
            if (outcome.retryAfter().isPresent()) {
                throw new Throttled(outcome.retryAfterSeconds());
            }
            UserAccount account = outcome.account().orElseThrow(() -> new BadCredentialsException("Wrong sign-in"));
            return new SignedIn(account);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    /**
     * Who has just signed in, with the account as it was checked: {@link OfficeSecurityContextRepository} binds the
     * session to that version of the account.
     */
    static final class SignedIn extends AbstractAuthenticationToken {

        private final transient UserAccount account;
        private final AuthenticatedUser user;

        SignedIn(UserAccount account) {
            this(account, new AuthenticatedUser(account.login(), account.roles(), null));
        }

        private SignedIn(UserAccount account, AuthenticatedUser user) {
            super(RequestAuthenticationFilter.authorities(user));
            this.account = account;
            this.user = user;
            setAuthenticated(true);
        }

        UserAccount account() {
            return account;
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.login();
        }
    }
}
