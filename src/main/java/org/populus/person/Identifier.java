package org.populus.person;

import java.time.LocalDate;

/**
 * An identity document of a registrant: one per ID type. The primary document is the one the Census API shows
 * as {@code document_type}/{@code document_id}.
 */
public record Identifier(Long id, long idTypeId, String value, LocalDate expiryDate, boolean primaryDocument) {

    Identifier withValue(String newValue, LocalDate newExpiry) {
        return new Identifier(id, idTypeId, newValue, newExpiry, primaryDocument);
    }

    Identifier withId(long newId) {
        return new Identifier(newId, idTypeId, value, expiryDate, primaryDocument);
    }
}
