package org.populus.history;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which fields differ between two snapshots of a record: nested objects are compared field by field and named by
 * their path ({@code data.given_name}, {@code status.verification}); lists (identifiers, phones, members) and other
 * values are compared whole. Bookkeeping fields that change with every version ({@code version},
 * {@code updated_at}) are left out. Names are in snapshot order, so a timeline reads the same way every time.
 */
public final class SnapshotDifference {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> BOOKKEEPING = Set.of("version", "updated_at", "updatedAt");

    private SnapshotDifference() {
    }

    /**
     * The fields that differ from {@code before} to {@code after}. With no {@code before} (the record's first
     * version) every field present in {@code after} with a value counts as changed.
     */
    public static List<String> changedFields(String before, String after) {
        JsonNode from = before == null ? JSON.createObjectNode() : JSON.readTree(before);
        JsonNode to = JSON.readTree(after);
        List<String> changed = new ArrayList<>();
        collect("", from, to, changed);
        return List.copyOf(changed);
    }

    private static void collect(String prefix, JsonNode from, JsonNode to, List<String> changed) {
        Set<String> names = new TreeSet<>();
        List<String> ordered = new ArrayList<>();
        for (JsonNode node : List.of(to, from)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
                String name = it.next().getKey();
                if (names.add(name)) {
                    ordered.add(name);
                }
            }
        }
        for (String name : ordered) {
            if (prefix.isEmpty() && BOOKKEEPING.contains(name)) {
                continue;
            }
            JsonNode a = valueOrNull(from.get(name));
            JsonNode b = valueOrNull(to.get(name));
            String path = prefix + name;
            if (a != null && b != null && a.isObject() && b.isObject()) {
                collect(path + ".", a, b, changed);
            } else if (a == null && b != null && b.isObject()) {
                collect(path + ".", JSON.createObjectNode(), b, changed);
            } else if (b == null && a != null && a.isObject()) {
                collect(path + ".", a, JSON.createObjectNode(), changed);
            } else if (a == null ? b != null : !a.equals(b)) {
                changed.add(path);
            }
        }
    }

    /** Null, missing and empty values all mean "no value". */
    private static JsonNode valueOrNull(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if ((node.isArray() || node.isObject()) && node.isEmpty()) {
            return null;
        }
        return node;
    }
}
