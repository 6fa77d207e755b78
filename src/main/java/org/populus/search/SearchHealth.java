package org.populus.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code search} health, part of readiness: {@code UP} when the index is current, {@code REBUILDING} while it is
 * rebuilt from PostgreSQL (the instance answers, its searches from PostgreSQL; readiness answers 503 so that a load
 * balancer prefers another instance), {@code DOWN} when it could not be opened or rebuilt (searches from PostgreSQL
 * until a restart). The details give the registrants indexed by the rebuild.
 */
@Component("search")
class SearchHealth implements HealthIndicator {

    static final Status REBUILDING = new Status("REBUILDING", "The search index is being rebuilt from PostgreSQL");

    private final IndexKeeper keeper;

    SearchHealth(IndexKeeper keeper) {
        this.keeper = keeper;
    }

    @Override
    public Health health() {
        return switch (keeper.state()) {
            case READY -> Health.up().build();
            case STARTING, REBUILDING -> Health.status(REBUILDING).withDetail("indexed", keeper.rebuildIndexed())
                    .build();
            case FAILED, CLOSED -> Health.down().build();
        };
    }
}
