package org.populus.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The outbox as metrics: {@code populus.events.outbox.backlog} (rows waiting; Prometheus
 * {@code populus_events_outbox_backlog}) and {@code populus.events.outbox.oldest.age} (seconds since the oldest of
 * them was written, 0 when none; Prometheus {@code populus_events_outbox_oldest_age_seconds}). Both read the table
 * when scraped, on every instance (the outbox is shared).
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final Outbox outbox;
    private final Clock clock;

    OutboxMetrics(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("populus.events.outbox.backlog", outbox, o -> o.backlog().size())
                .description("Outbox rows waiting to be published").register(registry);
        Gauge.builder("populus.events.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("Age of the oldest outbox row").baseUnit("seconds").register(registry);
    }

    double oldestAgeSeconds() {
        Outbox.Backlog b = outbox.backlog();
        return b.oldest() == null ? 0 : Math.max(0, Duration.between(b.oldest(), clock.instant()).toMillis() / 1000.0);
    }
}
