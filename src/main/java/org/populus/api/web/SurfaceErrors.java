package org.populus.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * How one API surface renders errors: those that arise outside its controllers (unknown path, wrong method or media
 * type, 401/403 from the security chain), and those every surface's controllers meet alike (an unreadable JSON body,
 * a body over the limit, a change conflicting with another at the same time), which {@link SurfaceErrorAdvice}
 * routes here. Each surface provides one bean; requests outside every surface get RFC 9457 problem details.
 */
public interface SurfaceErrors {

    /** The 409 message when the record changed under the request. */
    String CONFLICT = "The record was changed by someone else at the same time; please try again.";

    boolean owns(HttpServletRequest request);

    ResponseEntity<?> render(HttpServletRequest request, int status, String message);

    /** A body that could not be read: 413 if it was over the limit, else {@link #badBody}. */
    default ResponseEntity<?> unreadable(HttpServletRequest request, HttpMessageNotReadableException e) {
        var tooLarge = BodyTooLargeException.in(e);
        return tooLarge.isPresent() ? tooLarge(request, tooLarge.get()) : badBody(request, e);
    }

    /** 400: a body that could not be read (see {@link UnreadableJson}), other than one over the limit. */
    ResponseEntity<?> badBody(HttpServletRequest request, HttpMessageNotReadableException e);

    /** 413: a body over the limit. */
    default ResponseEntity<?> tooLarge(HttpServletRequest request, BodyTooLargeException e) {
        return render(request, 413, e.getMessage());
    }

    /** 409: someone else changed the record at the same time (an optimistic-lock conflict); the client may retry. */
    default ResponseEntity<?> conflict(HttpServletRequest request) {
        return render(request, 409, CONFLICT);
    }
}
