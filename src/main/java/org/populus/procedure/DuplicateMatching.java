package org.populus.procedure;

import org.springframework.stereotype.Service;

/** Where the matching of the change feed stands (see {@link DuplicateWatch}). */
@Service
public class DuplicateMatching {

    private final DuplicateWatch watch;

    DuplicateMatching(DuplicateWatch watch) {
        this.watch = watch;
    }

    /** How many versions of the change feed are still to be matched. */
    public long pending() {
        return watch.pending();
    }

    /** Whether this instance is the one matching now. */
    public boolean activeHere() {
        return watch.active();
    }
}
