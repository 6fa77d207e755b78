package org.populus.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The errors every surface's controllers meet alike — an unreadable JSON body (400), a body over the limit (413), a
 * change that lost an optimistic-lock race (409) — mapped once and rendered by the surface that owns the path
 * ({@link SurfaceErrors}). Ahead of the surfaces' own advice; outside every surface the exception goes on to
 * Spring's default handling.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SurfaceErrorAdvice {

    private final SurfaceErrorBodies surfaces;

    SurfaceErrorAdvice(SurfaceErrorBodies surfaces) {
        this.surfaces = surfaces;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpServletRequest request, HttpMessageNotReadableException e)
            throws HttpMessageNotReadableException {
        return surfaces.owner(request).orElseThrow(() -> e).unreadable(request, e);
    }

    /** Refused by {@link BodySizeLimitFilter}, or raised by a handler that reads the body itself. */
    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<?> tooLarge(HttpServletRequest request, BodyTooLargeException e) {
        return surfaces.owner(request).<ResponseEntity<?>>map(s -> s.tooLarge(request, e))
                .orElseGet(() -> FallbackErrorAdvice.outsideEverySurface(413, e.getMessage()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<?> conflict(HttpServletRequest request, OptimisticLockingFailureException e) {
        return surfaces.owner(request).orElseThrow(() -> e).conflict(request);
    }
}
