package org.populus.procedure;

/**
 * A person's data as a Census client sends it: plain text, {@code null} when the parameter was not given, {@code ""}
 * when it was given empty. {@link PersonDataForm} checks and normalizes it.
 */
public record PersonDataInput(String firstName, String lastName1, String lastName2, String documentType,
        String documentId, String documentScopeCode, String bornAt, String gender, String address,
        String addressScopeCode, String postalCode, String email, String scopeCode, String phone) {
}
