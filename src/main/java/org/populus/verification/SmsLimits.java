package org.populus.verification;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many verification SMS may leave, counted across every instance sharing the database: per person and per
 * destination number within {@code window}, and in all within {@code globalWindow}; and to which country calling
 * codes (empty: any).
 *
 * @param perPerson {@code POPULUS_PHONE_VERIFICATION_MAX_SMS} (3)
 * @param window {@code POPULUS_PHONE_VERIFICATION_SMS_WINDOW} (10 minutes)
 * @param perDestination {@code POPULUS_SMS_MAX_PER_DESTINATION} (5)
 * @param global {@code POPULUS_SMS_GLOBAL_MAX} (100)
 * @param globalWindow {@code POPULUS_SMS_GLOBAL_WINDOW} (1 minute)
 * @param perClient {@code POPULUS_SMS_CLIENT_MAX} (50): what one Census client (one origin) may send within
 *     {@code globalWindow}, so no client spends the whole global budget
 * @param allowedCountryCodes {@code POPULUS_SMS_ALLOWED_COUNTRY_CODES} (empty: any)
 */
record SmsLimits(int perPerson, Duration window, int perDestination, int global, Duration globalWindow,
        int perClient, Set<Integer> allowedCountryCodes) {

    /** The default share of one client in the global window. */
    static final int DEFAULT_PER_CLIENT = 50;

    SmsLimits {
        if (perPerson < 1 || perDestination < 1 || global < 1 || perClient < 1) {
            throw new IllegalArgumentException("SMS limits must be at least 1 (POPULUS_PHONE_VERIFICATION_MAX_SMS, "
                    + "POPULUS_SMS_MAX_PER_DESTINATION, POPULUS_SMS_GLOBAL_MAX, POPULUS_SMS_CLIENT_MAX)");
        }
        if (window.isNegative() || window.isZero() || globalWindow.isNegative() || globalWindow.isZero()) {
            throw new IllegalArgumentException("SMS windows must be positive (POPULUS_PHONE_VERIFICATION_SMS_WINDOW, "
                    + "POPULUS_SMS_GLOBAL_WINDOW)");
        }
        allowedCountryCodes = Set.copyOf(allowedCountryCodes);
    }

    /** With the allowed country codes as configured: comma-separated calling codes ({@code 34,33}), blank for any. */
    SmsLimits(int perPerson, Duration window, int perDestination, int global, Duration globalWindow,
            int perClient, String allowedCountryCodes) {
        this(perPerson, window, perDestination, global, globalWindow, perClient, countryCodes(allowedCountryCodes));
    }

    /** With the default share per client. */
    SmsLimits(int perPerson, Duration window, int perDestination, int global, Duration globalWindow,
            String allowedCountryCodes) {
        this(perPerson, window, perDestination, global, globalWindow, DEFAULT_PER_CLIENT,
                countryCodes(allowedCountryCodes));
    }

    static Set<Integer> countryCodes(String spec) {
        if (spec == null || spec.isBlank()) {
            return Set.of();
        }
        try {
            return Arrays.stream(spec.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> Integer.parseInt(s.startsWith("+") ? s.substring(1) : s))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("POPULUS_SMS_ALLOWED_COUNTRY_CODES (populus.sms.allowed-country-codes) "
                    + "must be country calling codes separated by commas, such as 34,33: '" + spec + "'");
        }
    }

    /** Whether a number of this country calling code may be texted. */
    boolean allows(int countryCode) {
        return allowedCountryCodes.isEmpty() || allowedCountryCodes.contains(countryCode);
    }
}
