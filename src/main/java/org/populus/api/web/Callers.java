package org.populus.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.populus.access.ApiKey;
import org.populus.access.AuthenticatedUser;
import org.populus.history.Provenance;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerMapping;

/** Who is calling, and the provenance to record with the changes a request makes. */
public final class Callers {

    private Callers() {
    }

    /** The user who logged in (session or HTTP Basic), if any. */
    public static Optional<AuthenticatedUser> current() {
        return principal() instanceof AuthenticatedUser u ? Optional.of(u) : Optional.empty();
    }

    /** Whether the caller is the start-up warm-up ({@link WarmUpCaller}): an internal read-only caller. */
    public static boolean warmUp() {
        return principal() == WarmUpCaller.USER;
    }

    /** The client application whose API key the request carried (Census API), if any. */
    public static Optional<ApiKey> apiKey() {
        return principal() instanceof ApiKey k ? Optional.of(k) : Optional.empty();
    }

    /** {@code user:<login>}, {@code client:<API key name>} or {@code anonymous}. */
    public static String actor() {
        Object principal = principal();
        if (principal instanceof AuthenticatedUser u) {
            return "user:" + u.login();
        }
        if (principal instanceof ApiKey k) {
            return "client:" + k.name();
        }
        return "anonymous";
    }

    /** The {@link #actor()} and the endpoint, e.g. {@code POST /api/v1/registry/individual/}. */
    public static Provenance provenance(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return new Provenance(actor(), request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI()));
    }

    private static Object principal() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? null : a.getPrincipal();
    }
}
