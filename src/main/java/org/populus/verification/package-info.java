/**
 * Verification: the evidence behind the Census API's verification procedures — the files of document
 * verifications, stored encrypted, and the SMS codes of phone verifications, stored hashed. How many SMS may leave
 * is limited per person, per destination number and in all, across every instance sharing the database, and
 * optionally to some country calling codes ({@code SmsLimits}); SMS leave through a configured sender (log, file
 * or HTTP gateway: {@code SmsSenders}).
 *
 * <p>Owns tables {@code attachment}, {@code phone_code}, {@code sms_sent}, and the files key
 * ({@code POPULUS_FILES_KEY}, or {@code files.key} in the data directory) from which its encryption and hashing
 * keys are derived. Knows nothing of HTTP: the Census API adapter calls it. Public API:
 * {@link org.populus.verification.Attachments} with {@link org.populus.verification.Upload},
 * {@link org.populus.verification.AttachmentInfo} and {@link org.populus.verification.AttachmentRejected};
 * {@link org.populus.verification.PhoneVerifications} with {@link org.populus.verification.SmsRateLimited},
 * {@link org.populus.verification.SmsDestinationRefused} and {@link org.populus.verification.SmsDeliveryFailed}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verification")
package org.populus.verification;
