package org.populus.api.openg2p;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.populus.api.web.BodyTooLargeException;
import org.populus.api.web.SurfaceErrors;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * OpenG2P's error envelope for everything this surface answers: its own codes with 400, and the HTTP code as
 * {@code errorCode} for 401/403/404/405/409/413/415. Never a 500 for client input.
 */
@RestControllerAdvice(basePackageClasses = OpenG2pErrors.class)
@Component
class OpenG2pErrors implements SurfaceErrors {

    private static final Logger log = LoggerFactory.getLogger(OpenG2pErrors.class);

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
            Map.entry(Rule.PROGRAMME_UNKNOWN, G2pError.PROGRAM_NOT_FOUND),
            Map.entry(Rule.PROGRAMME_REPEATED, G2pError.PROGRAM_NOT_FOUND),
            Map.entry(Rule.NOTIFICATION_PREFERENCE_INVALID, G2pError.REQUIRED),
            Map.entry(Rule.GROUP_KIND_INVALID, G2pError.INVALID_KIND),
            Map.entry(Rule.GROUP_KIND_UNKNOWN, G2pError.GROUP_TYPE_NOT_FOUND),
            Map.entry(Rule.MEMBER_KIND_UNKNOWN, G2pError.MEMBER_KIND_NOT_FOUND),
            Map.entry(Rule.UNIQUE_MEMBER_KIND_TAKEN, G2pError.INVALID_KIND),
            Map.entry(Rule.MEMBER_REPEATED, G2pError.REQUIRED),
            Map.entry(Rule.REGISTRANT_NOT_FOUND, G2pError.PARTNER_NOT_PRESENT));

    @ExceptionHandler(G2pException.class)
    ResponseEntity<ErrorEnvelope> g2p(G2pException e) {
        return bad(ErrorEnvelope.of(e.error, e.getMessage()));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ErrorEnvelope> rule(RuleViolation e) {
        return bad(ErrorEnvelope.of(CODES.getOrDefault(e.rule(), G2pError.REQUIRED), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e) {
        var tooLarge = BodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return status(413, tooLarge.get().getMessage());
        }
        return bad(ErrorEnvelope.of(G2pError.REQUIRED, describe(e)));
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

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ErrorEnvelope> conflict(OptimisticLockingFailureException e) {
        return status(409, "The record was changed by someone else at the same time; please try again.");
    }

    @Override
    public boolean owns(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/v1/registry") || path.startsWith("/session/auth");
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

    private static String describe(HttpMessageNotReadableException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof DatabindException d && !d.getPath().isEmpty()) {
                String field = d.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
                String expected = c instanceof MismatchedInputException m ? expected(m.getTargetType()) : null;
                return expected != null ? "Invalid value for field '" + field + "': " + expected + " is expected."
                        : "Invalid value for field '" + field + "'.";
            }
            if (c instanceof DatabindException) {
                return "The request body must be a JSON object.";
            }
            if (c instanceof JacksonException j) {
                return "Malformed JSON: " + firstLine(j.getOriginalMessage());
            }
        }
        log.debug("Unreadable request", e);
        return e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "A JSON body is required." : "The request body could not be read as JSON.";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
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

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).replaceAll("`[^`]*`", "the expected type");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
