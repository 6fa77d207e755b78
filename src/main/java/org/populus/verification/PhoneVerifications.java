package org.populus.verification;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.populus.platform.db.AdvisoryLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifying a person's phone by SMS (docs/census-api.md#phone-verification). {@link #sendCode} texts a fresh
 * 7-digit code bound to the person and the phone; {@link #confirm} accepts it once, within its lifetime
 * ({@code POPULUS_PHONE_VERIFICATION_CODE_LIFETIME}, 5 minutes), and for at most 5 wrong attempts. Only an
 * HMAC-SHA256 of (person, phone, code) is stored, under a key derived from {@link FilesKey}. Against SMS
 * pumping, counted across instances in {@code sms_sent}: a person gets at most
 * {@code POPULUS_PHONE_VERIFICATION_MAX_SMS} (3) SMS per {@code POPULUS_PHONE_VERIFICATION_SMS_WINDOW} (10
 * minutes), a number at most {@code POPULUS_SMS_MAX_PER_DESTINATION} (5) in that window whoever asks, one Census
 * client (its origin) at most {@code POPULUS_SMS_CLIENT_MAX} (50) and all together at most
 * {@code POPULUS_SMS_GLOBAL_MAX} (100) per {@code POPULUS_SMS_GLOBAL_WINDOW} (1 minute); with
 * {@code POPULUS_SMS_ALLOWED_COUNTRY_CODES} set, only numbers of those country calling codes are texted.
 *
 * <p>Phones are compared in E.164 ({@code 0034666666666}, {@code +34 666-666-666} and {@code 666666666} are one
 * phone; numbers without a prefix are read in {@code POPULUS_PHONE_DEFAULT_REGION}, default ES); a number
 * libphonenumber cannot validate is compared as given without spaces, dashes, dots and brackets, with a leading
 * {@code 00} read as {@code +}.
 */
@Service
public class PhoneVerifications {

    static final int MAX_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(PhoneVerifications.class);
    private static final Map<String, String> TEXTS = Map.of(
            "es", "Tu código de activación es %s",
            "ca", "El teu codi d'activació és %s",
            "eu", "Zure aktibazio-kodea %s da",
            "en", "Your activation code is %s",
            "gl", "O teu código de activación é %s");

    private final PhoneCodeRepository codes;
    private final AdvisoryLocks locks;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate joinedTransaction;
    private final SmsSender sender;
    private final Clock clock;
    private final SecretKeySpec hashKey;
    private final Duration codeLifetime;
    private final SmsLimits limits;
    private final String defaultRegion;
    private final PhoneNumberUtil phoneUtil = PhoneNumberUtil.getInstance();
    private final SecureRandom random = new SecureRandom();

    @Autowired
    PhoneVerifications(JdbcClient jdbc, PlatformTransactionManager transactions, FilesKey filesKey,
            SmsSender sender, Clock clock,
            @Value("${populus.phone-verification.code-lifetime:5m}") Duration codeLifetime,
            @Value("${populus.phone-verification.max-sms:3}") int maxSms,
            @Value("${populus.phone-verification.sms-window:10m}") Duration smsWindow,
            @Value("${populus.sms.max-per-destination:5}") int maxPerDestination,
            @Value("${populus.sms.global-max:100}") int globalMax,
            @Value("${populus.sms.global-window:1m}") Duration globalWindow,
            @Value("${populus.sms.client-max:" + SmsLimits.DEFAULT_PER_CLIENT + "}") int clientMax,
            @Value("${populus.sms.allowed-country-codes:}") String allowedCountryCodes,
            @Value("${populus.phone.default-region:ES}") String defaultRegion) {
        this(jdbc, transactions, filesKey, sender, clock, codeLifetime, new SmsLimits(maxSms, smsWindow,
                maxPerDestination, globalMax, globalWindow, clientMax, allowedCountryCodes), defaultRegion);
    }

    /** With the default destination and global limits and any country (tests). */
    PhoneVerifications(JdbcClient jdbc, PlatformTransactionManager transactions, FilesKey filesKey,
            SmsSender sender, Clock clock, Duration codeLifetime, int maxSms, Duration smsWindow,
            String defaultRegion) {
        this(jdbc, transactions, filesKey, sender, clock, codeLifetime,
                new SmsLimits(maxSms, smsWindow, 5, 100, Duration.ofMinutes(1), ""), defaultRegion);
    }

    PhoneVerifications(JdbcClient jdbc, PlatformTransactionManager transactions, FilesKey filesKey,
            SmsSender sender, Clock clock, Duration codeLifetime, SmsLimits limits, String defaultRegion) {
        this.codes = new PhoneCodeRepository(jdbc);
        this.locks = new AdvisoryLocks(jdbc);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joinedTransaction = new TransactionTemplate(transactions);
        this.sender = sender;
        this.clock = clock;
        this.hashKey = new SecretKeySpec(filesKey.derive("populus:phone-code:hmac-sha256"), "HmacSHA256");
        this.codeLifetime = codeLifetime;
        this.limits = limits;
        this.defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? "ZZ"
                : defaultRegion.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Texts the person a new code for this phone (sent to its E.164 form when it has one), in the locale's language
     * (es, ca, eu, en or gl; anything else is es), voiding any code sent before. The code and the rate-limit count are committed first, then the SMS is
     * handed to the sender; if that fails the code is voided (it still counts towards the limit: the gateway may
     * have charged or delivered). Must be called outside any transaction, so the code is committed before it
     * leaves.
     *
     * @throws SmsRateLimited if the person, the number or everyone together already had the maximum of SMS within
     *     the window; nothing is sent
     * @throws SmsDestinationRefused if the number is not of an allowed country; nothing is sent or counted
     * @throws SmsDeliveryFailed if the sender could not deliver it
     * @throws IllegalArgumentException if the phone is blank
     * @throws org.springframework.dao.DataIntegrityViolationException if there is no registrant {@code personId}
     * @throws IllegalStateException if called inside a transaction
     */
    public void sendCode(long personId, String phone, String locale) {
        sendCode(personId, phone, locale, null);
    }

    /**
     * As {@link #sendCode(long, String, String)}, for a Census client: the SMS also counts against the client's
     * own budget ({@code POPULUS_SMS_CLIENT_MAX} per {@code POPULUS_SMS_GLOBAL_WINDOW}), so one client never
     * spends the whole global budget.
     *
     * @param client what the client's SMS are counted under (its origin); null for none (the registry itself)
     * @throws SmsRateLimited also when the client already had its share within the global window
     */
    public void sendCode(long personId, String phone, String locale, String client) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("sendCode commits the code before sending it; call it outside a"
                    + " transaction");
        }
        String normalized = normalize(phone)
                .orElseThrow(() -> new IllegalArgumentException("A phone number is required"));
        checkCountry(normalized);
        String code = String.format("%07d", random.nextInt(10_000_000));
        String body = String.format(text(locale), code);
        long codeId = ownTransaction.execute(status -> {
            // always in this order (person, destination, client, everyone), so two requests never wait on each other
            lock("populus:sms:" + personId);
            lock("populus:sms:to:" + normalized);
            if (client != null) {
                lock("populus:sms:client:" + client);
            }
            lock("populus:sms:all");
            // the time is read once the locks are held: a request that waited counts every SMS sent before it
            Instant now = now();
            Instant windowStart = now.minus(limits.window());
            Instant globalStart = now.minus(limits.globalWindow());
            codes.forgetSentUntil(windowStart.isBefore(globalStart) ? windowStart : globalStart);
            long sent = codes.sentToPerson(personId, windowStart, now);
            if (sent >= limits.perPerson()) {
                throw new SmsRateLimited("Too many SMS for person " + personId);
            }
            long toDestination = codes.sentToNumber(normalized, windowStart, now);
            if (toDestination >= limits.perDestination()) {
                throw new SmsRateLimited("Too many SMS to " + normalized);
            }
            if (client != null) {
                long byClient = codes.sentForClient(client, globalStart, now);
                if (byClient >= limits.perClient()) {
                    log.warn("Verification SMS refused: client {} had {} in the last {} (POPULUS_SMS_CLIENT_MAX)",
                            client, byClient, limits.globalWindow());
                    throw new SmsRateLimited("Too many SMS for client " + client);
                }
            }
            long all = codes.sentInAll(globalStart, now);
            if (all >= limits.global()) {
                log.warn("Verification SMS refused: {} were sent in the last {} (POPULUS_SMS_GLOBAL_MAX)", all,
                        limits.globalWindow());
                throw new SmsRateLimited("Too many SMS in all");
            }
            codes.deleteCodesOf(personId);
            codes.recordSent(personId, normalized, client, now);
            return codes.insertCode(personId, normalized, hash(personId, normalized, code), now,
                    now.plus(codeLifetime));
        });
        try {
            sender.send(normalized, body);
        } catch (RuntimeException e) {
            ownTransaction.executeWithoutResult(status -> codes.deleteCode(codeId));
            throw e instanceof SmsDeliveryFailed failed ? failed : new SmsDeliveryFailed("SMS not sent: " + e, e);
        }
    }

    private void lock(String key) {
        locks.lockForTransaction(key);
    }

    /** Refuses a number outside the allowed country calling codes, or whose country cannot be told, when set. */
    private void checkCountry(String normalized) {
        if (limits.allowedCountryCodes().isEmpty()) {
            return;
        }
        int countryCode;
        try {
            Phonenumber.PhoneNumber parsed = phoneUtil.parse(normalized, defaultRegion);
            countryCode = phoneUtil.isValidNumber(parsed) ? parsed.getCountryCode() : -1;
        } catch (NumberParseException e) {
            countryCode = -1;
        }
        if (countryCode < 0 || !limits.allows(countryCode)) {
            throw new SmsDestinationRefused("SMS are not sent to " + normalized
                    + " (POPULUS_SMS_ALLOWED_COUNTRY_CODES)");
        }
    }

    /**
     * Whether this is the live code the person was sent for this phone: true once, then the code is used. A wrong
     * code (or the right code for another phone) counts as a failed attempt; after 5 the code is void. An expired,
     * used or voided code, or none, is false. Joins the caller's transaction if there is one (row-locked, so
     * concurrent confirmations of one code succeed at most once).
     */
    public boolean confirm(long personId, String phone, String code) {
        Optional<String> normalized = normalize(phone);
        if (normalized.isEmpty()) {
            return false;
        }
        byte[] offered = hash(personId, normalized.get(), code == null ? "" : code.strip());
        return Boolean.TRUE.equals(joinedTransaction.execute(status -> {
            Optional<PhoneCodeRepository.LiveCode> live = codes.lockLatestUnused(personId);
            if (live.isEmpty()) {
                return false;
            }
            PhoneCodeRepository.LiveCode c = live.get();
            Instant now = now();
            if (!now.isBefore(c.expiresAt()) || c.failedAttempts() >= MAX_ATTEMPTS) {
                return false;
            }
            if (MessageDigest.isEqual(offered, c.hash())) {
                codes.markUsed(c.id(), now);
                return true;
            }
            codes.countFailedAttempt(c.id());
            return false;
        }));
    }

    /** The SMS text for a locale (es, ca, eu, en, gl; anything else, or none, is es), with one %s for the code. */
    static String text(String locale) {
        if (locale == null) {
            return TEXTS.get("es");
        }
        String language = locale.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return TEXTS.getOrDefault(language, TEXTS.get("es"));
    }

    /** The phone as compared and stored: E.164 when libphonenumber validates it; empty when blank. */
    Optional<String> normalize(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String cleaned = phone.replaceAll("[\\s\\-.()/\\u00a0]", "");
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = phoneUtil.parse(cleaned, defaultRegion);
            if (phoneUtil.isValidNumber(parsed)) {
                return Optional.of(phoneUtil.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        } catch (NumberParseException e) {
            // not a number libphonenumber understands: compare it as written
        }
        return Optional.of(cleaned.startsWith("00") ? "+" + cleaned.substring(2) : cleaned);
    }

    private byte[] hash(long personId, String phone, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            byte[] p = phone.getBytes(StandardCharsets.UTF_8);
            mac.update((personId + "\0" + p.length + "\0").getBytes(StandardCharsets.US_ASCII));
            mac.update(p);
            mac.update((byte) 0);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
