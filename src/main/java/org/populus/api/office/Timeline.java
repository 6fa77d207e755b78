package org.populus.api.office;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.populus.history.RecordVersion;
import org.populus.history.SnapshotDifference;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record's history as the timeline shows it: its versions, newest first, a page of {@link #PAGE} at a time, with
 * when, who and why, and each field that changed from the version before ({@link SnapshotDifference}) with its old
 * and new value.
 */
final class Timeline {

    /** The versions on one page. */
    static final int PAGE = 20;

    /** The request parameter naming the version the page's versions are below. */
    static final String BELOW = "versions_below";

    /** The longest value shown in full; longer ones are cut with an ellipsis. */
    static final int SHOWN = 200;

    /** A field that changed: its path in the snapshot ({@code data.given_name}) and its values, "" for none. */
    record Change(String field, String before, String after) {
    }

    record Entry(int version, Instant recordedAt, String actor, String reason, List<Change> changes) {
    }

    /**
     * One page of the timeline.
     *
     * @param entries its versions, newest first
     * @param olderBelow the number to ask the next (older) page below, or {@code null} when this page reaches the
     *     first version
     * @param newest whether this page starts at the newest version
     */
    record Page(List<Entry> entries, Integer olderBelow, boolean newest) {
    }

    private Timeline() {
    }

    /**
     * The page of the versions below {@code below} ({@code null} for the newest ones).
     *
     * @param versionsBelow reads up to a number of versions below a version number, newest first
     */
    static Page page(Integer below, VersionsBelow versionsBelow, JsonMapper json) {
        int from = below == null ? Integer.MAX_VALUE : below;
        // One more than shown: the version before the oldest shown, to tell what that one changed.
        List<RecordVersion> newestFirst = versionsBelow.read(from, PAGE + 1);
        boolean more = newestFirst.size() > PAGE;
        List<RecordVersion> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        List<Entry> entries = of(oldestFirst, json);
        if (more) {
            entries = entries.subList(0, PAGE);
        }
        return new Page(List.copyOf(entries), more ? entries.get(PAGE - 1).version() : null, below == null);
    }

    /**
     * Adds the page of the versions below {@code below} to the model as {@code timeline}, with the links to the
     * older page ({@code olderVersions}) and back to the newest one ({@code newestVersions}) where there is one:
     * the page's own address, the "as of" instant {@code at} kept.
     */
    static void addTo(Model model, Integer below, String at, VersionsBelow versionsBelow, JsonMapper json) {
        Page page = page(below, versionsBelow, json);
        model.addAttribute("timeline", page.entries());
        if (page.olderBelow() != null) {
            model.addAttribute("olderVersions", link(at, page.olderBelow()));
        }
        if (!page.newest()) {
            model.addAttribute("newestVersions", link(at, null));
        }
    }

    /** A link to this page (a query and the history's anchor) with {@code at} and {@code versions_below}. */
    static String link(String at, Integer below) {
        UriComponentsBuilder link = UriComponentsBuilder.newInstance();
        if (at != null && !at.isBlank()) {
            link.queryParam("at", at);
        }
        if (below != null) {
            link.queryParam(BELOW, below);
        }
        String query = link.encode().build().toUriString();
        return (query.isEmpty() ? "?" : query) + "#history";
    }

    /** Up to {@code count} versions numbered below {@code below}, newest first. */
    @FunctionalInterface
    interface VersionsBelow {

        List<RecordVersion> read(int below, int count);
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
