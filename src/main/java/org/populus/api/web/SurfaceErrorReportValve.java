package org.populus.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report, for what Tomcat refuses before any filter or servlet runs (a malformed request line, an
 * encoded slash or NUL in the path, a path that is not UTF-8, a request line or header over the limit, an
 * unsupported method such as {@code CONNECT}): the body in the format of the surface of the path instead of an
 * HTML page. Tomcat's 501 for a method it does not implement becomes a 405 (the method is not allowed here), its
 * 505 for an unknown HTTP version a 400.
 */
final class SurfaceErrorReportValve extends ErrorReportValve {

    private final SurfaceErrorBodies bodies;

    SurfaceErrorReportValve(SurfaceErrorBodies bodies) {
        this.bodies = bodies;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status == 501) {
            status = 405;
        } else if (status == 505) {
            status = 400; // an HTTP version in the request line that is not 1.x: a malformed request
        }
        String message = switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "No such endpoint.";
            case 405 -> "This method is not allowed here.";
            default -> "The request was refused.";
        };
        try {
            SurfaceErrorBodies.Body body = bodies.render(request.getRequest(), request.getRequestURI(), status,
                    message);
            response.setStatus(body.status());
            response.setContentType(body.contentType());
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body.text());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response no longer writable: nothing more to say
        }
    }
}
