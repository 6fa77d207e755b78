package org.populus.verification;

/**
 * No SMS was sent: the number is not of a country verification SMS may be sent to
 * ({@code POPULUS_SMS_ALLOWED_COUNTRY_CODES}), or not a number whose country can be told.
 */
public class SmsDestinationRefused extends RuntimeException {

    SmsDestinationRefused(String message) {
        super(message, null, false, false);
    }
}
