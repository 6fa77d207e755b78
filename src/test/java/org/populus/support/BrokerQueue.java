package org.populus.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A consumer's queue on the test RabbitMQ (127.0.0.1:5672), declared as a consumer declares it: durable, bound to
 * the durable topic exchange with the given routing keys, and emptied when opened; deleted when closed.
 */
public final class BrokerQueue implements AutoCloseable {

    public static final int PORT = 5672;

    /** A message as the consumer receives it. */
    public record Delivery(String routingKey, AMQP.BasicProperties properties, String body) {
    }

    private final Connection connection;
    private final Channel channel;
    private final String queue;

    private BrokerQueue(String queue, String exchange, String... routingKeys) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(PORT);
        factory.setUsername("guest");
        factory.setPassword("guest");
        this.connection = factory.newConnection("populus-test-consumer");
        this.channel = connection.createChannel();
        this.queue = queue;
        channel.exchangeDeclare(exchange, "topic", true);
        channel.queueDeclare(queue, true, false, false, null);
        for (String key : routingKeys) {
            channel.queueBind(queue, exchange, key);
        }
        channel.queuePurge(queue);
    }

    public static BrokerQueue open(String queue, String exchange, String... routingKeys) {
        try {
            return new BrokerQueue(queue, exchange, routingKeys);
        } catch (Exception e) {
            throw new IllegalStateException("RabbitMQ on 127.0.0.1:" + PORT + ": " + e, e);
        }
    }

    /**
     * Takes messages until {@code count} of them match (the others, from other tests, are dropped), or until the time
     * is up; returns the matching ones in the order received.
     */
    public List<Delivery> await(Predicate<Delivery> matching, int count, Duration timeout) {
        List<Delivery> found = new ArrayList<>();
        long until = System.nanoTime() + timeout.toNanos();
        try {
            while (found.size() < count && System.nanoTime() < until) {
                GetResponse r = channel.basicGet(queue, true);
                if (r == null) {
                    Thread.sleep(20);
                    continue;
                }
                Delivery d = new Delivery(r.getEnvelope().getRoutingKey(), r.getProps(),
                        new String(r.getBody(), StandardCharsets.UTF_8));
                if (matching.test(d)) {
                    found.add(d);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Every matching message that arrives within {@code wait}. */
    public List<Delivery> drain(Predicate<Delivery> matching, Duration wait) {
        return await(matching, Integer.MAX_VALUE, wait);
    }

    @Override
    public void close() {
        try {
            channel.queueDelete(queue);
            connection.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
