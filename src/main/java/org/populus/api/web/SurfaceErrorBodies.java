package org.populus.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Error answers written outside Spring MVC — by a servlet filter, Spring Security's firewall, the error page, or
 * Tomcat itself — in the format of the surface the path belongs to ({@link SurfaceErrors}), RFC 9457 problem
 * details outside every surface. Always JSON, whatever the client accepts — except the back office's pages, whose
 * surface answers HTML text.
 */
final class SurfaceErrorBodies {

    /** An error answer ready to be written. */
    record Body(int status, String contentType, String text) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final Supplier<List<SurfaceErrors>> surfaces;

    SurfaceErrorBodies(Supplier<List<SurfaceErrors>> surfaces) {
        this.surfaces = surfaces;
    }

    /** The answer for a request to {@code path} (the path as the client sent it, undecoded). */
    Body render(HttpServletRequest request, String path, int status, String message) {
        HttpServletRequest at = new RequestAtPath(request, path == null ? "" : path);
        ResponseEntity<?> entity = owner(at).map(s -> s.render(at, status, message)).orElse(null);
        if (entity == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message);
            entity = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Object body = entity.getBody();
        MediaType type = entity.getHeaders().getContentType();
        if (type == null) {
            type = body instanceof ProblemDetail ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON;
        }
        String text = body instanceof String html && MediaType.TEXT_HTML.isCompatibleWith(type) ? html
                : body == null ? "{}" : JSON.writeValueAsString(body);
        return new Body(entity.getStatusCode().value(), type.toString(), text);
    }

    /**
     * The surface whose format answers a request at that request's path, if any: the surface of the path as sent,
     * else of the path it aims at once {@code //}, dot segments and the like are resolved ({@link SurfacePaths}).
     */
    Optional<SurfaceErrors> owner(HttpServletRequest request) {
        Optional<SurfaceErrors> owner = ownerAsSent(request);
        String sent = request.getRequestURI();
        if (owner.isPresent() || sent == null) {
            return owner;
        }
        String meant = SurfacePaths.normalized(sent);
        return meant.equals(sent) ? owner : ownerAsSent(new RequestAtPath(request, meant));
    }

    private Optional<SurfaceErrors> ownerAsSent(HttpServletRequest request) {
        List<SurfaceErrors> all = surfaces.get();
        for (SurfaceErrors s : all == null ? List.<SurfaceErrors>of() : all) {
            if (s.owns(request)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Renders and writes the answer; nothing if the response is committed already. */
    void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Body body = render(request, request.getRequestURI(), status, message);
        response.resetBuffer();
        response.setStatus(body.status());
        response.setContentType(body.contentType());
        byte[] bytes = body.text().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** A client's text as quoted in a message (see {@link Quoted}). */
    static String shown(String value) {
        return Quoted.value(value);
    }
}
