package org.populus.api.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.populus.access.AuthenticatedUser;
import org.populus.access.Role;

/**
 * The caller of the start-up warm-up ({@link WarmUp}): while it runs, requests carrying its secret in
 * {@link #HEADER} read the registry as {@code system:warm-up} (role registry-read only). The secret is drawn at
 * random when the warm-up starts, never leaves the process, and stops working when the warm-up ends, before the
 * instance reports ready.
 */
public final class WarmUpCaller {

    public static final String HEADER = "X-Populus-Warm-Up";
    static final AuthenticatedUser USER = new AuthenticatedUser("system:warm-up", Set.of(Role.REGISTRY_READ), null);

    private volatile byte[] secret;

    /** Starts accepting a new secret, and returns it. */
    String open() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String value = HexFormat.of().formatHex(bytes);
        secret = value.getBytes(StandardCharsets.US_ASCII);
        return value;
    }

    /** No secret works any more. */
    void close() {
        secret = null;
    }

    /** The warm-up caller, when the warm-up runs and the value is its secret. */
    Optional<AuthenticatedUser> user(String value) {
        byte[] current = secret;
        if (current == null || value == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(current, value.strip().getBytes(StandardCharsets.US_ASCII)) ? Optional.of(USER)
                : Optional.empty();
    }
}
