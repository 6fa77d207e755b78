package org.populus.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WakeUpTest {

    @Test
    void givenNoSignalTheWaitLastsItsTimeout() throws Exception {
        long start = System.nanoTime();
        assertThat(new WakeUp().await(Duration.ofMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void givenASignalDuringTheWaitTheWaitEndsAtOnce() throws Exception {
        WakeUp wakeUp = new WakeUp();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return wakeUp.await(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        wakeUp.signal();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givenASignalBeforeTheWaitTheNextWaitEndsAtOnceAndOnlyThatOne() throws Exception {
        WakeUp wakeUp = new WakeUp();
        wakeUp.signal();
        wakeUp.signal();
        assertThat(wakeUp.await(Duration.ofSeconds(30))).isTrue();
        assertThat(wakeUp.await(Duration.ofMillis(50))).isFalse();
    }
}
