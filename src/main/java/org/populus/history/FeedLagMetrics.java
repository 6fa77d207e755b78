package org.populus.history;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The change feed's lag as metrics, read when scraped: {@code populus.feed.lag.versions} (versions committed that
 * the feed does not give yet; Prometheus {@code populus_feed_lag_versions}) and {@code populus.feed.lag} (seconds
 * since the oldest of them was recorded, 0 when none; Prometheus {@code populus_feed_lag_seconds}).
 */
@Component
class FeedLagMetrics implements MeterBinder {

    private final History history;
    private final Clock clock;

    FeedLagMetrics(History history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("populus.feed.lag.versions", history, h -> h.feedLag().versions())
                .description("Committed versions the change feed holds back behind a running Populus writer")
                .register(registry);
        Gauge.builder("populus.feed.lag", this, FeedLagMetrics::lagSeconds)
                .description("Age of the oldest version the change feed holds back").baseUnit("seconds")
                .register(registry);
    }

    double lagSeconds() {
        History.FeedLag lag = history.feedLag();
        return lag.oldest() == null ? 0 : Math.max(0, Duration.between(lag.oldest(), clock.instant()).toMillis() / 1000.0);
    }
}
