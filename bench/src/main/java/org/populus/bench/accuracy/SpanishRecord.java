package org.populus.bench.accuracy;

import java.time.LocalDate;

/**
 * One registration of the Spanish labelled set: what a clerk typed for a person. {@code personId} is the truth
 * (the same for every registration of one person); a null field was left empty.
 */
record SpanishRecord(long personId, String givenName, String familyName, String secondFamilyName, String gender,
        LocalDate birthdate, String dni, String phone, String address, String postalCode) {

    SpanishRecord withNames(String given, String family, String second) {
        return new SpanishRecord(personId, given, family, second, gender, birthdate, dni, phone, address, postalCode);
    }

    SpanishRecord withBirthdate(LocalDate date) {
        return new SpanishRecord(personId, givenName, familyName, secondFamilyName, gender, date, dni, phone, address,
                postalCode);
    }

    SpanishRecord withDni(String value) {
        return new SpanishRecord(personId, givenName, familyName, secondFamilyName, gender, birthdate, value, phone,
                address, postalCode);
    }

    SpanishRecord withPhone(String value) {
        return new SpanishRecord(personId, givenName, familyName, secondFamilyName, gender, birthdate, dni, value,
                address, postalCode);
    }

    SpanishRecord withAddress(String newAddress, String newPostalCode) {
        return new SpanishRecord(personId, givenName, familyName, secondFamilyName, gender, birthdate, dni, phone,
                newAddress, newPostalCode);
    }
}
