package org.populus.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The search index's metrics: {@code populus.search.rebuilding} (1 while a rebuild runs),
 * {@code populus.search.rebuild.indexed} (registrants the running or last rebuild indexed),
 * {@code populus.search.rebuild.duration} (seconds the last rebuild took; -1 before one) and
 * {@code populus.search.ready} (1 when searches are answered from the index).
 */
@Component
class SearchMetrics {

    SearchMetrics(MeterRegistry registry, IndexKeeper keeper) {
        Gauge.builder("populus.search.rebuilding", keeper,
                k -> k.state() == IndexState.REBUILDING || k.state() == IndexState.STARTING ? 1 : 0)
                .description("1 while the search index is being rebuilt from PostgreSQL").register(registry);
        Gauge.builder("populus.search.rebuild.indexed", keeper, IndexKeeper::rebuildIndexed)
                .description("Registrants indexed by the running or last rebuild").register(registry);
        Gauge.builder("populus.search.rebuild.duration", keeper,
                k -> k.lastRebuildMillis() < 0 ? -1 : k.lastRebuildMillis() / 1000.0)
                .description("Seconds the last rebuild took (-1: none since start)").baseUnit("seconds")
                .register(registry);
        Gauge.builder("populus.search.ready", keeper, k -> k.state() == IndexState.READY ? 1 : 0)
                .description("1 when searches are answered from the index").register(registry);
    }
}
