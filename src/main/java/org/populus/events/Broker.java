package org.populus.events;

import java.util.List;

/** Where the relay publishes. */
interface Broker {

    /**
     * Publishes the messages in order and waits for the broker's confirmations: returns how many of them, from the
     * first, the broker confirmed (all of them normally; fewer when it is unreachable or refused one — the rest are
     * to be published again).
     */
    int publish(List<OutgoingMessage> messages);

    /** Whether the broker answered the last attempt to reach it. */
    boolean reachable();
}
