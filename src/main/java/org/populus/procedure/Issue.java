package org.populus.procedure;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An issue with the people and procedures it concerns. */
public record Issue(long id, IssueType type, String key, boolean open, Map<String, Object> information,
        List<Long> personIds, List<Long> procedureIds, String resolution, String comment, String resolvedBy,
        Instant resolvedAt, Instant createdAt, int version) {
}
