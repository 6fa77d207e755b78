package org.populus.history;

import java.time.Instant;

/**
 * One immutable version of a record.
 *
 * @param snapshot the whole record as it then was, as a JSON document written by the record's owning module
 */
public record RecordVersion(String subjectType, long subjectId, int version, Instant recordedAt, String actor,
        String reason, String snapshot) {
}
