package org.populus.api.openg2p;

import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Response bodies, with the documented (alias) names, in the documented order. */
final class Responses {

    private Responses() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RegIdOut(long id, String idTypeAsStr, String value, LocalDate expiryDate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PhoneOut(long id, String phoneNo, String phoneSanitized, LocalDate dateCollected, LocalDate disabled) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProgramMembershipOut(long programId, String state, LocalDate enrollmentDate, LocalDate exitDate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IndividualOut(long id, String name, List<RegIdOut> regIds, boolean isGroup, LocalDate registrationDate,
            List<PhoneOut> phoneNumberIds, String email, String address, String additionalG2pInfo,
            List<ProgramMembershipOut> programMembershipIds, String notificationPreference, String givenName,
            String addlName, String familyName, String gender, LocalDate birthdate, String age,
            String birthPlace) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GroupShortOut(long id, String name, List<RegIdOut> regIds, boolean isGroup, LocalDate registrationDate,
            List<PhoneOut> phoneNumberIds, String email, String address, String additionalG2pInfo,
            List<ProgramMembershipOut> programMembershipIds, String notificationPreference) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KindOut(String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MembershipOut(long id, IndividualOut individual, List<KindOut> kind) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GroupOut(long id, String name, List<RegIdOut> regIds, boolean isGroup, LocalDate registrationDate,
            List<PhoneOut> phoneNumberIds, String email, String address, String additionalG2pInfo,
            List<ProgramMembershipOut> programMembershipIds, String notificationPreference,
            List<MembershipOut> groupMembershipIds, String kindAsStr, Boolean isPartialGroup) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IdentificationOut(long id, String idTypeAsStr, String value, LocalDate expiryDate, long partnerId) {
    }

    record LoginOut(long uid, String username, String name, SessionOut session) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SessionOut(String sid, String expiresAt) {
    }

    record MessageOut(String message) {
    }
}
