package org.populus.person;

import java.time.LocalDate;

/**
 * The plain attributes of a registrant.
 *
 * @param name display name; built from the name parts when none is given
 * @param additionalInfo a JSON document (object or array), kept as given
 */
public record PersonalData(String name, String givenName, String familyName, String secondFamilyName,
        String additionalName, String gender, LocalDate birthdate, String birthPlace, String email, String address,
        String postalCode, String scopeCode, String addressScopeCode, String documentScopeCode,
        LocalDate registrationDate, String notificationPreference, String additionalInfo) {
}
