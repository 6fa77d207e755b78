package org.populus.api.openg2p;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Request bodies, with the documented names (and the response aliases accepted too). */
final class Requests {

    private Requests() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IdIn(@JsonAlias("id_type_as_str") String idType, String value, LocalDate expiryDate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PhoneIn(String phoneNo, LocalDate dateCollected) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProgramIn(String name, LocalDate enrollmentDate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KindIn(String name) {
    }

    /** Fields every registrant has (individuals, groups, group members). */
    interface RegistrantIn {
        String name();

        List<IdIn> ids();

        LocalDate registrationDate();

        List<PhoneIn> phoneNumbers();

        String email();

        String address();

        JsonNode additionalG2pInfo();

        List<ProgramIn> programMemberships();

        String notificationPreference();
    }

    /** Fields of an individual (top-level or group member). */
    interface PersonIn extends RegistrantIn {
        String givenName();

        String addlName();

        String familyName();

        String gender();

        LocalDate birthdate();

        String birthPlace();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IndividualIn(String name, @JsonAlias("reg_ids") List<IdIn> ids, LocalDate registrationDate,
            Boolean isGroup, @JsonAlias("phone_number_ids") List<PhoneIn> phoneNumbers, String email,
            String address, JsonNode additionalG2pInfo,
            @JsonAlias("program_membership_ids") List<ProgramIn> programMemberships, String notificationPreference,
            String givenName, String addlName, String familyName, String gender, LocalDate birthdate,
            String birthPlace) implements PersonIn {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MemberIn(String name, String givenName, String addlName, String familyName,
            @JsonAlias("reg_ids") List<IdIn> ids, LocalDate registrationDate,
            @JsonAlias("phone_number_ids") List<PhoneIn> phoneNumbers, String email, String address, String gender,
            LocalDate birthdate, String birthPlace, List<KindIn> kind, Boolean isGroup, JsonNode additionalG2pInfo,
            @JsonAlias("program_membership_ids") List<ProgramIn> programMemberships, String notificationPreference)
            implements PersonIn {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GroupIn(String name, @JsonAlias("reg_ids") List<IdIn> ids, LocalDate registrationDate, Boolean isGroup,
            @JsonAlias("phone_number_ids") List<PhoneIn> phoneNumbers, String email, String address,
            JsonNode additionalG2pInfo, @JsonAlias("program_membership_ids") List<ProgramIn> programMemberships,
            String notificationPreference, @JsonAlias("group_membership_ids") List<MemberIn> members,
            @JsonAlias("kind_as_str") String kind, Boolean isPartialGroup) implements RegistrantIn {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateIdentificationIn(@JsonAlias("id_type_as_str") String idType, String value, LocalDate expiryDate,
            Long partnerId) {
    }

    record LoginIn(String login, String password, String db, String jsonrpc, LoginParams params) {
    }

    record LoginParams(String login, String password, String db) {
    }
}
