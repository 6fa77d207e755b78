package org.populus.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.populus.person.CensusPersonData;
import org.populus.person.CensusStatus;
import org.populus.person.PersonEvent;

/** What accepting or rejecting each kind of request asks of and does to its person, without a database. */
class EffectsTest {

    private static final CensusPersonData CURRENT = new CensusPersonData("Ana", "Ruiz", null, "dni", "00000001R",
            "ES", LocalDate.of(1980, 1, 1), "female", "Calle Mayor 1", "ES", "28001", "ana@example.org", "ES",
            "+34600000001");

    private static CensusPersonData only(String documentType, String documentId, String phone, String address) {
        return new CensusPersonData(null, null, null, documentType, documentId, null, null, null, address, null,
                null, null, null, phone);
    }

    @Test
    void acceptingARegistrationFiresAcceptOnAPersonNotYetEnabled() {
        assertThat(Effects.acceptance(new ProcedureRequest.Registration(CURRENT, Map.of())))
                .isEqualTo(new Effects.Acceptance(false, PersonEvent.ACCEPT));
    }

    @Test
    void acceptingADataChangeNeedsAnEnabledPerson() {
        assertThat(Effects.acceptance(new ProcedureRequest.DataChange(only(null, null, null, "Calle Nueva 2"))))
                .isEqualTo(new Effects.Acceptance(true, null));
    }

    @Test
    void acceptingACancellationFiresCancelWhateverTheState() {
        assertThat(Effects.acceptance(new ProcedureRequest.Cancellation("decidim", null, null)))
                .isEqualTo(new Effects.Acceptance(false, PersonEvent.CANCEL));
    }

    @Test
    void acceptingAMoveToMemberFiresToMemberOnAnEnabledPerson() {
        assertThat(Effects.acceptance(new ProcedureRequest.MembershipLevelChange(
                CensusStatus.MembershipLevel.MEMBER))).isEqualTo(new Effects.Acceptance(true, PersonEvent.TO_MEMBER));
    }

    @Test
    void acceptingAMoveToFollowerFiresToFollowerOnAnEnabledPerson() {
        assertThat(Effects.acceptance(new ProcedureRequest.MembershipLevelChange(
                CensusStatus.MembershipLevel.FOLLOWER)))
                .isEqualTo(new Effects.Acceptance(true, PersonEvent.TO_FOLLOWER));
    }

    @Test
    void acceptingADocumentVerificationFiresVerifyOnAnEnabledPerson() {
        assertThat(Effects.acceptance(ProcedureRequest.DocumentVerification.WITH_ATTACHMENTS))
                .isEqualTo(new Effects.Acceptance(true, PersonEvent.VERIFY));
    }

    @Test
    void acceptingAPhoneVerificationNeedsAnEnabledPerson() {
        assertThat(Effects.acceptance(new ProcedureRequest.PhoneVerification("+34600000002")))
                .isEqualTo(new Effects.Acceptance(true, null));
    }

    @Test
    void rejectingARegistrationTrashesThePerson() {
        assertThat(Effects.rejectionEvent(ProcedureType.REGISTRATION)).isEqualTo(PersonEvent.TRASH);
    }

    @Test
    void rejectingADocumentVerificationAsksForAnotherOne() {
        assertThat(Effects.rejectionEvent(ProcedureType.DOCUMENT_VERIFICATION))
                .isEqualTo(PersonEvent.REQUEST_VERIFICATION);
    }

    @Test
    void rejectingAnyOtherProcedureLeavesThePersonAlone() {
        for (ProcedureType type : List.of(ProcedureType.PERSON_DATA_CHANGE, ProcedureType.CANCELLATION,
                ProcedureType.MEMBERSHIP_LEVEL_CHANGE, ProcedureType.PHONE_VERIFICATION)) {
            assertThat(Effects.rejectionEvent(type)).as(type.code()).isNull();
        }
    }

    @Test
    void aNewDocumentUnverifiesThePerson() {
        assertThat(Effects.dataChangeEvents(only("dni", "00000002W", null, null), CURRENT))
                .containsExactly(PersonEvent.UNVERIFY);
    }

    @Test
    void theSameDocumentGivenAgainUnverifiesNobody() {
        assertThat(Effects.dataChangeEvents(only("dni", "00000001R", null, null), CURRENT)).isEmpty();
    }

    @Test
    void aNewPhoneUnverifiesThePhone() {
        assertThat(Effects.dataChangeEvents(only(null, null, "+34600000009", null), CURRENT))
                .containsExactly(PersonEvent.UNVERIFY_PHONE);
    }

    @Test
    void aNewDocumentAndPhoneUnverifyBothInThatOrder() {
        assertThat(Effects.dataChangeEvents(only("passport", "AB123456", "+34600000009", null), CURRENT))
                .containsExactly(PersonEvent.UNVERIFY, PersonEvent.UNVERIFY_PHONE);
    }

    @Test
    void aChangeOfOtherDataFiresNoEvent() {
        assertThat(Effects.dataChangeEvents(only(null, null, null, "Calle Nueva 2"), CURRENT)).isEmpty();
    }
}
