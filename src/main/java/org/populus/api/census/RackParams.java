package org.populus.api.census;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.populus.api.census.CensusParams.Body;
import org.populus.api.census.CensusParams.Malformed;
import org.populus.api.census.CensusParams.UnsupportedBody;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters of a Census request as Rack, Rails and rectify's {@code from_params} read them, from its raw
 * parts (query string, content type, body bytes) into one tree, with no servlet in sight: the rules are those
 * {@link CensusParams} describes. {@link CensusParams#read} feeds it from the request.
 */
final class RackParams {

    private static final int MAX_DEPTH = 32;
    private static final Pattern NAME = Pattern.compile("^[\\[\\]]*([^\\[\\]]+)\\]*");
    private static final Pattern ARRAY_OF_OBJECTS = Pattern.compile("^\\[\\]\\[([^\\[\\]]+)\\]$|^\\[\\](.+)$");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RackParams() {
    }

    // ---- the body

    /** The parameter tree, and where the body's parameters came from. */
    record Parsed(ObjectNode tree, CensusParams.Body source) {
    }

    /** A request's content type as this parser sees it: a form (also when none is given), JSON, or neither. */
    record ContentType(String given, MediaType type, boolean form, boolean json) {

        /** Whether a body of this type can be read. */
        boolean readable() {
            return form || json;
        }
    }

    static ContentType contentType(String contentType) {
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
        return new ContentType(contentType, type, form, isJson);
    }

    /**
     * The parameters of a request: its query string (undecoded, or null), its content type (or null) and its body
     * (empty for none). {@code consumedForm} gives the container's parameter map (query and form values) for a form
     * body someone else read already (the body is then empty). {@link CensusParams.UnsupportedBody} for a body
     * neither form nor JSON, {@link CensusParams.Malformed} for one that does not parse.
     */
    static Parsed parse(String queryString, String contentType, byte[] body,
            Supplier<Map<String, String[]>> consumedForm, JsonMapper json) {
        List<String[]> queryPairs = pairs(queryString == null ? new byte[0]
                : queryString.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Parsed parsed = body(contentType(contentType), body, consumedForm, queryPairs, json);
        merge(parsed.tree, tree(queryPairs));
        refuseNul(parsed.tree);
        return new Parsed(person(parsed.tree), parsed.source);
    }

    private static Parsed body(ContentType type, byte[] bytes, Supplier<Map<String, String[]>> consumedForm,
            List<String[]> queryPairs, JsonMapper json) {
        if (type.form()) {
            if (bytes.length == 0) {
                List<String[]> pairs = consumedForm(consumedForm.get(), queryPairs);
                return new Parsed(tree(pairs), pairs.isEmpty() ? Body.NONE : Body.FORM_PARAMETERS);
            }
            return new Parsed(tree(pairs(bytes, charset(type.type()))), Body.FORM);
        }
        if (bytes.length == 0) {
            return new Parsed(NODES.objectNode(), Body.NONE);
        }
        if (!type.json()) {
            throw new UnsupportedBody(type.given());
        }
        ObjectNode tree = json(bytes, json);
        return tree == null ? new Parsed(NODES.objectNode(), Body.NONE) : new Parsed(tree, Body.JSON);
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
    private static List<String[]> consumedForm(Map<String, String[]> map, List<String[]> queryPairs) {
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
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            // never decoded leniently: an overlong %C0%AF would otherwise become another character than was sent
            throw new Malformed("A parameter is not valid " + charset.name());
        }
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
}
