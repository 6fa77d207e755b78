package org.populus.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Errors raised before any surface's controller is chosen, rendered in the format of the surface the path is in. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FallbackErrorAdvice {

    private final List<SurfaceErrors> surfaces;

    FallbackErrorAdvice(List<SurfaceErrors> surfaces) {
        this.surfaces = surfaces;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> notFound(HttpServletRequest request) {
        return render(request, 404, "No such endpoint: " + request.getMethod() + " " + request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<?> method(HttpServletRequest request, HttpRequestMethodNotSupportedException e) {
        return render(request, 405, "Method " + e.getMethod() + " is not supported here; use "
                + e.getSupportedHttpMethods());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<?> mediaType(HttpServletRequest request, HttpMediaTypeNotSupportedException e) {
        return render(request, 415, "Content type " + e.getContentType() + " is not supported; send "
                + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<?> notAcceptable(HttpServletRequest request) {
        return render(request, 406, "This endpoint answers application/json only");
    }

    ResponseEntity<?> render(HttpServletRequest request, int status, String message) {
        for (SurfaceErrors s : surfaces) {
            if (s.owns(request)) {
                return s.render(request, status, message);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message);
        return ResponseEntity.status(status).body(problem);
    }
}
