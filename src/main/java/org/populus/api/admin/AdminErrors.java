package org.populus.api.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Comparator;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.populus.access.AccessException;
import org.populus.api.web.BodyTooLargeException;
import org.populus.api.web.SurfaceErrors;
import org.populus.api.web.UnreadableJson;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.populus.catalog.CatalogException;
import org.populus.procedure.CensusShareRefused;
import org.populus.procedure.ReviewRefused;
import org.populus.scope.ScopeLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the Admin API as an RFC 9457 problem detail ({@code application/problem+json}): the domain's
 * refusals (404, 409, 422; a refused review also names its {@code reason}), bodies that break their constraints
 * (422 naming the first field at fault, see {@link #invalidBody}), unreadable bodies (400, naming the field; 413
 * for a body over the limit), and the standard Spring MVC errors. Also renders, for paths under
 * {@code /admin/api}, the errors raised before a controller is chosen (unknown path, wrong method or media type).
 * Never a 500 for client input, and never a Java class name in a message.
 */
@RestControllerAdvice(basePackageClasses = AdminErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
@Component
class AdminErrors extends ResponseEntityExceptionHandler implements SurfaceErrors {

    private static final Logger log = LoggerFactory.getLogger(AdminErrors.class);

    static final String PREFIX = "/admin/api";

    @ExceptionHandler(AdminProblem.class)
    ResponseEntity<ProblemDetail> adminProblem(AdminProblem e, HttpServletRequest request) {
        return Problems.response(e.status, e.getMessage(), e.field, request);
    }

    @ExceptionHandler(AccessException.class)
    ResponseEntity<ProblemDetail> access(AccessException e, HttpServletRequest request) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case DUPLICATE, STALE, CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return Problems.response(status, e.getMessage(), null, request);
    }

    @ExceptionHandler(CensusShareRefused.class)
    ResponseEntity<ProblemDetail> censusShare(CensusShareRefused e,
            HttpServletRequest request) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case DUPLICATE -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return Problems.response(status, e.getMessage(), null, request);
    }

    @ExceptionHandler(CatalogException.class)
    ResponseEntity<ProblemDetail> catalog(CatalogException e, HttpServletRequest request) {
        return Problems.response(status(e.reason()), e.getMessage(), null, request);
    }

    static HttpStatus status(CatalogException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case DUPLICATE, IN_USE, STALE -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    /** A registry rule the request broke (a text over its limit, say): 422 naming the field. */
    @ExceptionHandler(org.populus.shared.RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(org.populus.shared.RuleViolation e, HttpServletRequest request) {
        return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(), e.field(), request);
    }

    /** A scope file that cannot be loaded (nothing was): 422 naming the line ({@code line}, 1 is the header). */
    @ExceptionHandler(ScopeLoadException.class)
    ResponseEntity<ProblemDetail> scopeFile(ScopeLoadException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = Problems.response(HttpStatus.UNPROCESSABLE_CONTENT,
                "Nothing was loaded: " + e.getMessage() + ".", null, request);
        if (e.line() > 0) {
            response.getBody().setProperty("line", e.line());
        }
        return response;
    }

    /** A review refused: 404, 409 or 422, with the reason's code as member {@code reason}. */
    @ExceptionHandler(ReviewRefused.class)
    ResponseEntity<ProblemDetail> review(ReviewRefused e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = Problems.response(status(e.reason()), e.getMessage(),
                e.reason() == ReviewRefused.Reason.COMMENT_REQUIRED ? "comment" : null, request);
        response.getBody().setProperty("reason", e.reason().name().toLowerCase(Locale.ROOT));
        return response;
    }

    static HttpStatus status(ReviewRefused.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_PENDING, CLAIMED_BY_OTHER, NOT_ACCEPTABLE, PERSON_CHANGED, ALREADY_RESOLVED, NOT_UNDOABLE,
                    UNDO_EXPIRED, PERSON_HAS_OPEN_ISSUE -> HttpStatus.CONFLICT;
            case COMMENT_REQUIRED, INVALID_RESOLUTION -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    /** A stale version, or a lock the database could not grant (deadlock, timeout): 409, try again. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(HttpServletRequest request) {
        return conflict(request);
    }

    /** A body the client broke off or framed wrongly (e.g. a malformed chunk, read by a handler itself): 400. */
    @ExceptionHandler(java.io.IOException.class)
    ResponseEntity<ProblemDetail> unreadableBody(java.io.IOException e, HttpServletRequest request) {
        log.debug("Unreadable admin request body", e);
        return Problems.response(HttpStatus.BAD_REQUEST, "The request body could not be read.", null, request);
    }

    /** Anything else is a fault of ours: logged, and answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Admin API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed because of an internal error.", null, request);
    }

    /**
     * Normally answered first by the shared advice of {@code api.web}, which asks this bean; here too so that
     * {@link ResponseEntityExceptionHandler}'s own answer never shows.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<?> answer = unreadable(servletRequest(request), e);
        return new ResponseEntity<>(answer.getBody(), problemJson(headers), answer.getStatusCode());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "value" : e.getPropertyName();
        String expected = expected(e.getRequiredType());
        String detail = "Invalid value '" + org.populus.api.web.Quoted.value(e.getValue()) + "' for '" + name + "'"
                + (expected == null ? "." : ": " + expected + " is expected.");
        return handleExceptionInternal(e, Problems.of(HttpStatus.BAD_REQUEST, detail, name, servletRequest(request)),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A {@code @Valid} body that breaks a constraint of its record: 422 naming the first field at fault. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(invalidBody(e.getBindingResult(), e.getBindingResult().getTarget()), headers, request);
    }

    /**
     * The same, when Spring validates the handler method as a whole (a constraint on a parameter itself): a body
     * at fault as above; otherwise a parameter's value, 400 naming it.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (ParameterErrors body : e.getBeanResults()) {
            if (body.hasErrors()) {
                return problem(invalidBody(body, body.getArgument()), headers, request);
            }
        }
        String name = e.getValueResults().stream().map(r -> r.getMethodParameter().getParameterName())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return problem(AdminProblem.badRequest(name, name == null ? "Invalid request parameters."
                : "Invalid value for '" + name + "'."), headers, request);
    }

    private ResponseEntity<Object> problem(AdminProblem p, HttpHeaders headers, WebRequest request) {
        ResponseEntity<ProblemDetail> answer = Problems.response(p.status, p.getMessage(), p.field,
                servletRequest(request));
        return new ResponseEntity<>(answer.getBody(), problemJson(headers), answer.getStatusCode());
    }

    /**
     * The refusal of a body that breaks constraints of its record: 422 naming the field at fault (its JSON name)
     * and saying what is wrong. When several are, the first one in the record counts, and of its constraints the
     * first one written; so a body gets the answer it would get if its fields were checked one by one, in order.
     * A constraint with a message of its own says it; one that computes its message passes it as the
     * violation's dynamic payload (a client's text never goes through message interpolation).
     */
    static AdminProblem invalidBody(Errors errors, Object target) {
        Class<?> type = target == null ? null : target.getClass();
        FieldError first = errors.getFieldErrors().stream()
                .min(Comparator.comparingInt((FieldError f) -> fieldIndex(type, property(f)))
                        .thenComparingInt(f -> constraintIndex(type, property(f), f)))
                .orElse(null);
        if (first == null) {
            ObjectError global = errors.getGlobalErrors().stream().findFirst().orElse(null);
            return AdminProblem.invalid(null, global == null || global.getDefaultMessage() == null
                    ? "The request body is not valid." : global.getDefaultMessage());
        }
        String field = jsonName(property(first));
        return AdminProblem.invalid(field, detail(field, first));
    }

    private static String detail(String field, FieldError error) {
        ConstraintViolation<?> violation = error.contains(ConstraintViolation.class)
                ? error.unwrap(ConstraintViolation.class) : null;
        if (violation == null) {
            return "Field '" + field + "' is not valid.";
        }
        if (violation instanceof HibernateConstraintViolation<?> h && h.getDynamicPayload(String.class) != null) {
            return h.getDynamicPayload(String.class);
        }
        if (!violation.getMessageTemplate().startsWith("{")) {
            return violation.getMessage();
        }
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof NotBlank) {
            return "Field '" + field + "' is required and must not be blank.";
        }
        if (constraint instanceof NotNull) {
            return "Field '" + field + "' is required.";
        }
        if (constraint instanceof Size size) {
            return violation.getInvalidValue() instanceof CharSequence text && text.length() < size.min()
                    ? "Field '" + field + "' is shorter than " + size.min() + " characters."
                    : "Field '" + field + "' is longer than " + size.max() + " characters.";
        }
        if (constraint instanceof PositiveOrZero) {
            return "Field '" + field + "' must not be negative.";
        }
        if (constraint instanceof NoNul) {
            return "Field '" + field + "' must not contain the NUL character.";
        }
        if (constraint instanceof SingleLine) {
            return "Field '" + field + "' must not contain control characters.";
        }
        return "Field '" + field + "' is not valid.";
    }

    /** The record property an error is about ({@code roles} for {@code roles[0]}). */
    private static String property(FieldError error) {
        String path = error.getField();
        int end = 0;
        while (end < path.length() && Character.isJavaIdentifierPart(path.charAt(end))) {
            end++;
        }
        return path.substring(0, end);
    }

    /** The place of a property among the record's components (or the class's fields). */
    private static int fieldIndex(Class<?> type, String property) {
        if (type != null && type.isRecord()) {
            var components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(property)) {
                    return i;
                }
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The place of the error's constraint among those written on the property. */
    private static int constraintIndex(Class<?> type, String property, FieldError error) {
        if (type == null || !error.contains(ConstraintViolation.class)) {
            return Integer.MAX_VALUE;
        }
        Class<? extends Annotation> kind = error.unwrap(ConstraintViolation.class).getConstraintDescriptor()
                .getAnnotation().annotationType();
        try {
            Field field = type.getDeclaredField(property);
            Annotation[] written = field.getDeclaredAnnotations();
            for (int i = 0; i < written.length; i++) {
                if (written[i].annotationType() == kind) {
                    return i;
                }
            }
        } catch (NoSuchFieldException e) {
            // not a field of its own: no order among its constraints
        }
        return Integer.MAX_VALUE;
    }

    /** The JSON name of a property: the bodies are snake_case. */
    static String jsonName(String property) {
        StringBuilder name = new StringBuilder(property.length() + 4);
        for (char c : property.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** Every response of the standard handlers is a problem detail with its title, instance and media type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        Object problem = body;
        if (problem instanceof ProblemDetail p) {
            HttpStatus known = HttpStatus.resolve(p.getStatus());
            if (p.getTitle() == null && known != null) {
                p.setTitle(known.getReasonPhrase());
            }
            if (p.getInstance() == null) {
                HttpServletRequest servlet = servletRequest(request);
                if (servlet != null) {
                    p.setInstance(Problems.of(status, null, null, servlet).getInstance());
                }
            }
        } else {
            problem = Problems.of(status, null, null, servletRequest(request));
        }
        return new ResponseEntity<>(problem, problemJson(headers), status);
    }

    private static HttpHeaders problemJson(HttpHeaders headers) {
        HttpHeaders h = new HttpHeaders();
        h.addAll(headers);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return h;
    }

    // ---- SurfaceErrors: errors raised before a controller is chosen ---------------------------------------

    @Override
    public boolean owns(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public ResponseEntity<?> render(HttpServletRequest request, int status, String message) {
        return Problems.response(HttpStatusCode.valueOf(status), message, null, request);
    }

    // ---- SurfaceErrors: errors every surface's controllers meet alike --------------------------------------

    /** A body that cannot be read: 400, naming the field at fault if one is. */
    @Override
    public ResponseEntity<ProblemDetail> badBody(HttpServletRequest request, HttpMessageNotReadableException e) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            // refused on reading by AdminJson, so a misspelt field is never ignored
            String field = unknown.getPropertyName();
            return Problems.response(HttpStatus.BAD_REQUEST, "Unknown field '" + field + "'.", field, request);
        }
        UnreadableJson.Description why = UnreadableJson.describe(e, WORDING);
        return Problems.response(HttpStatus.BAD_REQUEST, why.detail(), why.field(), request);
    }

    /** A body over the limit (read by a converter or by a handler itself, an upload): 413 with its {@code limit}. */
    @Override
    public ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request, BodyTooLargeException e) {
        ResponseEntity<ProblemDetail> response = Problems.response(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(),
                null, request);
        response.getBody().setProperty("limit", e.limit());
        return response;
    }

    /** A stale version, or a lock the database could not grant (deadlock, timeout): 409, try again. */
    @Override
    public ResponseEntity<ProblemDetail> conflict(HttpServletRequest request) {
        return Problems.response(HttpStatus.CONFLICT,
                "The record was changed by someone else at the same time; reload it and try again.", null, request);
    }

    // ---- wording ------------------------------------------------------------------------------------------

    private static final UnreadableJson.Wording WORDING = new UnreadableJson.Wording(AdminErrors::expected, true,
            true, "the body is not valid JSON.", "A JSON object body is required.");

    static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (type == String.class || type.isEnum()) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "a JSON object";
    }

    /** The first line of a parser message, as quoted in a detail. */
    static String clean(String s) {
        return UnreadableJson.parserMessage(s, WORDING.unknownSyntax());
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
    }
}
