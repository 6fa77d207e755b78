package org.populus.api.census;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Census API request's parameters, read as the original (Rack, Rails and rectify's {@code from_params}) reads
 * them: the query string and the body ({@code application/x-www-form-urlencoded}, {@code application/json} or none)
 * become one tree; a {@code person} object is merged over the root (nested wins, {@code *_scope_id} keys inside
 * it dropped: {@code scope_id}, {@code address_scope_id}, {@code document_scope_id}).
 *
 * <ul>
 * <li>Form and query names follow Rack: {@code a[b]=} nests, {@code a[]=} appends, {@code a[][k]=} appends an
 * object, starting a new one when {@code k} repeats in the last; later scalars win. Values are percent-decoded
 * (the body's declared charset, else UTF-8; {@code +} is a space; an invalid {@code %} escape is kept as is). A
 * name without {@code =} ({@code last_name2&…}, as the real client sends nil values) is Ruby's nil: not given.
 * Only {@code &} separates pairs (Rack 2 also took {@code ;}).</li>
 * <li>The query string wins over the body for the same name (Rails), merging objects key by key.</li>
 * <li>A JSON {@code null} counts as not given; where a nested key is null and the root one is not, the null still
 * wins (rectify's merge), so the parameter is not given.</li>
 * <li>The raw body is read from the request's input stream, so the order of the pairs is the client's. When
 * something consumed it already (an earlier {@code getParameter} call on a POST, or a form filter), the form pairs
 * come from the parameter map instead: each name keeps its order and {@code a[][k]} names are regrouped by
 * position, element i taking the i-th value of every key; a bare name is then {@code ""}, as the container reads
 * it.</li>
 * </ul>
 *
 * Spring's {@code FormContentFilter} is told to leave the Census paths alone ({@link FormBodies}), so PUT, PATCH
 * and DELETE bodies reach this class unread too, and a body over the limit fails here, inside the handler, where
 * the adapter can answer 413, rather than in the filter with a 500.
 * <p>
 * {@link RackParams} parses (query string, content type and body bytes in, the tree out, no servlet types); this
 * class reads them from the request, refuses a body it cannot take unread, and answers the handlers' questions.
 * <p>
 * The result (or the failure) is kept as a request attribute, so every later {@link #read} of the same request
 * gives the same. Once this read a form body, {@code request.getParameter} no longer sees the body's pairs: read
 * Census parameters only through this class.
 */
final class CensusParams {

    /** A body neither form-urlencoded nor JSON: the adapter answers {@code 415 {}}. */
    static final class UnsupportedBody extends RuntimeException {
        UnsupportedBody(String contentType) {
            super("Unsupported request body type: " + contentType, null, false, false);
        }
    }

    /**
     * A JSON body that does not parse or is not an object, absurdly nested names, or a NUL character in a name or
     * value (PostgreSQL cannot store it): {@code 400 {}}.
     */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }

        Malformed(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private static final String ATTRIBUTE = CensusParams.class.getName();
    private static final Set<String> TRUE = Set.of("true", "1", "on", "yes", "t", "y");
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");

    /** Where the body's parameters came from. */
    enum Body {
        /** No body, or an empty one. */
        NONE,
        /** A form body, read raw from the input stream. */
        FORM,
        /** A form body someone else had read: rebuilt from the parameter map. */
        FORM_PARAMETERS,
        /** A JSON object. */
        JSON
    }

    private final ObjectNode root;
    private final JsonMapper json;
    private final Body body;

    private CensusParams(ObjectNode root, JsonMapper json, Body body) {
        this.root = root;
        this.json = json;
        this.body = body;
    }

    /**
     * Spring Boot's {@code FormContentFilter} (same order, same switch {@code spring.mvc.formcontent.filter.enabled}),
     * except that it does not parse the bodies of Census requests: {@link CensusParams} reads those itself, in
     * order.
     */
    @Configuration(proxyBeanMethods = false)
    static class FormBodies {

        @Bean
        @ConditionalOnBooleanProperty(name = "spring.mvc.formcontent.filter.enabled", matchIfMissing = true)
        OrderedFormContentFilter formContentFilter() {
            return new OrderedFormContentFilter() {
                @Override
                protected boolean shouldNotFilter(HttpServletRequest request) {
                    return CensusPaths.census(request);
                }
            };
        }
    }

    /**
     * The request's parameters. Throws {@link UnsupportedBody} or {@link Malformed} for bodies it cannot take, and
     * {@link Malformed} when the body cannot be read; over the size limit an {@link UncheckedIOException} whose cause is a
     * {@link org.populus.api.web.BodyTooLargeException}, which an {@code @ExceptionHandler} for that type matches.
     */
    static CensusParams read(HttpServletRequest request, JsonMapper json) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof CensusParams params) {
            return params;
        }
        if (cached instanceof RuntimeException failure) {
            throw failure;
        }
        try {
            if (!RackParams.contentType(request.getContentType()).readable() && request.getContentLengthLong() > 0) {
                throw new UnsupportedBody(request.getContentType()); // refused unread
            }
            RackParams.Parsed parsed = RackParams.parse(request.getQueryString(), request.getContentType(),
                    bytes(request), request::getParameterMap, json);
            CensusParams params = new CensusParams(parsed.tree(), json, parsed.source());
            request.setAttribute(ATTRIBUTE, params);
            return params;
        } catch (RuntimeException e) {
            request.setAttribute(ATTRIBUTE, e);
            throw e;
        }
    }

    /** The parameter as text: a JSON string as is, other JSON values (and form arrays or objects) as JSON. */
    String text(String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isString() ? v.stringValue() : json.writeValueAsString(v);
    }

    /** Whether the parameter was given, even empty; a JSON {@code null} was not. */
    boolean present(String name) {
        JsonNode v = root.get(name);
        return v != null && !v.isNull();
    }

    /**
     * An array parameter ({@code name[]=a&name[]=b}, a JSON array, an indexed {@code name[0]=a}) as texts; a single
     * value is a one-element list; not given is empty. Null elements are left out.
     */
    List<String> list(String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (JsonNode e : elements(v)) {
            if (!e.isNull()) {
                result.add(e.isString() ? e.stringValue() : json.writeValueAsString(e));
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * An array of objects ({@code name[][k]=…} repeated, {@code name[0][k]=…}, a JSON array of objects; a single
     * object is a one-element list) with their values as {@link #text} gives them. Elements that are not objects
     * and null values are left out.
     */
    List<Map<String, String>> objects(String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<Map<String, String>> result = new ArrayList<>();
        List<JsonNode> elements = v.isObject() && !indexed(v) ? List.of(v) : elements(v);
        for (JsonNode e : elements) {
            if (e.isObject()) {
                Map<String, String> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> p : e.properties()) {
                    JsonNode x = p.getValue();
                    if (!x.isNull()) {
                        map.put(p.getKey(), x.isString() ? x.stringValue() : json.writeValueAsString(x));
                    }
                }
                result.add(Collections.unmodifiableMap(map));
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * A boolean as Virtus coerces it: {@code true}, {@code 1}, {@code on}, {@code yes}, {@code t}, {@code y} (any
     * case) are true; anything else, empty and not given are false.
     */
    boolean flag(String name) {
        String t = text(name);
        return t != null && TRUE.contains(t.toLowerCase(Locale.ROOT));
    }

    /** Where the body's parameters came from (for logs and tests). */
    Body body() {
        return body;
    }

    /** The names given at the root, after merging {@code person}, in the order first seen; JSON nulls left out. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getValue().isNull()) {
                names.add(e.getKey());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    @Override
    public String toString() {
        return "CensusParams" + root;
    }

    private static byte[] bytes(HttpServletRequest request) {
        try {
            InputStream in = request.getInputStream();
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IllegalStateException e) {
            return new byte[0]; // getReader() was used: consumed
        } catch (org.populus.api.web.BodyTooLargeException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            // a body the client broke off or framed wrongly (e.g. a malformed chunk): its fault, 400 {}
            throw new Malformed("The body could not be read", e);
        }
    }

    // ---- arrays

    private static boolean indexed(JsonNode object) {
        if (object.isEmpty()) {
            return false;
        }
        for (String key : object.propertyNames()) {
            if (!INDEX.matcher(key).matches()) {
                return false;
            }
        }
        return true;
    }

    /** An array's elements; an object with only index keys as its values by index; anything else alone. */
    private static List<JsonNode> elements(JsonNode v) {
        if (v.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            v.values().forEach(list::add);
            return list;
        }
        if (v.isObject() && indexed(v)) {
            Map<Integer, JsonNode> byIndex = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                byIndex.put(Integer.parseInt(e.getKey()), e.getValue());
            }
            return new ArrayList<>(byIndex.values());
        }
        return List.of(v);
    }
}
