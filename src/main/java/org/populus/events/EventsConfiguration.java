package org.populus.events;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The relay, with RabbitMQ when {@code populus.events.rabbitmq-uri} is set. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean(destroyMethod = "close")
    BrokerHolder broker(EventsProperties properties) {
        return new BrokerHolder(properties.brokerConfigured()
                ? new RabbitBroker(properties.rabbitmqUri(), properties.rabbitmqExchange()) : null);
    }

    @Bean
    EventRelay eventRelay(DataSource dataSource, OutboxRepository outbox, EventMessages messages,
            BrokerHolder broker, EventsProperties properties,
            @Value("${populus.events.relay.enabled:true}") boolean enabled) {
        return new EventRelay(dataSource, outbox, messages, broker.broker(), properties, enabled);
    }

    /** The broker, or none. */
    record BrokerHolder(RabbitBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
