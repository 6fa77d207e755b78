package org.populus.matching;

import java.time.LocalDate;
import java.util.List;

/**
 * What the matching model knows of one person: the fields it compares, as typed. Any field may be null or empty;
 * a missing field is neither evidence for nor against a match.
 *
 * @param id the person's id in the registry
 * @param documents identity numbers (values only, as typed)
 * @param phones phone numbers as typed
 * @param address the address on one line
 */
public record MatchRecord(long id, String givenName, String familyName, String secondFamilyName,
        LocalDate birthdate, String gender, List<String> documents, List<String> phones, String address,
        String postalCode) {

    public MatchRecord {
        documents = documents == null ? List.of() : List.copyOf(documents);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}
