package org.populus.procedure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.populus.person.CensusPersonData;

/** {@code person_data} of a procedure's information, with the Census attribute names; absent fields left out. */
final class PersonDataJson {

    private PersonDataJson() {
    }

    static Map<String, Object> toMap(CensusPersonData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "first_name", d.firstName());
        put(m, "last_name1", d.lastName1());
        put(m, "last_name2", d.lastName2());
        put(m, "document_type", d.documentType());
        put(m, "document_id", d.documentId());
        put(m, "document_scope_code", d.documentScopeCode());
        put(m, "born_at", d.bornAt() == null ? null : d.bornAt().toString());
        put(m, "gender", d.gender());
        put(m, "address", d.address());
        put(m, "address_scope_code", d.addressScopeCode());
        put(m, "postal_code", d.postalCode());
        put(m, "email", d.email());
        put(m, "scope_code", d.scopeCode());
        put(m, "phone", d.phone());
        return m;
    }

    static CensusPersonData fromMap(Map<?, ?> m) {
        Object born = m.get("born_at");
        return new CensusPersonData(s(m, "first_name"), s(m, "last_name1"), s(m, "last_name2"),
                s(m, "document_type"), s(m, "document_id"), s(m, "document_scope_code"),
                born == null ? null : LocalDate.parse(born.toString()), s(m, "gender"), s(m, "address"),
                s(m, "address_scope_code"), s(m, "postal_code"), s(m, "email"), s(m, "scope_code"), s(m, "phone"));
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String s(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }
}
