package org.populus.api.census;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.populus.api.web.SurfaceErrors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The original's bodies: {@code {}} with the status for 400/403/404/405/413/…, and
 * {@code {"<attr>":[{"error":"<key>"}]}} with 422.
 */
@RestControllerAdvice(basePackageClasses = CensusErrors.class)
@Component
class CensusErrors implements SurfaceErrors {

    /** Nobody by that qualified id (or not at that instant). */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    /** A parameter with an invalid value: {@code 422 {"<attr>":[{"error":"<key>"}]}}. */
    static final class Invalid extends RuntimeException {
        final String attribute;
        final String key;

        Invalid(String attribute, String key) {
            super(attribute + " " + key, null, false, false);
            this.attribute = attribute;
            this.key = key;
        }
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, Object>> notFound() {
        return empty(404);
    }

    @ExceptionHandler(Invalid.class)
    ResponseEntity<Map<String, Object>> invalid(Invalid e) {
        return ResponseEntity.status(422).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(e.attribute, List.of(Map.of("error", e.key))));
    }

    @ExceptionHandler(org.populus.procedure.ProcedureInvalid.class)
    ResponseEntity<Map<String, ?>> procedureInvalid(org.populus.procedure.ProcedureInvalid e) {
        return ResponseEntity.status(422).contentType(MediaType.APPLICATION_JSON).body(e.errors());
    }

    /**
     * A rule of the registry the request ran into: a text over its limit ({@code too_long} with the limit as
     * {@code count}) or holding a NUL ({@code invalid}) on its attribute, else (e.g. a transition not possible now)
     * {@code person invalid}.
     */
    @ExceptionHandler(org.populus.shared.RuleViolation.class)
    ResponseEntity<Map<String, Object>> rule(org.populus.shared.RuleViolation e) {
        String attribute = e.field() == null ? "person" : e.field();
        Map<String, Object> body = switch (e.rule()) {
            case TEXT_TOO_LONG, TOO_MANY_KEYS -> Map.of(attribute, List.of(Map.of("error", "too_long", "count",
                    Integer.parseInt(e.value()))));
            case TEXT_INVALID -> Map.of(attribute, List.of(Map.of("error", "invalid")));
            default -> Map.of("person", List.of(Map.of("error", "invalid")));
        };
        return ResponseEntity.status(422).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(CensusParams.Malformed.class)
    ResponseEntity<Map<String, Object>> malformed() {
        return empty(400);
    }

    @ExceptionHandler(CensusParams.UnsupportedBody.class)
    ResponseEntity<Map<String, Object>> unsupportedBody() {
        return empty(415);
    }

    /** Too many SMS to one person in a short time. */
    @ExceptionHandler(org.populus.verification.SmsRateLimited.class)
    ResponseEntity<Map<String, Object>> smsRateLimited() {
        return empty(429);
    }

    /** The SMS gateway failed: not the client's fault, and nothing to retry at once. */
    @ExceptionHandler(org.populus.verification.SmsDeliveryFailed.class)
    ResponseEntity<Map<String, Object>> smsDeliveryFailed() {
        return empty(502);
    }

    @Override
    public boolean owns(HttpServletRequest request) {
        return CensusPaths.census(request);
    }

    /** A body that cannot be read: {@code 400 {}}. */
    @Override
    public ResponseEntity<Map<String, Object>> badBody(HttpServletRequest request,
            HttpMessageNotReadableException e) {
        return empty(400);
    }

    @Override
    public ResponseEntity<?> render(HttpServletRequest request, int status, String message) {
        return empty(status);
    }

    static ResponseEntity<Map<String, Object>> empty(int status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of());
    }
}
