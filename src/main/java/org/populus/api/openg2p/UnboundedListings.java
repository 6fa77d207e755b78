package org.populus.api.openg2p;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.populus.api.web.Callers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many listings and searches without {@code limit} — which stream every match, as OpenG2P does — one client
 * may have running at once on this instance ({@code POPULUS_OPENG2P_MAX_UNBOUNDED_LISTINGS}, default 2; 0 for no
 * bound). A client is a user (every session and HTTP Basic login of that user together). One more is refused at
 * once with 429 ({@link TooMany}); listings with a {@code limit} are never counted.
 */
@Component
class UnboundedListings {

    private final int max;
    private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

    UnboundedListings(@Value("${populus.openg2p.max-unbounded-listings:2}") int max) {
        this.max = max;
    }

    /** A running listing of the calling client; closing it ends it. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Counts one more unbounded listing of the caller.
     *
     * @throws TooMany when the caller has {@code max} running already
     */
    Permit start() {
        if (max <= 0) {
            return () -> { };
        }
        String client = Callers.actor();
        AtomicBoolean admitted = new AtomicBoolean();
        running.compute(client, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
                return n;
            }
            admitted.set(true);
            return now + 1;
        });
        if (!admitted.get()) {
            throw new TooMany(max);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                running.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
            }
        };
    }

    /** The client has as many unbounded listings running as it may. */
    static final class TooMany extends RuntimeException {

        TooMany(int max) {
            super("At most " + max + " listings or searches without 'limit' may run at once per client; wait for "
                    + "one to finish, or ask for pages with 'limit' and 'offset'.", null, false, false);
        }
    }
}
