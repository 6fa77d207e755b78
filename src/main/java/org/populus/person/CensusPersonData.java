package org.populus.person;

import java.time.LocalDate;

/**
 * A person's data as the Census API names it. In a registration every field is given; in a change, null means
 * "leave as it is". {@code documentType} is an ID type name ({@code dni}, {@code nie}, {@code passport}) and the
 * document becomes the registrant's primary document; {@code phone} is kept as given (the Census API does not
 * validate phones) and becomes the first phone.
 */
public record CensusPersonData(String firstName, String lastName1, String lastName2, String documentType,
        String documentId, String documentScopeCode, LocalDate bornAt, String gender, String address,
        String addressScopeCode, String postalCode, String email, String scopeCode, String phone) {

    /** Nothing to change. */
    public static CensusPersonData none() {
        return new CensusPersonData(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    public boolean isEmpty() {
        return equals(none());
    }

    /** The person's current Census data. */
    public static CensusPersonData of(Registrant r, java.util.function.LongFunction<String> idTypeName) {
        PersonalData d = r.data();
        Identifier document = r.primaryDocument().orElse(null);
        return new CensusPersonData(d.givenName(), d.familyName(), d.secondFamilyName(),
                document == null ? null : idTypeName.apply(document.idTypeId()),
                document == null ? null : document.value(), d.documentScopeCode(), d.birthdate(), d.gender(),
                d.address(), d.addressScopeCode(), d.postalCode(), d.email(), d.scopeCode(),
                r.phones().isEmpty() ? null : r.phones().get(0).number());
    }
}
