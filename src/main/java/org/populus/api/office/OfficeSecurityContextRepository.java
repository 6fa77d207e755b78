package org.populus.api.office;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.function.Supplier;
import org.populus.access.AuthenticatedUser;
import org.populus.access.Sessions;
import org.populus.api.web.RequestAuthenticationFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.util.function.SingletonSupplier;

/**
 * The signed-in user of a back-office request, from its HTTP session: the session is a back-office login session of
 * the access module ({@link Sessions#attributesOf}, stored as text; an API session id does not open the office), resolved with the user's current roles on each request
 * (through the short shared session cache). Nothing but those text attributes is written to the session: the
 * Spring Security context itself is never stored.
 */
final class OfficeSecurityContextRepository implements SecurityContextRepository {

    private final Sessions sessions;

    OfficeSecurityContextRepository(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        Supplier<Optional<AuthenticatedUser>> user = SingletonSupplier.of(() -> user(request));
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                user.get().ifPresent(u -> context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(u, null,
                                RequestAuthenticationFilter.authorities(u))));
                return context;
            }

            @Override
            public boolean isGenerated() {
                return user.get().isEmpty();
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(
            org.springframework.security.web.context.HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    /** Binds the session to the account that has just signed in; any other context is already in the session. */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (context.getAuthentication() instanceof OfficeSecurity.SignedIn signedIn) {
            HttpSession session = request.getSession(true);
            sessions.attributesOf(signedIn.account()).forEach(session::setAttribute);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return user(request).isPresent();
    }

    private Optional<AuthenticatedUser> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : sessions.resolveOffice(session.getId());
    }
}
