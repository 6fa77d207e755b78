package org.populus.access;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of a login attempt: the account, or a refusal; a refusal because of too many failed logins says
 * how long to wait ({@code retryAfter}).
 */
public record LoginOutcome(Optional<UserAccount> account, Optional<Duration> retryAfter) {

    static LoginOutcome success(UserAccount account) {
        return new LoginOutcome(Optional.of(account), Optional.empty());
    }

    static LoginOutcome refused() {
        return new LoginOutcome(Optional.empty(), Optional.empty());
    }

    static LoginOutcome throttled(Duration retryAfter) {
        return new LoginOutcome(Optional.empty(), Optional.of(retryAfter));
    }

    /** Whole seconds to wait before trying again, at least 1; 0 when not throttled. */
    public long retryAfterSeconds() {
        return retryAfter.map(d -> Math.max(1, (d.toMillis() + 999) / 1000)).orElse(0L);
    }
}
