package org.populus.api.web;

import java.util.List;

/**
 * The read requests a surface wants sent while the instance warms up ({@link WarmUp}): its hot paths, on records
 * that exist, so the code that serves them is compiled before the instance reports ready.
 */
@FunctionalInterface
public interface WarmUpRequests {

    /** Paths (with their query) to GET, relative to the server root; at most {@code limit}. */
    List<String> paths(int limit);
}
