package org.populus.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a caller wants registered. Names refer to catalogue entries by name (ID types, programmes) or code
 * (gender); {@link Registrants} resolves and checks them.
 */
public record RegistrantDraft(RegistrantKind kind, PersonalData data, List<IdentifierDraft> identifiers,
        List<PhoneDraft> phones, List<EnrolmentDraft> programmes, Map<String, Long> externalIds,
        CensusStatus status) {

    public RegistrantDraft {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        phones = phones == null ? List.of() : List.copyOf(phones);
        programmes = programmes == null ? List.of() : List.copyOf(programmes);
        externalIds = externalIds == null ? Map.of() : Map.copyOf(externalIds);
        status = status == null ? CensusStatus.enabled() : status;
    }

    public record IdentifierDraft(String idType, String value, LocalDate expiryDate, boolean primaryDocument) {
    }

    public record PhoneDraft(String number, LocalDate collected) {
    }

    public record EnrolmentDraft(String programme, LocalDate enrollmentDate) {
    }
}
