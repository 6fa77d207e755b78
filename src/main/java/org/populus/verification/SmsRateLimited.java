package org.populus.verification;

/**
 * No SMS was sent: the person, the destination number or everyone together already had the maximum number sent
 * within the window ({@link PhoneVerifications}).
 */
public class SmsRateLimited extends RuntimeException {

    SmsRateLimited(String message) {
        super(message, null, false, false);
    }
}
