package org.populus.verification;

/**
 * Hands one SMS to whatever delivers it ({@code POPULUS_SMS_SENDER}: {@code log}, {@code file} or {@code http}).
 * Throws {@link SmsDeliveryFailed} when it could not.
 */
interface SmsSender {

    void send(String to, String body);
}
