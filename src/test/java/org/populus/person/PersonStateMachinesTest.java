package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.populus.person.CensusStatus.MembershipLevel;
import org.populus.person.CensusStatus.PhoneVerification;
import org.populus.person.CensusStatus.State;
import org.populus.person.CensusStatus.Verification;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;

/** The four Census state machines of a person (docs/census-api.md#state-machines), without a database. */
class PersonStateMachinesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static Registrant person(CensusStatus status, LocalDate born) {
        return new Registrant(7L, 1, RegistrantKind.INDIVIDUAL, RegistrantTest.data(born), List.of(), List.of(),
                List.of(), Map.of(), status, NOW, NOW, status.discarded() ? NOW : null);
    }

    static Registrant pending() {
        return person(CensusStatus.pending(), LocalDate.of(1980, 1, 1));
    }

    private static void apply(Registrant r, PersonEvent... events) {
        for (PersonEvent e : events) {
            r.apply(e, TODAY, 18, NOW);
        }
    }

    @Test
    void theStateIsAcceptedTrashedUndoneAndCancelledAndCancelledIsFinal() {
        Registrant r = pending();
        apply(r, PersonEvent.ACCEPT);
        assertThat(r.status().state()).isEqualTo(State.ENABLED);
        assertThat(r.may(PersonEvent.ACCEPT, TODAY, 18)).isFalse();
        apply(r, PersonEvent.TRASH);
        assertThat(r.status().state()).isEqualTo(State.TRASHED);
        assertThat(r.discardedAt()).isEqualTo(NOW);
        apply(r, PersonEvent.UNDO);
        assertThat(r.status().state()).isEqualTo(State.PENDING);
        assertThat(r.discarded()).isFalse();
        apply(r, PersonEvent.CANCEL);
        assertThat(r.status().state()).isEqualTo(State.CANCELLED);
        assertThat(r.discarded()).isTrue();
        assertThat(r.may(PersonEvent.UNDO, TODAY, 18)).isFalse();
        assertThat(r.may(PersonEvent.CANCEL, TODAY, 18)).isFalse();
    }

    @Test
    void verificationIsRequestedReceivedVerifiedUndoneAndUnverified() {
        Registrant r = pending();
        apply(r, PersonEvent.REQUEST_VERIFICATION);
        assertThat(r.status().verification()).isEqualTo(Verification.VERIFICATION_REQUESTED);
        apply(r, PersonEvent.RECEIVE_VERIFICATION);
        assertThat(r.status().verification()).isEqualTo(Verification.VERIFICATION_RECEIVED);
        apply(r, PersonEvent.REQUEST_VERIFICATION, PersonEvent.VERIFY);
        assertThat(r.status().verification()).isEqualTo(Verification.VERIFIED);
        assertThat(r.may(PersonEvent.RECEIVE_VERIFICATION, TODAY, 18)).isFalse();
        apply(r, PersonEvent.UNDO_VERIFICATION);
        assertThat(r.status().verification()).isEqualTo(Verification.VERIFICATION_RECEIVED);
        apply(r, PersonEvent.VERIFY, PersonEvent.UNVERIFY);
        assertThat(r.status().verification()).isEqualTo(Verification.NOT_VERIFIED);
    }

    @Test
    void fraudAndMistakeAreFinalAndTrashThePerson() {
        Registrant r = pending();
        apply(r, PersonEvent.ACCEPT, PersonEvent.FRAUD_DETECTED);
        assertThat(r.status().verification()).isEqualTo(Verification.FRAUDULENT);
        assertThat(r.status().state()).isEqualTo(State.TRASHED);
        assertThat(r.discarded()).isTrue();
        assertThat(r.may(PersonEvent.MISTAKE_DETECTED, TODAY, 18)).isFalse();
        assertThat(r.may(PersonEvent.VERIFY, TODAY, 18)).isFalse();

        Registrant m = pending();
        apply(m, PersonEvent.MISTAKE_DETECTED);
        assertThat(m.status().verification()).isEqualTo(Verification.MISTAKE);
        assertThat(m.status().state()).isEqualTo(State.TRASHED);
    }

    @Test
    void becomingAMemberNeedsAKeptVerifiedAdult() {
        Registrant r = pending();
        assertThat(r.may(PersonEvent.TO_MEMBER, TODAY, 18)).isFalse();
        apply(r, PersonEvent.ACCEPT, PersonEvent.VERIFY, PersonEvent.TO_MEMBER);
        assertThat(r.status().membershipLevel()).isEqualTo(MembershipLevel.MEMBER);
        apply(r, PersonEvent.TO_FOLLOWER);
        assertThat(r.status().membershipLevel()).isEqualTo(MembershipLevel.FOLLOWER);

        Registrant minor = person(CensusStatus.pending(), TODAY.minusYears(18).plusDays(1));
        apply(minor, PersonEvent.ACCEPT, PersonEvent.VERIFY);
        assertThat(minor.may(PersonEvent.TO_MEMBER, TODAY, 18)).isFalse();
        Registrant birthday = person(CensusStatus.pending(), TODAY.minusYears(18));
        apply(birthday, PersonEvent.ACCEPT, PersonEvent.VERIFY);
        assertThat(birthday.may(PersonEvent.TO_MEMBER, TODAY, 18)).isTrue();

        Registrant discarded = person(CensusStatus.pending(), LocalDate.of(1980, 1, 1));
        apply(discarded, PersonEvent.VERIFY, PersonEvent.CANCEL);
        assertThat(discarded.may(PersonEvent.TO_MEMBER, TODAY, 18)).isFalse();
    }

    @Test
    void aVerifiedPhoneIsReassignedOrUnverifiedAndCannotBeVerifiedOnceThePersonIsCancelled() {
        Registrant r = pending();
        apply(r, PersonEvent.VERIFY_PHONE);
        assertThat(r.status().phoneVerification()).isEqualTo(PhoneVerification.VERIFIED);
        apply(r, PersonEvent.REASSIGN_PHONE);
        assertThat(r.status().phoneVerification()).isEqualTo(PhoneVerification.REASSIGNED);
        assertThat(r.may(PersonEvent.UNVERIFY_PHONE, TODAY, 18)).isFalse();
        apply(r, PersonEvent.VERIFY_PHONE, PersonEvent.UNVERIFY_PHONE);
        assertThat(r.status().phoneVerification()).isEqualTo(PhoneVerification.NOT_VERIFIED);
        apply(r, PersonEvent.CANCEL);
        assertThat(r.may(PersonEvent.VERIFY_PHONE, TODAY, 18)).isFalse();
    }

    @Test
    void aRefusedEventChangesNothing() {
        Registrant r = pending();
        CensusStatus before = r.status();
        assertThatThrownBy(() -> apply(r, PersonEvent.TO_FOLLOWER)).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo(Rule.TRANSITION_NOT_ALLOWED);
        assertThat(r.status()).isEqualTo(before);
    }
}
