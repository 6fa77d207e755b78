package org.populus.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page, in place of Spring Boot's {@code BasicErrorController} (whose {@code {timestamp,status,error,path}}
 * is no surface's format): errors the servlet container sends ({@code sendError} from a filter, Tomcat's 405 for
 * {@code TRACE}, a failure outside any controller) are answered in the format of the surface the original path is
 * in. Asked for directly, {@code /error} is an unknown path: 404.
 */
@Controller
class SurfaceErrorController implements ErrorController {

    private final SurfaceErrorBodies bodies;

    SurfaceErrorController(SurfaceErrorBodies bodies) {
        this.bodies = bodies;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        int status = code instanceof Integer i ? i : 404;
        if (status == 500) {
            status = clientError(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        if (HttpStatus.resolve(status) == null || status < 400) {
            status = 500;
        }
        SurfaceErrorBodies.Body body = bodies.render(request, path, status, message(request, status, path));
        response.resetBuffer();
        response.setStatus(body.status());
        response.setContentType(body.contentType());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.text());
    }

    private static String message(HttpServletRequest request, int status, String path) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "No such endpoint: " + request.getMethod() + " " + SurfaceErrorBodies.shown(path);
            case 405 -> "Method " + SurfaceErrorBodies.shown(request.getMethod()) + " is not allowed here.";
            case 500 -> "The request could not be completed because of an internal error.";
            default -> HttpStatus.valueOf(status).getReasonPhrase();
        };
    }

    /**
     * The status for a failure raised outside the MVC handlers (in a filter, or by the servlet container): 400 for a
     * body or parameters that cannot be read (a malformed chunk, which leaves the response unable to take a body of
     * the handler's, or Spring's {@code FormContentFilter} on a malformed form body of a {@code PUT}), 413 for a body
     * over the limit, else 500.
     */
    private static int clientError(Object exception) {
        for (Throwable t = exception instanceof Throwable x ? x : null; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return 413;
            }
            if (t instanceof org.apache.tomcat.util.http.InvalidParameterException
                    || t instanceof org.apache.coyote.BadRequestException
                    || t instanceof org.springframework.http.converter.HttpMessageNotReadableException
                    || t instanceof org.springframework.web.multipart.MultipartException) {
                return BodyTooLargeException.in(t).isPresent() ? 413 : 400;
            }
        }
        return 500;
    }
}
