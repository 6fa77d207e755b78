package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The throttle's counts on the test database, through its own API, with small limits: 3 failures per login (from
 * one address, and over all addresses before the login is under attack) and 5 per address, in 15 minutes.
 */
class LoginThrottleModelTest extends HttpTest {

    private static final int PER_LOGIN = 3;
    private static final int PER_ADDRESS = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Autowired
    LoginFailureRepository repository;

    @Autowired
    TransactionTemplate tx;

    private LoginThrottle throttle;
    private String network;

    @BeforeEach
    void throttle() {
        throttle = new LoginThrottle(repository, tx, new SimpleMeterRegistry(), PER_LOGIN, PER_ADDRESS, WINDOW);
        network = "model-" + unique() + "-";
    }

    private void fail(String login, String address) {
        LoginThrottle.Attempt attempt = throttle.reserve(login, address);
        assertThat(attempt.refused()).as("%s from %s", login, address).isFalse();
        throttle.failed(attempt);
    }

    @Test
    void anAddressMayFailAgainstALoginUpToTheLimitThenWaitsForTheWindow() {
        String login = "model-" + unique();
        for (int i = 0; i < PER_LOGIN; i++) {
            fail(login, network + 1);
        }
        LoginThrottle.Attempt refused = throttle.reserve(login, network + 1);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.refusal().get()).isGreaterThan(WINDOW.minusMinutes(1)).isLessThanOrEqualTo(WINDOW);
    }

    @Test
    void aLoginUnderAttackRefusesAddressesThatFailedAgainstItButChecksCleanOnes() {
        String login = "model-" + unique();
        for (int a = 1; a <= PER_LOGIN; a++) {
            fail(login, network + a);
        }
        assertThat(throttle.reserve(login, network + 1).refused()).as("an address that failed").isTrue();
        LoginThrottle.Attempt clean = throttle.reserve(login, network + "clean");
        assertThat(clean.refused()).as("an address that has not failed").isFalse();
        throttle.succeeded(clean);
        assertThat(throttle.reserve(login, network + "clean").refused()).as("again after its success").isFalse();
    }

    @Test
    void aCleanAddressGetsOneGuessAgainstALoginUnderAttack() {
        String login = "model-" + unique();
        for (int a = 1; a <= PER_LOGIN; a++) {
            fail(login, network + a);
        }
        fail(login, network + "new");
        assertThat(throttle.reserve(login, network + "new").refused()).isTrue();
    }

    @Test
    void anAddressThatFailedTooOftenOverAllLoginsIsRefusedForEveryLogin() {
        for (int i = 0; i < PER_ADDRESS; i++) {
            fail("model-" + unique(), network + 1);
        }
        assertThat(throttle.reserve("model-" + unique(), network + 1).refused()).isTrue();
        assertThat(throttle.reserve("model-" + unique(), network + 2).refused()).as("another address").isFalse();
    }

    @Test
    void aSuccessForgetsThatAddresssFailuresAgainstTheLogin() {
        String login = "model-" + unique();
        for (int i = 0; i < PER_LOGIN - 1; i++) {
            fail(login, network + 1);
        }
        throttle.succeeded(throttle.reserve(login, network + 1));
        for (int i = 0; i < PER_LOGIN; i++) {
            fail(login, network + 1);
        }
        assertThat(throttle.reserve(login, network + 1).refused()).isTrue();
    }

    @Test
    void anAttemptThatCouldNotBeCheckedIsGivenBack() {
        String login = "model-" + unique();
        for (int i = 0; i < PER_LOGIN * 2; i++) {
            throttle.abandoned(throttle.reserve(login, network + 1));
        }
        assertThat(throttle.reserve(login, network + 1).refused()).isFalse();
    }

    @Test
    void refusedAttemptsCountNothing() {
        String login = "model-" + unique();
        for (int i = 0; i < PER_LOGIN; i++) {
            fail(login, network + 1);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.reserve(login, network + 1).refused()).isTrue();
        }
        assertThat(jdbc.sql("select attempts from login_failures where login = ? and address = ''")
                .param(login).query(Integer.class).single()).isEqualTo(PER_LOGIN);
    }

    @Test
    void countsWhoseWindowHasEndedAreRemovedAndOthersKept() {
        String ended = "model-" + unique();
        String current = "model-" + unique();
        jdbc.sql("insert into login_failures values ('model', ?, '', 3, now() - interval '1 second'), "
                + "('model', ?, '', 3, now() + interval '1 minute')").params(ended, current).update();
        while (repository.removeEnded(1000) == 1000) {
            // more to remove
        }
        assertThat(jdbc.sql("select login from login_failures where login in (?, ?)").params(ended, current)
                .query(String.class).list()).containsExactly(current);
    }
}
