package org.populus.api.web;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Why a JSON request body could not be read, told once for every surface: the field at fault (its path, such as
 * {@code members[0].kind}) and the kind of value expected there, a body that is no JSON object, malformed JSON (the
 * parser's first line, without Java type names), bytes that are not UTF-8, or a missing body. Each surface words the expected kinds of value
 * in its own {@link Wording}.
 */
public final class UnreadableJson {

    private static final Logger log = LoggerFactory.getLogger(UnreadableJson.class);

    /** The longest parser message quoted, in characters, before an ellipsis. */
    private static final int PARSER_MESSAGE_MAX = 200;

    /**
     * @param field  the path of the field at fault, or {@code null} when the body as a whole is
     * @param detail the message for the client
     */
    public record Description(String field, String detail) {
    }

    /**
     * How a surface words the description.
     *
     * @param expected          the kind of value a Java type takes ("an integer"), or {@code null} for none
     * @param anyErrorAtAField  whether a parser error at a field (a number out of range) names the field, rather than
     *                          being malformed JSON
     * @param locateSyntax      whether malformed JSON is located by line and column
     * @param unknownSyntax     the message when the parser gives none
     * @param missingBody       the message for a request without a body
     */
    public record Wording(Function<Class<?>, String> expected, boolean anyErrorAtAField, boolean locateSyntax,
            String unknownSyntax, String missingBody) {
    }

    private UnreadableJson() {
    }

    public static Description describe(HttpMessageNotReadableException e, Wording wording) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MalformedBodyException m) {
                return new Description(null, m.getMessage());
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (!(c instanceof JacksonException j)) {
                continue;
            }
            boolean atField = j.getPath() != null && !j.getPath().isEmpty()
                    && (wording.anyErrorAtAField() || c instanceof DatabindException);
            if (atField) {
                String field = j.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
                Class<?> target = c instanceof MismatchedInputException m ? m.getTargetType()
                        : c instanceof InputCoercionException i ? i.getTargetType() : null;
                String expected = target == null ? null : wording.expected().apply(target);
                return new Description(field, expected != null
                        ? "Invalid value for field '" + field + "': " + expected + " is expected."
                        : "Invalid value for field '" + field + "'.");
            }
            if (c instanceof DatabindException) {
                return new Description(null, "The request body must be a JSON object.");
            }
            String where = wording.locateSyntax() && j.getLocation() != null && j.getLocation().getLineNr() > 0
                    ? " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr()
                    : "";
            return new Description(null, "Malformed JSON" + where + ": "
                    + parserMessage(j.getOriginalMessage(), wording.unknownSyntax()));
        }
        log.debug("Unreadable request", e);
        String message = e.getMessage();
        return new Description(null, message != null && message.startsWith("Required request body is missing")
                ? wording.missingBody() : "The request body could not be read as JSON.");
    }

    /** The first line of a parser message, without Jackson's back-quoted Java type names; {@code unknown} if none. */
    public static String parserMessage(String message, String unknown) {
        if (message == null || message.isBlank()) {
            return unknown;
        }
        int nl = message.indexOf('\n');
        String line = (nl < 0 ? message : message.substring(0, nl)).replaceAll("`[^`]*`", "the expected type");
        return line.length() > PARSER_MESSAGE_MAX ? line.substring(0, PARSER_MESSAGE_MAX) + "…" : line;
    }
}
