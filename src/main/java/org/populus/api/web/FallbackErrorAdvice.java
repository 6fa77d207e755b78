package org.populus.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors raised before any surface's controller is chosen (unknown path, wrong method or media type, a body over
 * the limit, an unreadable multipart body), rendered in the format of the surface the path is in.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FallbackErrorAdvice {

    private final SurfaceErrorBodies surfaces;

    FallbackErrorAdvice(SurfaceErrorBodies surfaces) {
        this.surfaces = surfaces;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<?> notFound(HttpServletRequest request) {
        return render(request, 404, "No such endpoint: " + request.getMethod() + " "
                + SurfaceErrorBodies.shown(request.getRequestURI()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<?> method(HttpServletRequest request, HttpRequestMethodNotSupportedException e) {
        return render(request, 405, "Method " + SurfaceErrorBodies.shown(e.getMethod())
                + " is not supported here; use "
                + e.getSupportedHttpMethods());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<?> mediaType(HttpServletRequest request, HttpMediaTypeNotSupportedException e) {
        return render(request, 415, "Content type "
                + SurfaceErrorBodies.shown(String.valueOf(e.getContentType())) + " is not supported; send "
                + e.getSupportedMediaTypes());
    }

    /** A multipart body over the container's limits (one without {@code Content-Length}), or a malformed one. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<?> multipart(HttpServletRequest request, MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException || BodyTooLargeException.in(e).isPresent()) {
            return render(request, 413, "The request body is larger than the limit");
        }
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status && status >= 400
                && status < 500) {
            // rendering an error (e.g. Tomcat's 405 for TRACE) of a request whose multipart body is unreadable
            return render(request, status, HttpStatus.valueOf(status).getReasonPhrase());
        }
        return render(request, 400, "The multipart body could not be read");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<?> notAcceptable(HttpServletRequest request) {
        return render(request, 406, "This endpoint answers application/json only");
    }

    ResponseEntity<?> render(HttpServletRequest request, int status, String message) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) {
            request = new RequestAtPath(request, original); // in the error page: the path the client asked for
        }
        HttpServletRequest at = request;
        return surfaces.owner(at).<ResponseEntity<?>>map(s -> s.render(at, status, message))
                .orElseGet(() -> outsideEverySurface(status, message));
    }

    /** An error of a request no surface owns: a plain problem detail. */
    static ResponseEntity<?> outsideEverySurface(int status, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message);
        return ResponseEntity.status(status).body(problem);
    }
}
