package org.populus.scope;

/**
 * What a load did.
 *
 * @param created scopes that did not exist before
 * @param updated existing scopes whose name, type, parent, mappings or metadata changed
 * @param unchanged existing scopes the file describes exactly as they were
 * @param total rows in the file ({@code created + updated + unchanged})
 */
public record ScopeLoadSummary(int created, int updated, int unchanged, int total) {
}
