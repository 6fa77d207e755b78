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

    /**
     * These data with the given changes on top: each field the changes hold wins; the document's three fields
     * (type, id, scope) come together, all from the changes when they hold any of them.
     */
    public CensusPersonData with(CensusPersonData changes) {
        CensusPersonData c = changes;
        boolean document = c.documentType != null || c.documentId != null || c.documentScopeCode != null;
        return new CensusPersonData(or(c.firstName, firstName), or(c.lastName1, lastName1),
                or(c.lastName2, lastName2), document ? c.documentType : documentType,
                document ? c.documentId : documentId, document ? c.documentScopeCode : documentScopeCode,
                c.bornAt != null ? c.bornAt : bornAt, or(c.gender, gender), or(c.address, address),
                or(c.addressScopeCode, addressScopeCode), or(c.postalCode, postalCode), or(c.email, email),
                or(c.scopeCode, scopeCode), or(c.phone, phone));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
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
