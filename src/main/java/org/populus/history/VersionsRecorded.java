package org.populus.history;

/**
 * Published (as a Spring application event) in the transaction that appends versions to the history; listeners
 * that act after the commit learn that there is something new to read, e.g. the events relay.
 */
public record VersionsRecorded() {
}
