package org.populus.events;

import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * RabbitMQ through Spring AMQP: one connection, publisher confirms correlated per message, the topic exchange
 * declared durable (if absent) before the first publication on each connection. Messages carry the properties
 * Hutch gives them: {@code content_type}, persistent delivery, a {@code message_id} and a {@code timestamp}.
 */
class RabbitBroker implements Broker, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RabbitBroker.class);
    private static final long CONFIRM_TIMEOUT_SECONDS = 10;

    private final CachingConnectionFactory connections;
    private final RabbitTemplate template;
    private final RabbitAdmin admin;
    private final TopicExchange exchange;
    private volatile boolean declared;
    private volatile boolean reachable = true;

    RabbitBroker(String uri, String exchange) {
        this.connections = new CachingConnectionFactory(URI.create(uri));
        this.connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        this.connections.setConnectionNameStrategy(f -> "populus-events");
        this.connections.addConnectionListener(new org.springframework.amqp.rabbit.connection.ConnectionListener() {
            @Override
            public void onCreate(org.springframework.amqp.rabbit.connection.Connection connection) {
                declared = false;
            }
        });
        this.template = new RabbitTemplate(connections);
        this.admin = new RabbitAdmin(connections);
        this.exchange = new TopicExchange(exchange, true, false);
    }

    @Override
    public int publish(List<OutgoingMessage> messages) {
        List<CorrelationData> sent = new ArrayList<>(messages.size());
        try {
            if (!declared) {
                admin.declareExchange(exchange);
                declared = true;
            }
            for (OutgoingMessage m : messages) {
                CorrelationData correlation = new CorrelationData(m.messageId().toString());
                template.send(exchange.getName(), m.routingKey(), message(m), correlation);
                sent.add(correlation);
            }
        } catch (AmqpException e) {
            declared = false;
            reachable = false;
            log.warn("RabbitMQ unreachable, events wait in the outbox: {}", e.getMessage());
        }
        int confirmed = 0;
        for (CorrelationData c : sent) {
            try {
                CorrelationData.Confirm confirm = c.getFuture().get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!confirm.ack()) {
                    log.warn("RabbitMQ refused message {}: {}", c.getId(), confirm.reason());
                    break;
                }
                confirmed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.warn("No confirmation from RabbitMQ for message {}: {}", c.getId(), e.toString());
                reachable = false;
                break;
            }
        }
        if (confirmed == messages.size()) {
            reachable = true;
        }
        return confirmed;
    }

    private static Message message(OutgoingMessage m) {
        MessageProperties p = new MessageProperties();
        p.setContentType(m.contentType());
        p.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        p.setMessageId(m.messageId().toString());
        p.setTimestamp(new Date());
        return new Message(m.body(), p);
    }

    @Override
    public boolean reachable() {
        return reachable;
    }

    @Override
    public void close() {
        connections.destroy();
    }
}
