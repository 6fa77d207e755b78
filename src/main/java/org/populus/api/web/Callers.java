package org.populus.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.populus.access.AuthenticatedUser;
import org.populus.history.Provenance;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerMapping;

/** Who is calling, and the provenance to record with the changes a request makes. */
public final class Callers {

    private Callers() {
    }

    public static Optional<AuthenticatedUser> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof AuthenticatedUser u ? Optional.of(u) : Optional.empty();
    }

    /** The actor recorded with a caller's changes and decisions: {@code user:<login>}, or {@code anonymous}. */
    public static String actor() {
        return current().map(u -> "user:" + u.login()).orElse("anonymous");
    }

    /** {@code user:<login>} and the endpoint, e.g. {@code POST /api/v1/registry/individual/}. */
    public static Provenance provenance(HttpServletRequest request) {
        String actor = actor();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return new Provenance(actor, request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI()));
    }
}
