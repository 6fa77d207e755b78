package org.populus.events;

import java.net.URI;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * RabbitMQ through Spring AMQP: one connection, the topic exchange declared durable (if absent) before the first
 * publication on each connection, and publisher confirms: a round's messages are sent on one channel and the
 * broker's confirmation of all of them is awaited ({@code waitForConfirms}) before their rows are deleted; without
 * it they are all published again, with the same ids. (Correlated confirms would tell them apart, but Spring AMQP
 * then adds a {@code spring_returned_message_correlation} header to every message, which Hutch's messages do not
 * carry.) Messages carry exactly the properties Hutch gives them: {@code content_type}, persistent delivery, a
 * {@code message_id} and a {@code timestamp}.
 */
class RabbitBroker implements Broker, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RabbitBroker.class);
    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    private final CachingConnectionFactory connections;
    private final RabbitTemplate template;
    private final RabbitAdmin admin;
    private final TopicExchange exchange;
    private volatile boolean declared;
    private volatile boolean reachable = true;

    RabbitBroker(String uri, String exchange) {
        this.connections = new CachingConnectionFactory(URI.create(uri));
        this.connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
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
        try {
            if (!declared) {
                admin.declareExchange(exchange);
                declared = true;
            }
            Boolean confirmed = template.invoke(channel -> {
                for (OutgoingMessage m : messages) {
                    channel.send(exchange.getName(), m.routingKey(), message(m));
                }
                return channel.waitForConfirms(CONFIRM_TIMEOUT_MILLIS);
            });
            if (Boolean.TRUE.equals(confirmed)) {
                reachable = true;
                return messages.size();
            }
            log.warn("RabbitMQ did not confirm {} messages; they will be published again", messages.size());
        } catch (AmqpException e) {
            declared = false;
            reachable = false;
            log.warn("RabbitMQ unreachable, events wait in the outbox: {}", e.getMessage());
        }
        return 0;
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
