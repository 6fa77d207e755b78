package org.populus.person;

import java.util.Locale;

/** The four Census state machines' current states. */
public record CensusStatus(State state, Verification verification, MembershipLevel membershipLevel,
        PhoneVerification phoneVerification) {

    /** A registrant entered directly by registry staff (OpenG2P) is accepted at once. */
    public static CensusStatus enabled() {
        return new CensusStatus(State.ENABLED, Verification.NOT_VERIFIED, MembershipLevel.FOLLOWER,
                PhoneVerification.NOT_VERIFIED);
    }

    /** A Census registration waits for its procedure. */
    public static CensusStatus pending() {
        return new CensusStatus(State.PENDING, Verification.NOT_VERIFIED, MembershipLevel.FOLLOWER,
                PhoneVerification.NOT_VERIFIED);
    }

    CensusStatus with(State s) {
        return new CensusStatus(s, verification, membershipLevel, phoneVerification);
    }

    CensusStatus with(Verification v) {
        return new CensusStatus(state, v, membershipLevel, phoneVerification);
    }

    CensusStatus with(MembershipLevel m) {
        return new CensusStatus(state, verification, m, phoneVerification);
    }

    CensusStatus with(PhoneVerification p) {
        return new CensusStatus(state, verification, membershipLevel, p);
    }

    public boolean discarded() {
        return state == State.CANCELLED || state == State.TRASHED;
    }

    public enum State {
        PENDING, ENABLED, CANCELLED, TRASHED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Verification {
        NOT_VERIFIED, VERIFICATION_REQUESTED, VERIFICATION_RECEIVED, VERIFIED, MISTAKE, FRAUDULENT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum MembershipLevel {
        FOLLOWER, MEMBER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum PhoneVerification {
        NOT_VERIFIED, VERIFIED, REASSIGNED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String code) {
        return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
    }
}
