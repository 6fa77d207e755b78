package org.populus.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per login and per client address in PostgreSQL (Bucket4j token buckets, table
 * {@code login_throttle}), so every instance shares the counts. Each bucket holds as many failures as allowed per
 * window ({@code populus.security.login.max-failures-per-login}, default 10; {@code …-per-address}, default 50;
 * {@code populus.security.login.failure-window}, default 15 minutes) and refills gradually over the window. Only
 * failures take a token; once either bucket of an attempt is empty, logins are refused without checking the
 * password until it refills. Instances sharing a database should share these settings: counts are kept per
 * setting (a change of limits starts them afresh).
 */
@Component
class LoginThrottle {

    private static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(1);

    private final LoginThrottleRepository repository;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration perLogin;
    private final BucketConfiguration perAddress;
    private final String loginPrefix;
    private final String addressPrefix;
    private final AtomicLong lastCleanUp = new AtomicLong();

    LoginThrottle(LoginThrottleRepository repository,
            @Value("${populus.security.login.max-failures-per-login:10}") int maxPerLogin,
            @Value("${populus.security.login.max-failures-per-address:50}") int maxPerAddress,
            @Value("${populus.security.login.failure-window:15m}") Duration window) {
        this.repository = repository;
        this.buckets = repository.buckets();
        this.perLogin = configuration(maxPerLogin, window);
        this.perAddress = configuration(maxPerAddress, window);
        // a bucket keeps the limits it was created with: keys name them, so changed settings take effect at once
        this.loginPrefix = "login:" + maxPerLogin + "/" + window.toSeconds() + "s:";
        this.addressPrefix = "address:" + maxPerAddress + "/" + window.toSeconds() + "s:";
    }

    private static BucketConfiguration configuration(int failures, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, window).build())
                .build();
    }

    /**
     * How long until this login may be tried again from this address; empty if it may be tried now. Costs one
     * read when neither has failed lately (buckets exist only after a failure).
     */
    Optional<Duration> refusal(String login, String address) {
        String loginKey = loginKey(login);
        String addressKey = address == null ? null : addressKey(address);
        List<String> failed = repository.withBucket(loginKey, addressKey == null ? loginKey : addressKey);
        long wait = 0;
        if (failed.contains(loginKey)) {
            wait = waitNanos(loginKey, perLogin);
        }
        if (addressKey != null && failed.contains(addressKey)) {
            wait = Math.max(wait, waitNanos(addressKey, perAddress));
        }
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    /** Records a failed login. */
    void failed(String login, String address) {
        buckets.getProxy(loginKey(login), () -> perLogin).tryConsume(1);
        if (address != null) {
            buckets.getProxy(addressKey(address), () -> perAddress).tryConsume(1);
        }
        long now = System.currentTimeMillis();
        long last = lastCleanUp.get();
        if (now - last > CLEAN_UP_EVERY.toMillis() && lastCleanUp.compareAndSet(last, now)) {
            // buckets refilled up to full are forgotten
            for (int batch = 0; batch < 100 && buckets.removeExpired(1000) == 1000; batch++) {
                // more expired buckets are left
            }
        }
    }

    private long waitNanos(String key, BucketConfiguration configuration) {
        EstimationProbe probe = buckets.getProxy(key, () -> configuration).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(probe.getNanosToWaitForRefill(), 1);
    }

    private String loginKey(String login) {
        return loginPrefix + login.toLowerCase(Locale.ROOT);
    }

    private String addressKey(String address) {
        return addressPrefix + address;
    }
}
