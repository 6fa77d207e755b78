package org.populus.person;

import java.time.LocalDate;

/** Membership of a registrant in a programme; new enrolments start as {@code draft}. */
public record ProgrammeEnrolment(Long id, long programmeId, String state, LocalDate enrollmentDate,
        LocalDate exitDate) {

    ProgrammeEnrolment withId(long newId) {
        return new ProgrammeEnrolment(newId, programmeId, state, enrollmentDate, exitDate);
    }
}
