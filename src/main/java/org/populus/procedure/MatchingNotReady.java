package org.populus.procedure;

/**
 * Duplicate matching cannot answer yet (the search index is being built): whoever asked tries again later — the
 * procedure queue reschedules its procedure, the matching watch keeps its place in the change feed — so that no
 * registration goes unmatched.
 */
class MatchingNotReady extends IllegalStateException {

    MatchingNotReady() {
        super("duplicate matching is not ready: the search index is being built");
    }
}
