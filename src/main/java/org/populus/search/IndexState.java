package org.populus.search;

/** Where the search index stands. */
enum IndexState {
    /** Not opened yet. */
    STARTING,
    /** Being rebuilt from PostgreSQL; searches are answered by PostgreSQL meanwhile. */
    REBUILDING,
    /** Current: searches are answered from it. */
    READY,
    /** Could not be opened or rebuilt (see the log); searches are answered by PostgreSQL. */
    FAILED,
    /** Closed at shutdown. */
    CLOSED
}
