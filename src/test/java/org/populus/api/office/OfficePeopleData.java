package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;

import java.util.List;
import java.util.Map;
import org.populus.support.Api;
import org.populus.support.HttpTest;

/** People and households for the back-office tests, created through the OpenG2P API as its clients do. */
final class OfficePeopleData {

    private final Api api;
    private final String[] admin;

    OfficePeopleData(Api api, String adminSession) {
        this.api = api;
        this.admin = Api.session(adminSession);
    }

    /** Letters only (names are searched by word prefixes), unique to this call. */
    static String letters() {
        StringBuilder b = new StringBuilder();
        for (char c : HttpTest.unique().toCharArray()) {
            b.append((char) ('a' + Character.digit(c, 16)));
        }
        return b.toString();
    }

    /** A unique Spanish mobile number, as typed with spaces. */
    static String phone() {
        String digits = String.format("%07d", (long) (Math.random() * 10_000_000));
        return "+34 61" + digits.charAt(0) + " " + digits.substring(1, 4) + " " + digits.substring(4);
    }

    long individual(Object... fields) {
        var r = api.post("/api/v1/registry/individual/", obj(fields), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("id").asLong();
    }

    /** A group of kind Household with one member (kind Head); answers the group's and the member's ids. */
    long[] household(String groupName, String memberGiven, String memberFamily) {
        var r = api.post("/api/v1/registry/group/", obj("name", groupName, "kind", "Household", "members",
                List.of(obj("name", memberGiven + " " + memberFamily, "given_name", memberGiven, "family_name",
                        memberFamily, "kind", List.of(obj("name", "Head"))))), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        long group = r.json().get("id").asLong();
        long member = r.json().get("group_membership_ids").get(0).get("individual").get("id").asLong();
        return new long[] {group, member};
    }

    /** A valid DNI, different on every call. */
    static String dni() {
        int n = (int) (Math.random() * 90_000_000) + 10_000_000;
        return String.format("%08d", n) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }

    /** Registers a person through the Census API with this DNI; answers their id (their registration pending). */
    long censusRegistration(String firstName, String lastName, String dni) {
        return censusRegistration(firstName, lastName, dni, "census" + HttpTest.unique() + "@example.org");
    }

    /** The same with this e-mail (one of an untrusted domain holds the registration with an issue). */
    long censusRegistration(String firstName, String lastName, String dni, String email) {
        var r = api.form("POST", "/api/v1/es/people", Api.formBody("person[first_name]", firstName,
                "person[last_name1]", lastName, "person[document_type]", "dni", "person[document_id]", dni,
                "person[document_scope_code]", "ES", "person[born_at]", "1980-01-01", "person[gender]", "female",
                "person[address]", "Calle Mayor 1", "person[address_scope_code]", "ES", "person[postal_code]",
                "28001", "person[email]", email, "person[scope_code]", "ES"));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("person_id").asLong();
    }

    /** Asks for a document verification of the person with two image files. */
    void documentVerification(long personId, String... filenames) {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        var files = java.util.Arrays.stream(filenames).map(f -> obj("filename", f, "content_type", "image/png",
                "base_64_content", png)).toList();
        var r = api.post("/api/v1/people/" + personId + "@census/document_verifications", obj("files", files));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    static Map<String, Object> nationalId(String value) {
        return obj("id_type", "National ID", "value", value);
    }
}
