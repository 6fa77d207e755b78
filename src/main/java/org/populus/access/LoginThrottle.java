package org.populus.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password guessing without letting anyone lock a user out. Failed logins are counted in PostgreSQL, shared
 * by every instance, in fixed windows ({@code populus.security.login.failure-window}, default 15 minutes, from a
 * counter's first failure):
 * <ul>
 * <li>per login and client address: an address may fail {@code max-failures-per-login} times (default 10) against
 * one login; then that login is refused from that address until the window ends;</li>
 * <li>per client address: {@code max-failures-per-address} failures (default 50) over all logins; then that address
 * is refused for every login until the window ends;</li>
 * <li>per login, over all addresses: once a login has failed {@code max-failures-per-login} times in its window it
 * is under attack, and an address that has already failed against it in the pair's window is refused until that
 * window (or the login's) ends. An address that has not failed against it is always checked, so a distributed
 * attack only slows the attackers: the right password from a clean address is never refused.</li>
 * </ul>
 * An attempt is reserved on the three counters, in one transaction whose row locks serialise it with every other
 * attempt on the same login or address, before its password is checked; so N parallel guesses, on any number of
 * instances, check at most the limit. A failure keeps its reservation; a success forgives the pair: its
 * failures and the attempt are taken back from all three counts. Refused attempts count nothing. Counters are kept per setting (a
 * change of limits starts them afresh); those whose window has ended are removed about once a minute. Outcomes are
 * counted in {@code populus.login.attempts} (tag {@code outcome}: success, failure, throttled).
 */
@Component
class LoginThrottle {

    private static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(1);
    private static final int ADDRESS_LENGTH = 100;
    private static final String NONE = "";

    private final LoginFailureRepository repository;
    private final TransactionTemplate tx;
    private final int perLogin;
    private final int perAddress;
    private final Duration window;
    private final String limits;
    private final AtomicLong lastCleanUp = new AtomicLong();
    private final Counter successes;
    private final Counter failures;
    private final Counter refusals;

    LoginThrottle(LoginFailureRepository repository, TransactionTemplate tx, MeterRegistry meters,
            @Value("${populus.security.login.max-failures-per-login:10}") int perLogin,
            @Value("${populus.security.login.max-failures-per-address:50}") int perAddress,
            @Value("${populus.security.login.failure-window:15m}") Duration window) {
        if (perLogin < 1 || perAddress < 1 || window.toMillis() < 1000) {
            throw new IllegalStateException("populus.security.login.max-failures-per-login and -per-address must be "
                    + "at least 1 and populus.security.login.failure-window at least 1s");
        }
        this.repository = repository;
        this.tx = tx;
        this.perLogin = perLogin;
        this.perAddress = perAddress;
        this.window = window;
        this.limits = perLogin + "/" + perAddress + "/" + window.toMillis() + "ms";
        this.successes = attempts(meters, "success");
        this.failures = attempts(meters, "failure");
        this.refusals = attempts(meters, "throttled");
    }

    private static Counter attempts(MeterRegistry meters, String outcome) {
        return Counter.builder("populus.login.attempts").tag("outcome", outcome)
                .description("Client logins: passwords checked (success, failure) and refused unchecked (throttled)")
                .register(meters);
    }

    /** An attempt to log in: reserved on its counters (its password may be checked), or refused for a while. */
    record Attempt(String login, String address, Optional<Duration> refusal) {

        boolean refused() {
            return refusal.isPresent();
        }
    }

    /**
     * Reserves an attempt of this login from this address (null: unknown, counted as one address), or refuses it
     * with how long to wait.
     */
    Attempt reserve(String login, String address) {
        cleanUpNowAndThen();
        String who = login.toLowerCase(Locale.ROOT);
        String from = address == null || address.isEmpty() ? "unknown"
                : address.length() > ADDRESS_LENGTH ? address.substring(0, ADDRESS_LENGTH) : address;
        Optional<Duration> refusal = tx.execute(status -> {
            // always in this order (login, pair, address), so two attempts never wait for each other in a cycle
            var ofLogin = repository.add(limits, who, NONE, LoginFailureRepository.UNLIMITED, window).orElseThrow();
            boolean underAttack = ofLogin.attempts() > perLogin; // the others' attempts reached the limit
            if (repository.add(limits, who, from, underAttack ? 1 : perLogin, window).isEmpty()) {
                status.setRollbackOnly();
                var pair = repository.find(limits, who, from).orElseThrow();
                Duration wait = pair.attempts() >= perLogin || ofLogin.left().compareTo(pair.left()) > 0
                        ? pair.left() : ofLogin.left();
                return Optional.of(wait);
            }
            if (repository.add(limits, NONE, from, perAddress, window).isEmpty()) {
                status.setRollbackOnly();
                return Optional.of(repository.find(limits, NONE, from).orElseThrow().left());
            }
            return Optional.<Duration>empty();
        });
        if (refusal.isPresent()) {
            refusals.increment();
            return new Attempt(who, from, Optional.of(positive(refusal.get())));
        }
        return new Attempt(who, from, Optional.empty());
    }

    /** The password was wrong (or the account disabled): the attempt stays counted as a failure. */
    void failed(Attempt attempt) {
        failures.increment();
    }

    /**
     * The password was right: this address's failures against the login, and the attempt, are forgiven — the pair's
     * count is forgotten and taken back from the login's and the address's. (Failures against other logins, and
     * from other addresses, still count.)
     */
    void succeeded(Attempt attempt) {
        successes.increment();
        // one statement each, not one transaction: only reserve() holds two counters at once
        int forgiven = Math.max(1, repository.forget(limits, attempt.login(), attempt.address()));
        repository.takeBack(limits, attempt.login(), NONE, forgiven);
        repository.takeBack(limits, NONE, attempt.address(), forgiven);
    }

    /** The password could not be checked (an error): the attempt is given back. */
    void abandoned(Attempt attempt) {
        repository.takeBack(limits, attempt.login(), NONE, 1);
        repository.takeBack(limits, attempt.login(), attempt.address(), 1);
        repository.takeBack(limits, NONE, attempt.address(), 1);
    }

    private static Duration positive(Duration wait) {
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private void cleanUpNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastCleanUp.get();
        if (now - last > CLEAN_UP_EVERY.toMillis() && lastCleanUp.compareAndSet(last, now)) {
            for (int batch = 0; batch < 100 && repository.removeEnded(1000) == 1000; batch++) {
                // more ended counters are left
            }
        }
    }
}
