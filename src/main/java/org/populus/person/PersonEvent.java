package org.populus.person;

/**
 * The events of a person's four Census state machines (state, identity verification, membership level, phone
 * verification). {@link Registrant#may(PersonEvent, java.time.LocalDate, int)} tells whether one is allowed now.
 */
public enum PersonEvent {
    /** pending → enabled. */
    ACCEPT,
    /** enabled or trashed → pending. */
    UNDO,
    /** pending or enabled → cancelled (discarded). */
    CANCEL,
    /** pending or enabled → trashed (discarded). */
    TRASH,
    /** not_verified or verification_received → verification_requested. */
    REQUEST_VERIFICATION,
    /** not_verified or verification_requested → verification_received. */
    RECEIVE_VERIFICATION,
    /** not_verified, verification_requested or verification_received → verified. */
    VERIFY,
    /** verified → verification_received. */
    UNDO_VERIFICATION,
    /** verified → not_verified. */
    UNVERIFY,
    /** any non-final verification → fraudulent; the person is trashed. */
    FRAUD_DETECTED,
    /** any non-final verification → mistake; the person is trashed. */
    MISTAKE_DETECTED,
    /** follower → member; the person must be kept (not discarded), verified and of age. */
    TO_MEMBER,
    /** member → follower; the person must be kept. */
    TO_FOLLOWER,
    /** any → verified phone; the person must be kept. */
    VERIFY_PHONE,
    /** not_verified or verified → not_verified phone. */
    UNVERIFY_PHONE,
    /** verified → reassigned phone (someone else proved it is theirs). */
    REASSIGN_PHONE
}
