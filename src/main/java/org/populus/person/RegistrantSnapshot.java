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

    /**
     * The registrant this version holds; a date in it outside what the database accepts (written before the date
     * ranges existed) reads as {@link StoredDates} says.
     */
    Registrant toRegistrant() {
        return new Registrant(id, version, kind, StoredDates.data(data, createdAt), StoredDates.identifiers(identifiers),
                StoredDates.phones(phones), StoredDates.programmes(programmes), externalIds, status, createdAt,
                updatedAt, discardedAt);
    }
}
