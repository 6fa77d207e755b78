package org.populus.events;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code events} health: {@code UP} when RabbitMQ answered the relay's last attempt (or no broker is configured),
 * {@code DEGRADED} when it did not — the registry works on, events wait in the outbox, and the health endpoint still
 * answers 200 ({@code management.endpoint.health.status.http-mapping.degraded}).
 */
@Component("events")
class EventsHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "RabbitMQ is unreachable; events wait in the outbox");

    private final EventsConfiguration.BrokerHolder broker;

    EventsHealth(EventsConfiguration.BrokerHolder broker) {
        this.broker = broker;
    }

    @Override
    public Health health() {
        if (broker.broker() == null) {
            return Health.up().withDetail("broker", "not configured").build();
        }
        return broker.broker().reachable() ? Health.up().withDetail("broker", "reachable").build()
                : Health.status(DEGRADED).withDetail("broker", "unreachable").build();
    }
}
