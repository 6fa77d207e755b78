package org.populus.events;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code events} health: {@code UP} when RabbitMQ answered this instance's last attempt to publish (or no broker
 * is configured), {@code DEGRADED} when it did not — the registry works on, events wait in the outbox, and the health endpoint still
 * answers 200 ({@code management.endpoint.health.status.http-mapping.degraded}). Only the active relay publishes, so
 * it is the instance whose health follows the broker; a standby reports what it last saw. The details (shown when
 * {@code management.endpoint.health.show-details} allows) say whether this instance is the active relay.
 */
@Component("events")
class EventsHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "RabbitMQ is unreachable; events wait in the outbox");

    private final EventsConfiguration.BrokerHolder broker;
    private final EventRelay relay;

    EventsHealth(EventsConfiguration.BrokerHolder broker, EventRelay relay) {
        this.broker = broker;
        this.relay = relay;
    }

    @Override
    public Health health() {
        String role = relay.active() ? "active" : "standby";
        if (broker.broker() == null) {
            return Health.up().withDetail("broker", "not configured").withDetail("relay", role).build();
        }
        return broker.broker().reachable()
                ? Health.up().withDetail("broker", "reachable").withDetail("relay", role).build()
                : Health.status(DEGRADED).withDetail("broker", "unreachable").withDetail("relay", role).build();
    }
}
