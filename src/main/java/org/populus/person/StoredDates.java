package org.populus.person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.populus.shared.DateRanges;

/**
 * A registrant's stored dates as the registry reads them, from a history version or from the rows alike: a date
 * outside what the database accepts ({@link DateRanges#readable}) — only one stored before the date ranges existed,
 * such as {@code -infinity} or {@code -999999999-01-01} — reads as no date, so every read can show the person and
 * their next change stores a date the database accepts. The registration date, which every registrant has, reads as
 * the day the registrant was created (UTC) instead.
 */
final class StoredDates {

    private StoredDates() {
    }

    static PersonalData data(PersonalData d, Instant createdAt) {
        LocalDate birthdate = DateRanges.readable(d.birthdate());
        LocalDate registration = DateRanges.readable(d.registrationDate());
        if (registration == null && createdAt != null) {
            registration = LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
        }
        if (birthdate == d.birthdate() && registration == d.registrationDate()) {
            return d;
        }
        return new PersonalData(d.name(), d.givenName(), d.familyName(), d.secondFamilyName(), d.additionalName(),
                d.gender(), birthdate, d.birthPlace(), d.email(), d.address(), d.postalCode(), d.scopeCode(),
                d.addressScopeCode(), d.documentScopeCode(), registration, d.notificationPreference(),
                d.additionalInfo());
    }

    static List<Identifier> identifiers(List<Identifier> identifiers) {
        if (identifiers.stream().allMatch(i -> readable(i.expiryDate()))) {
            return identifiers;
        }
        return identifiers.stream().map(i -> new Identifier(i.id(), i.idTypeId(), i.value(),
                DateRanges.readable(i.expiryDate()), i.primaryDocument())).toList();
    }

    static List<Phone> phones(List<Phone> phones) {
        if (phones.stream().allMatch(p -> readable(p.collected()) && readable(p.disabled()))) {
            return phones;
        }
        return phones.stream().map(p -> new Phone(p.id(), p.number(), p.e164(), DateRanges.readable(p.collected()),
                DateRanges.readable(p.disabled()))).toList();
    }

    static List<ProgrammeEnrolment> programmes(List<ProgrammeEnrolment> programmes) {
        if (programmes.stream().allMatch(m -> readable(m.enrollmentDate()) && readable(m.exitDate()))) {
            return programmes;
        }
        return programmes.stream().map(m -> new ProgrammeEnrolment(m.id(), m.programmeId(), m.state(),
                DateRanges.readable(m.enrollmentDate()), DateRanges.readable(m.exitDate()))).toList();
    }

    private static boolean readable(LocalDate date) {
        return DateRanges.readable(date) == date;
    }
}
