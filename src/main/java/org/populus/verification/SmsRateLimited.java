package org.populus.verification;

/** No SMS was sent: the person already had the maximum number sent within the window (3 per 10 minutes). */
public class SmsRateLimited extends RuntimeException {

    SmsRateLimited(long personId) {
        super("Too many SMS for person " + personId, null, false, false);
    }
}
