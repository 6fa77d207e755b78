package org.populus.history;

/**
 * Published (as a Spring application event) in the transaction that appends one version of a record, with the
 * version's snapshot (the whole record as JSON); a listener that acts after the commit has the record as committed
 * without reading it again (a search index, say). Bulk appends publish only {@link VersionsRecorded}: their readers
 * follow the change feed instead.
 */
public record VersionAppended(String subjectType, long subjectId, int version, String snapshot) {
}
