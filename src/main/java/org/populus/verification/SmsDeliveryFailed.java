package org.populus.verification;

/** The SMS gateway did not take the message; the code it carried was voided. */
public class SmsDeliveryFailed extends RuntimeException {

    SmsDeliveryFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
