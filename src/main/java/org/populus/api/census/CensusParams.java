package org.populus.api.census;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
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
    private static final int MAX_DEPTH = 32;
    private static final Set<String> TRUE = Set.of("true", "1", "on", "yes", "t", "y");
    private static final Pattern NAME = Pattern.compile("^[\\[\\]]*([^\\[\\]]+)\\]*");
    private static final Pattern ARRAY_OF_OBJECTS = Pattern.compile("^\\[\\]\\[([^\\[\\]]+)\\]$|^\\[\\](.+)$");
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
            String queryString = request.getQueryString();
            List<String[]> queryPairs = pairs(queryString == null ? new byte[0]
                    : queryString.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            Parsed body = body(request, json, queryPairs);
            merge(body.tree, tree(queryPairs));
            refuseNul(body.tree);
            CensusParams params = new CensusParams(person(body.tree), json, body.source);
            request.setAttribute(ATTRIBUTE, params);
            return params;
        } catch (RuntimeException e) {
            request.setAttribute(ATTRIBUTE, e);
            throw e;
        }
    }

    /** Throws {@link Malformed} if a name or text value anywhere in the parameters holds a NUL character. */
    private static void refuseNul(JsonNode root) {
        java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isString() && node.stringValue().indexOf('\u0000') >= 0) {
                throw new Malformed("A parameter holds a NUL character");
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (e.getKey().indexOf('\u0000') >= 0) {
                        throw new Malformed("A parameter name holds a NUL character");
                    }
                    pending.push(e.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(pending::push);
            }
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

    // ---- the body

    private record Parsed(ObjectNode tree, Body source) {
    }

    private static Parsed body(HttpServletRequest request, JsonMapper json, List<String[]> queryPairs) {
        String contentType = request.getContentType();
        MediaType type = null;
        boolean unreadableType = false;
        if (contentType != null && !contentType.isBlank()) {
            try {
                type = MediaType.parseMediaType(contentType);
            } catch (InvalidMediaTypeException e) {
                try { // an unknown charset, say: the type without its parameters
                    type = MediaType.parseMediaType(contentType.split(";", 2)[0]);
                } catch (InvalidMediaTypeException again) {
                    unreadableType = true;
                }
            }
        }
        boolean form = !unreadableType
                && (type == null || MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type));
        boolean isJson = type != null && ("json".equals(type.getSubtypeSuffix())
                || MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type));
        if (!form && !isJson && request.getContentLengthLong() > 0) {
            throw new UnsupportedBody(contentType);
        }
        byte[] bytes = bytes(request);
        if (form) {
            if (bytes.length == 0) {
                List<String[]> pairs = consumedForm(request, queryPairs);
                return new Parsed(tree(pairs), pairs.isEmpty() ? Body.NONE : Body.FORM_PARAMETERS);
            }
            return new Parsed(tree(pairs(bytes, charset(type))), Body.FORM);
        }
        if (bytes.length == 0) {
            return new Parsed(NODES.objectNode(), Body.NONE);
        }
        if (!isJson) {
            throw new UnsupportedBody(contentType);
        }
        ObjectNode tree = json(bytes, json);
        return tree == null ? new Parsed(NODES.objectNode(), Body.NONE) : new Parsed(tree, Body.JSON);
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

    private static Charset charset(MediaType type) {
        try {
            Charset c = type == null ? null : type.getCharset();
            return c == null ? StandardCharsets.UTF_8 : c;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The JSON object of the body; null for a blank body. */
    private static ObjectNode json(byte[] bytes, JsonMapper json) {
        if (new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new Malformed("The JSON body does not parse: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Malformed("The JSON body is not an object");
        }
        return (ObjectNode) node;
    }

    /**
     * The form pairs of a body someone else consumed, from the parameter map less the query string's values
     * (which come first for each name), regrouping {@code a[][k]} names by position.
     */
    private static List<String[]> consumedForm(HttpServletRequest request, List<String[]> queryPairs) {
        Map<String, String[]> map = request.getParameterMap();
        if (map == null || map.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> inQuery = new HashMap<>();
        for (String[] p : queryPairs) {
            inQuery.merge(p[0], 1, Integer::sum);
        }
        Map<String, List<String>> bodyValues = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : map.entrySet()) {
            String[] values = e.getValue() == null ? new String[0] : e.getValue();
            int skip = Math.min(inQuery.getOrDefault(e.getKey(), 0), values.length);
            if (skip < values.length) {
                bodyValues.put(e.getKey(), List.of(values).subList(skip, values.length));
            }
        }
        List<String[]> pairs = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String name : bodyValues.keySet()) {
            if (done.contains(name)) {
                continue;
            }
            String group = arrayOfObjectsPrefix(name);
            if (group == null) {
                done.add(name);
                bodyValues.get(name).forEach(v -> pairs.add(new String[] {name, v}));
                continue;
            }
            List<String> members = bodyValues.keySet().stream()
                    .filter(n -> !done.contains(n) && group.equals(arrayOfObjectsPrefix(n))).toList();
            done.addAll(members);
            int longest = members.stream().mapToInt(n -> bodyValues.get(n).size()).max().orElse(0);
            for (int i = 0; i < longest; i++) {
                for (String n : members) {
                    List<String> values = bodyValues.get(n);
                    if (i < values.size()) {
                        pairs.add(new String[] {n, values.get(i)});
                    }
                }
            }
        }
        return pairs;
    }

    /** {@code files[]} for {@code files[][filename]}, {@code person[files][]} for {@code person[files][][x]}. */
    private static String arrayOfObjectsPrefix(String name) {
        int i = name.indexOf("[][");
        return i < 0 ? null : name.substring(0, i + 2);
    }

    // ---- form pairs and Rack's nesting

    /** The {@code name=value} pairs of a query string or form body, decoded, in order; a bare name's value is null. */
    static List<String[]> pairs(byte[] raw, Charset charset) {
        List<String[]> pairs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '&') {
                if (i > start) {
                    int eq = start;
                    while (eq < i && raw[eq] != '=') {
                        eq++;
                    }
                    String name = decode(raw, start, eq, charset);
                    String value = eq < i ? decode(raw, eq + 1, i, charset) : null;
                    if (!name.isEmpty()) {
                        pairs.add(new String[] {name, value});
                    }
                }
                start = i + 1;
            }
        }
        return pairs;
    }

    private static String decode(byte[] raw, int from, int to, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && hex(raw, i + 1, to) && hex(raw, i + 2, to)) {
                out.write(Character.digit(raw[i + 1], 16) << 4 | Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(charset);
    }

    private static boolean hex(byte[] raw, int i, int to) {
        return i < to && Character.digit(raw[i], 16) >= 0;
    }

    private static ObjectNode tree(List<String[]> pairs) {
        ObjectNode root = NODES.objectNode();
        for (String[] p : pairs) {
            normalize(root, p[0], p[1], MAX_DEPTH);
        }
        return root;
    }

    /** Rack 2's {@code normalize_params}, lenient where Rack raises on a type clash: the newer kind replaces. */
    private static void normalize(ObjectNode params, String name, String value, int depth) {
        if (depth <= 0) {
            throw new Malformed("Parameter names nest too deep");
        }
        Matcher m = NAME.matcher(name);
        if (!m.find()) {
            return;
        }
        String k = m.group(1);
        String after = name.substring(m.end());
        if (after.isEmpty()) {
            params.set(k, node(value));
        } else if (after.equals("[")) {
            params.set(name, node(value));
        } else if (after.equals("[]")) {
            array(params, k).add(node(value));
        } else {
            Matcher a = ARRAY_OF_OBJECTS.matcher(after);
            if (a.matches()) {
                String child = a.group(1) != null ? a.group(1) : a.group(2);
                if (!NAME.matcher(child).find()) {
                    return;
                }
                ArrayNode array = array(params, k);
                JsonNode last = array.isEmpty() ? null : array.get(array.size() - 1);
                if (last instanceof ObjectNode o && !hasKey(o, child)) {
                    normalize(o, child, value, depth - 1);
                } else {
                    ObjectNode o = NODES.objectNode();
                    normalize(o, child, value, depth - 1);
                    array.add(o);
                }
            } else {
                JsonNode h = params.get(k);
                ObjectNode o;
                if (h instanceof ObjectNode existing) {
                    o = existing;
                } else {
                    o = NODES.objectNode();
                    params.set(k, o);
                }
                normalize(o, after, value, depth - 1);
            }
        }
    }

    private static JsonNode node(String value) {
        return value == null ? NODES.nullNode() : NODES.stringNode(value);
    }

    private static ArrayNode array(ObjectNode params, String k) {
        if (params.get(k) instanceof ArrayNode existing) {
            return existing;
        }
        ArrayNode array = NODES.arrayNode();
        params.set(k, array);
        return array;
    }

    /** Rack's {@code params_hash_has_key?}: whether {@code a[b]}'s path exists in the object. */
    private static boolean hasKey(ObjectNode object, String key) {
        if (key.contains("[]")) {
            return false;
        }
        JsonNode h = object;
        for (String part : key.split("[\\[\\]]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!(h instanceof ObjectNode o) || !o.has(part)) {
                return false;
            }
            h = o.get(part);
        }
        return true;
    }

    // ---- merging

    /** Puts {@code winner}'s values into {@code base}, merging objects key by key. */
    private static void merge(ObjectNode base, ObjectNode winner) {
        for (Map.Entry<String, JsonNode> e : winner.properties()) {
            if (base.get(e.getKey()) instanceof ObjectNode b && e.getValue() instanceof ObjectNode w) {
                merge(b, w);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    /** rectify's {@code from_params}: the root merged with the {@code person} object, which wins. */
    private static ObjectNode person(ObjectNode root) {
        if (!(root.get("person") instanceof ObjectNode person)) {
            return root;
        }
        root.remove("person");
        for (Map.Entry<String, JsonNode> e : person.properties()) {
            if (!scopeId(e.getKey())) {
                root.set(e.getKey(), e.getValue());
            }
        }
        return root;
    }

    /** {@code scope_id}, {@code address_scope_id}, {@code document_scope_id}: a {@code *_scope_id}. */
    private static boolean scopeId(String key) {
        return key.equals("scope_id") || key.endsWith("_scope_id");
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
