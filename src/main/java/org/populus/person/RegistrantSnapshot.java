package org.populus.person;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The whole registrant as stored in history: every attribute and child, with the catalogue names in force. */
record RegistrantSnapshot(long id, int version, RegistrantKind kind, PersonalData data,
        List<Identifier> identifiers, List<Phone> phones, List<ProgrammeEnrolment> programmes,
        Map<String, Long> externalIds, CensusStatus status, Instant createdAt, Instant updatedAt,
        Instant discardedAt) {

    static RegistrantSnapshot of(Registrant r) {
        return new RegistrantSnapshot(r.id(), r.version(), r.kind(), r.data(), r.identifiers(), r.phones(),
                r.programmes(), r.externalIds(), r.status(), r.createdAt(), r.updatedAt(), r.discardedAt());
    }

    Registrant toRegistrant() {
        return new Registrant(id, version, kind, data, identifiers, phones, programmes, externalIds, status,
                createdAt, updatedAt, discardedAt);
    }
}
