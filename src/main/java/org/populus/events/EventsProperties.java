package org.populus.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The events settings ({@code POPULUS_EVENTS_…}).
 *
 * @param rabbitmqUri the broker as an AMQP URI ({@code amqp://user:password@host:5672/%2f}); publishing is off
 *        without it
 * @param rabbitmqExchange the topic exchange the messages go to (declared durable if absent)
 * @param includeData whether the CloudEvents carry the whole record (personal data) as well as what changed
 * @param pollInterval how often the active relay looks for new outbox rows when it found none
 * @param standbyInterval how often an instance that is not the active relay tries to become it
 * @param batchSize outbox rows published per round (their confirmations are awaited together)
 */
@ConfigurationProperties("populus.events")
public record EventsProperties(String rabbitmqUri, @DefaultValue("hutch") String rabbitmqExchange,
        @DefaultValue("false") boolean includeData, @DefaultValue("50ms") Duration pollInterval,
        @DefaultValue("1s") Duration standbyInterval, @DefaultValue("200") int batchSize) {

    public EventsProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("populus.events.batch-size must be at least 1, not " + batchSize);
        }
    }

    /** Whether a broker is configured. */
    public boolean brokerConfigured() {
        return rabbitmqUri != null && !rabbitmqUri.isBlank();
    }
}
