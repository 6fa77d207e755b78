package org.populus.person;

import java.time.LocalDate;

/**
 * A phone number as given, with its E.164 form when it could be parsed ({@code e164} is null otherwise).
 */
public record Phone(Long id, String number, String e164, LocalDate collected, LocalDate disabled) {

    Phone withId(long newId) {
        return new Phone(newId, number, e164, collected, disabled);
    }
}
