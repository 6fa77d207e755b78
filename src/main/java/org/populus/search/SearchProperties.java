package org.populus.search;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the search index ({@code populus.search.*}).
 *
 * @param dir where the index lives ({@code POPULUS_SEARCH_DIR}); {@code <POPULUS_DATA_DIR>/search} when not set.
 *     One instance per folder: each instance keeps its own index
 * @param followInterval how often the index looks for changes committed by other instances (and the importer)
 * @param maxStale how long a change indexed from the feed may stay out of searches at most
 * @param commitInterval how often what the index holds is made durable (a crash loses nothing: the changes since
 *     are read again from the feed at the next start)
 * @param rebuildBatch registrants read from PostgreSQL per statement during a rebuild
 */
@ConfigurationProperties("populus.search")
record SearchProperties(Path dir, Duration followInterval, Duration maxStale, Duration commitInterval,
        Integer rebuildBatch) {

    SearchProperties {
        followInterval = followInterval == null ? Duration.ofMillis(200) : followInterval;
        maxStale = maxStale == null ? Duration.ofMillis(500) : maxStale;
        commitInterval = commitInterval == null ? Duration.ofSeconds(10) : commitInterval;
        rebuildBatch = rebuildBatch == null ? 2000 : rebuildBatch;
    }
}
