package org.populus.events;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A wait that a signal ends early: the idle relay waits on it for at most its poll interval, and a commit of this
 * instance that wrote to the outbox signals it. A signal given while nobody waits is kept (one), so a commit just
 * before the wait is not missed; several signals wake one wait.
 */
final class WakeUp {

    private final Semaphore signals = new Semaphore(0);

    void signal() {
        if (signals.availablePermits() == 0) {
            signals.release();
        }
    }

    /** Waits until signalled or {@code timeout} has passed; true when signalled. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean signalled = signals.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        signals.drainPermits();
        return signalled;
    }
}
