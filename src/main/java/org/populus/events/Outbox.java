package org.populus.events;

import java.time.Instant;
import org.springframework.stereotype.Service;

/** What waits in the outbox. */
@Service
public class Outbox {

    /**
     * @param size rows not yet published (or purged)
     * @param oldest when the oldest of them was written; null when there is none
     */
    public record Backlog(long size, Instant oldest) {
    }

    private final OutboxRepository repository;

    Outbox(OutboxRepository repository) {
        this.repository = repository;
    }

    public Backlog backlog() {
        return repository.backlog();
    }
}
