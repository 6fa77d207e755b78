package org.populus.api.openg2p;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.populus.api.web.SurfaceErrors;
import org.populus.api.web.UnreadableJson;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * OpenG2P's error envelope for everything this surface answers: its own codes with 400, and the HTTP code as
 * {@code errorCode} for 401/403/404/405/409/413/415. Never a 500 for client input.
 */
@RestControllerAdvice(basePackageClasses = OpenG2pErrors.class)
@Component
class OpenG2pErrors implements SurfaceErrors {

    private static final UnreadableJson.Wording WORDING = new UnreadableJson.Wording(OpenG2pErrors::expected,
            false, false, "", "A JSON body is required.");

    private static final Map<Rule, G2pError> CODES = Map.ofEntries(
            Map.entry(Rule.NAME_MISSING, G2pError.REQUIRED),
            Map.entry(Rule.ID_TYPE_MISSING, G2pError.INVALID_ID),
            Map.entry(Rule.ID_TYPE_UNKNOWN, G2pError.INVALID_ID),
            Map.entry(Rule.ID_VALUE_MISSING, G2pError.INVALID_ID),
            Map.entry(Rule.ID_VALUE_INVALID, G2pError.INVALID_ID),
            Map.entry(Rule.ID_TYPE_REPEATED, G2pError.INVALID_ID),
            Map.entry(Rule.ID_ALREADY_REGISTERED, G2pError.INVALID_ID),
            Map.entry(Rule.GENDER_UNKNOWN, G2pError.INVALID_GENDER),
            Map.entry(Rule.PHONE_INVALID, G2pError.INVALID_PHONE),
            Map.entry(Rule.EMAIL_INVALID, G2pError.INVALID_EMAIL),
            Map.entry(Rule.FUTURE_DATE, G2pError.FUTURE_DATE),
            Map.entry(Rule.DATE_OUT_OF_RANGE, G2pError.REQUIRED),
            Map.entry(Rule.PROGRAMME_UNKNOWN, G2pError.PROGRAM_NOT_FOUND),
            Map.entry(Rule.PROGRAMME_REPEATED, G2pError.PROGRAM_NOT_FOUND),
            Map.entry(Rule.NOTIFICATION_PREFERENCE_INVALID, G2pError.REQUIRED),
            Map.entry(Rule.GROUP_KIND_INVALID, G2pError.INVALID_KIND),
            Map.entry(Rule.GROUP_KIND_UNKNOWN, G2pError.GROUP_TYPE_NOT_FOUND),
            Map.entry(Rule.MEMBER_KIND_UNKNOWN, G2pError.MEMBER_KIND_NOT_FOUND),
            Map.entry(Rule.UNIQUE_MEMBER_KIND_TAKEN, G2pError.INVALID_KIND),
            Map.entry(Rule.MEMBER_REPEATED, G2pError.REQUIRED),
            Map.entry(Rule.REGISTRANT_NOT_FOUND, G2pError.PARTNER_NOT_PRESENT));

    /** Too many listings without {@code limit} running for this client: 429, try again in a second. */
    @ExceptionHandler(UnboundedListings.TooMany.class)
    ResponseEntity<ErrorEnvelope> tooManyListings(UnboundedListings.TooMany e) {
        return ResponseEntity.status(429).header("Retry-After", "1").contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorEnvelope("429", "Too many requests.", e.getMessage()));
    }

    @ExceptionHandler(G2pException.class)
    ResponseEntity<ErrorEnvelope> g2p(G2pException e) {
        return bad(ErrorEnvelope.of(e.error, e.getMessage()));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ErrorEnvelope> rule(RuleViolation e) {
        return bad(ErrorEnvelope.of(CODES.getOrDefault(e.rule(), G2pError.REQUIRED), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : switch (e.getRequiredType().getSimpleName()) {
            case "long", "Long", "int", "Integer" -> "an integer";
            case "Boolean", "boolean" -> "true or false";
            default -> "another type";
        };
        return bad(ErrorEnvelope.of(G2pError.REQUIRED, "Invalid value '"
                + org.populus.api.web.Quoted.value(e.getValue()) + "' for '" + e.getName() + "': "
                + expected + " is expected."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missing(MissingServletRequestParameterException e) {
        return bad(ErrorEnvelope.of(G2pError.REQUIRED, "Parameter '" + e.getParameterName() + "' is required."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> mediaType(HttpMediaTypeNotSupportedException e) {
        return status(415, "Content type " + e.getContentType() + " is not supported; send application/json");
    }

    @Override
    public boolean owns(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/v1/registry") || path.startsWith("/session/auth");
    }

    @Override
    public ResponseEntity<ErrorEnvelope> badBody(HttpServletRequest request, HttpMessageNotReadableException e) {
        return bad(ErrorEnvelope.of(G2pError.REQUIRED, UnreadableJson.describe(e, WORDING).detail()));
    }

    @Override
    public ResponseEntity<?> render(HttpServletRequest request, int status, String message) {
        if (status == 400) {
            return bad(ErrorEnvelope.of(G2pError.REQUIRED, message));
        }
        return status(status, message);
    }

    static ResponseEntity<ErrorEnvelope> status(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorEnvelope.http(status, message));
    }

    private static ResponseEntity<ErrorEnvelope> bad(ErrorEnvelope body) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The kind of value a Java type takes, as this surface words it. */
    private static String expected(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (tools.jackson.databind.JsonNode.class.isAssignableFrom(type)) {
            return "a JSON object or list";
        }
        return "an object";
    }
}
