package org.populus.api.office;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.populus.history.RecordVersion;
import org.populus.history.SnapshotDifference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record's history as the timeline shows it: every version, newest first, with when, who and why, and each field
 * that changed from the version before ({@link SnapshotDifference}) with its old and new value.
 */
final class Timeline {

    /** The longest value shown in full; longer ones are cut with an ellipsis. */
    static final int SHOWN = 200;

    /** A field that changed: its path in the snapshot ({@code data.given_name}) and its values, "" for none. */
    record Change(String field, String before, String after) {
    }

    record Entry(int version, Instant recordedAt, String actor, String reason, List<Change> changes) {
    }

    private Timeline() {
    }

    static List<Entry> of(List<RecordVersion> versions, JsonMapper json) {
        List<Entry> entries = new ArrayList<>(versions.size());
        String previous = null;
        for (RecordVersion v : versions) {
            JsonNode before = previous == null ? null : json.readTree(previous);
            JsonNode after = json.readTree(v.snapshot());
            List<Change> changes = new ArrayList<>();
            for (String field : SnapshotDifference.changedFields(previous, v.snapshot())) {
                changes.add(new Change(field, shown(at(before, field)), shown(at(after, field))));
            }
            entries.add(new Entry(v.version(), v.recordedAt(), v.actor(), v.reason(), List.copyOf(changes)));
            previous = v.snapshot();
        }
        java.util.Collections.reverse(entries);
        return entries;
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = node.get(name);
        }
        return node;
    }

    private static String shown(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        String text = node.isValueNode() ? node.asString() : node.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
