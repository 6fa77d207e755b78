package org.populus.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.populus.shared.ClientOrigins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * API keys of the Census API's client applications, one per application, managed by admins.
 *
 * <p>Each key belongs to one origin, the calling system whose people it reaches (docs/census-api.md#client-isolation).
 *
 * <p>A key is {@code populus_} followed by 40 random letters and digits (base62, about 238 bits from
 * {@link SecureRandom}). It is shown once, when created; only its SHA-256 is stored, with its first characters
 * ({@code prefix}) so admins can tell keys apart. A fast hash is enough: the secret is random, not a password.
 *
 * <p>{@link #authenticate(String)} runs on every Census request, so it is cheap: text that does not look like a
 * key is refused without a query, and every answer (key or no key) is remembered per hash for a short while
 * ({@code populus.census.api-key-cache}, default 5 s; {@code 0s} to always ask the database). Revoking a key
 * forgets it at once on this instance; other instances stop accepting it within that time at most. When a key was
 * last used is recorded to the minute (at most one write per key, minute and instance).
 */
@Service
public class ApiKeys {

    /** What every key starts with, so a leaked key is recognisable (secret scanners, logs). */
    public static final String KEY_PREFIX = "populus_";
    /** Longest key name. */
    public static final int MAX_NAME = 100;

    static final int SECRET_LENGTH = 40;
    /** Random characters kept in the prefix shown to admins. */
    static final int SHOWN = 6;
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .toCharArray();
    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(KEY_PREFIX) + "[0-9A-Za-z]{"
            + SECRET_LENGTH + "}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final long LAST_USED_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int MAX_CACHED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final ApiKeyRepository repository;
    private final SecureRandom random = new SecureRandom();
    private final long ttlNanos;
    /** hash → what the database said (a key in use, or none) and when. */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** key id → when this instance last wrote its {@code last_used_at}. */
    private final Map<Long, Long> lastUsedWritten = new ConcurrentHashMap<>();
    /** Bumped on every revocation: a look-up started before one must not store what it read. */
    private final AtomicLong epoch = new AtomicLong();

    ApiKeys(ApiKeyRepository repository, @Value("${populus.census.api-key-cache:5s}") Duration cache) {
        this.repository = repository;
        this.ttlNanos = cache.toNanos();
    }

    /**
     * Creates a key for the application {@code name} whose origin is made from its name ({@link #originOfName}):
     * for an application named as its qualified ids name it ({@code decidim-1}).
     *
     * @throws AccessException {@code INVALID} when the name is no valid origin, see {@link #create(String, String,
     *     String)}
     */
    public NewApiKey create(String name, String createdBy) {
        return create(name, null, createdBy);
    }

    /**
     * Creates a key for the application {@code name} (trimmed; 1 to {@value #MAX_NAME} characters, no control
     * characters; unique, case-insensitively, among the keys in use) of the origin {@code origin}: the calling
     * system whose people the key reaches (trimmed; see {@link ClientOrigins}; several keys may share one, e.g. to
     * replace a key). Without an origin (null or blank), the origin is made from the name
     * ({@link #originOfName}).
     *
     * @param createdBy who asks (a login), kept for the record
     * @return the key with its secret, which is not kept and cannot be shown again
     * @throws AccessException {@code INVALID} for a bad name or origin, {@code DUPLICATE} when a key in use has the
     *     name
     */
    public NewApiKey create(String name, String origin, String createdBy) {
        String clean = checkName(name);
        boolean fromName = origin == null || origin.isBlank();
        String cleanOrigin = checkOrigin(fromName ? originOfName(clean) : origin.strip(), fromName);
        String secret = newSecret();
        try {
            ApiKey key = repository.insert(clean, cleanOrigin, hash(secret),
                    secret.substring(0, KEY_PREFIX.length() + SHOWN), createdBy);
            return new NewApiKey(key, secret);
        } catch (DuplicateKeyException e) {
            throw new AccessException(AccessException.Reason.DUPLICATE, "An API key named '" + clean
                    + "' is already in use; revoke it first or choose another name.");
        }
    }

    /** Every key, revoked ones included, oldest first. */
    public List<ApiKey> list() {
        return repository.list();
    }

    public Optional<ApiKey> find(long id) {
        return repository.find(id);
    }

    /**
     * Revokes a key: it stops working at once on this instance, and within the cache time on the others. Revoking
     * a revoked key changes nothing. Runs as one statement of its own, so the key is forgotten after the
     * revocation is committed.
     *
     * @param revokedBy who asks (a login), kept for the record
     * @throws AccessException {@code NOT_FOUND} for an unknown id
     */
    public ApiKey revoke(long id, String revokedBy) {
        Optional<ApiKey> revoked = repository.revoke(id, revokedBy);
        forget(id);
        return revoked.or(() -> find(id)).orElseThrow(() -> new AccessException(AccessException.Reason.NOT_FOUND,
                "API key " + id + " does not exist."));
    }

    /** The key in use whose secret this is; empty for anything else (unknown, revoked, malformed, null). */
    public Optional<ApiKey> authenticate(String presented) {
        if (!wellFormed(presented)) {
            return Optional.empty();
        }
        String hash = hash(presented);
        long now = System.nanoTime();
        Optional<ApiKey> key;
        Cached cached = ttlNanos > 0 ? cache.get(hash) : null;
        if (cached != null && now - cached.loadedAt < ttlNanos) {
            key = Optional.ofNullable(cached.key);
        } else {
            long before = epoch.get();
            key = repository.findInUse(hash);
            if (ttlNanos > 0 && epoch.get() == before) {
                if (cache.size() >= MAX_CACHED) {
                    cache.clear();
                }
                cache.put(hash, new Cached(key.orElse(null), now));
            }
        }
        key.ifPresent(k -> recordUse(k, now));
        return key;
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private void forget(long id) {
        epoch.incrementAndGet();
        cache.values().removeIf(c -> c.key != null && c.key.id() == id);
        lastUsedWritten.remove(id);
    }

    private void recordUse(ApiKey key, long now) {
        Long last = lastUsedWritten.get(key.id());
        if (last != null && now - last < LAST_USED_EVERY_NANOS) {
            return;
        }
        lastUsedWritten.put(key.id(), now);
        try {
            repository.touch(key.id());
        } catch (DataAccessException e) {
            log.debug("Could not record the use of API key {}", key.id(), e); // bookkeeping only
        }
    }

    static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new AccessException(AccessException.Reason.INVALID, "An API key needs a name (its application).");
        }
        if (clean.length() > MAX_NAME) {
            throw new AccessException(AccessException.Reason.INVALID,
                    "An API key's name has at most " + MAX_NAME + " characters.");
        }
        if (CONTROL.matcher(clean).find()) {
            throw new AccessException(AccessException.Reason.INVALID,
                    "An API key's name must not contain control characters.");
        }
        return clean;
    }

    /**
     * The origin a key gets from its name when none is given: the name with every run of characters an origin
     * cannot hold made one {@code -}, without leading or trailing ones ({@code Decidim Barcelona} →
     * {@code Decidim-Barcelona}).
     */
    static String originOfName(String name) {
        return name.replaceAll("[^A-Za-z0-9._:-]+", "-").replaceAll("^[^A-Za-z0-9]+|-+$", "");
    }

    static String checkOrigin(String origin, boolean fromName) {
        if (!ClientOrigins.valid(origin)) {
            throw new AccessException(AccessException.Reason.INVALID, (fromName
                    ? "An API key needs an origin (the calling system, as in 8926202@decidim-1); its name is none. "
                    : "")
                    + "An origin is a letter or digit followed by at most " + (ClientOrigins.MAX - 1)
                    + " letters, digits, '.', '_', ':' or '-', and is neither 'census' nor 'document_id'.");
        }
        return origin;
    }

    String newSecret() {
        StringBuilder s = new StringBuilder(KEY_PREFIX.length() + SECRET_LENGTH).append(KEY_PREFIX);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    /** Whether this text has the form of a key (it may still be unknown). */
    static boolean wellFormed(String presented) {
        return presented != null && FORMAT.matcher(presented).matches();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Cached(ApiKey key, long loadedAt) {
    }
}
