package org.populus.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.populus.person.PeopleSearch;
import org.populus.person.PersonalData;
import org.populus.person.Registrant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/** Bodies of the people search, in snake_case. */
final class PeopleDtos {

    private PeopleDtos() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminPeopleSearchResult", description = "One page of the people a name search found")
    record SearchOut(
            @Schema(description = "how many people match, counted up to 1000") int total,
            @Schema(description = "whether more than 1000 match (total is then 1000): type more of the name")
            boolean totalCapped,
            @Schema(description = "whether no name matched every word and these are the closest names instead "
                    + "(typos), the closest first") boolean fuzzy,
            int page, int size, List<PersonOut> people) {

        static SearchOut of(PeopleSearch.Result result, int page, int size, LongFunction<String> idTypeName,
                JsonMapper json) {
            return new SearchOut(result.total(), result.totalCapped(), result.fuzzy(), page, size,
                    result.people().stream().map(p -> PersonOut.of(p, idTypeName, json)).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminPerson", description = "A person as stored now")
    record PersonOut(long id, int version, String name, String givenName, String familyName,
            String secondFamilyName, String addlName, String gender, LocalDate birthdate, String birthPlace,
            String email, String address, String postalCode, String scopeCode, String addressScopeCode,
            String documentScopeCode, LocalDate registrationDate, String notificationPreference,
            @Schema(description = "the person's additional information, a JSON object") JsonNode additionalInfo,
            Map<String, Long> externalIds,
            @Schema(description = "pending, enabled, cancelled or trashed") String state, String verification,
            String membershipLevel, String phoneVerification, List<DocumentOut> documents, List<PhoneOut> phones,
            List<ProgrammeOut> programmes, Instant createdAt, Instant updatedAt, Instant discardedAt) {

        static PersonOut of(Registrant r, LongFunction<String> idTypeName, JsonMapper json) {
            PersonalData d = r.data();
            return new PersonOut(r.id(), r.version(), d.name(), d.givenName(), d.familyName(), d.secondFamilyName(),
                    d.additionalName(), d.gender(), d.birthdate(), d.birthPlace(), d.email(), d.address(),
                    d.postalCode(), d.scopeCode(), d.addressScopeCode(), d.documentScopeCode(),
                    d.registrationDate(), d.notificationPreference(),
                    d.additionalInfo() == null ? null : json.readTree(d.additionalInfo()), r.externalIds(),
                    r.status().state().code(), r.status().verification().code(),
                    r.status().membershipLevel().code(), r.status().phoneVerification().code(),
                    r.identifiers().stream().map(i -> new DocumentOut(idTypeName.apply(i.idTypeId()), i.value(),
                            i.expiryDate(), i.primaryDocument())).toList(),
                    r.phones().stream().map(p -> new PhoneOut(p.number(), p.e164(), p.collected(), p.disabled()))
                            .toList(),
                    r.programmes().stream().map(m -> new ProgrammeOut(m.programmeId(), m.state(),
                            m.enrollmentDate(), m.exitDate())).toList(),
                    r.createdAt(), r.updatedAt(), r.discardedAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminPersonDocument")
    record DocumentOut(@Schema(description = "the ID type's name") String type, String value, LocalDate expiryDate,
            boolean primaryDocument) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminPersonPhone")
    record PhoneOut(String number, String e164, LocalDate collected, LocalDate disabled) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminPersonProgramme")
    record ProgrammeOut(long programmeId, String state, LocalDate enrollmentDate, LocalDate exitDate) {
    }
}
