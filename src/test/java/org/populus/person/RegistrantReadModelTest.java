package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.history.Provenance;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People are read from their newest history version; it must be exactly the person as stored in their row and
 * child tables, whatever wrote them — checked here on people this test writes through every path, and on every
 * other registrant the suite has stored so far.
 */
class RegistrantReadModelTest extends HttpTest {

    @Autowired
    Registrants registrants;

    @Autowired
    RegistrantRepository rows;

    @Test
    void theNewestVersionInHistoryIsEveryRegistrantAsStored() {
        String[] admin = Api.session(adminSession());
        List<Long> written = new ArrayList<>();
        long full = api.post("/api/v1/registry/individual/", obj("given_name", "Rita", "family_name",
                "Rowmodel" + unique(), "gender", "female", "birthdate", "1990-05-17", "email", "r@example.org",
                "ids", List.of(obj("id_type", "National ID", "value", "NID" + unique(), "expiry_date", "2030-01-01")),
                "phone_numbers", List.of(obj("phone_no", "+919876543210", "date_collected", "2024-01-02"),
                        obj("phone_no", "+919876543211")),
                "additional_g2p_info", obj("household_size", 4)), admin).json().get("id").asLong();
        written.add(full);
        registrants.setAdditionalInformation(full, "note", "{\"b\": [1, 2], \"a\": null}",
                Provenance.system("test"));
        registrants.putIdentifier(full, "National ID", "NID" + unique(), null, Provenance.system("test"));
        registrants.transition(full, Provenance.system("test"), PersonEvent.VERIFY);
        var group = api.post("/api/v1/registry/group/", obj("name", "Rowmodel household " + unique(), "kind",
                "Household", "members", List.of(obj("name", "Rob Rowmodel", "given_name", "Rob", "family_name",
                        "Rowmodel" + unique(), "kind", List.of(obj("name", "Head"))))), admin);
        assertThat(group.status()).as(group.toString()).isEqualTo(200);
        written.add(group.json().get("id").asLong());
        String dni = String.format("%08d", (int) (System.nanoTime() % 90_000_000) + 10_000_000);
        dni += "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(dni) % 23);
        var registered = api.form("POST", "/api/v1/es/people", Api.formBody("person[first_name]", "Rosa",
                "person[last_name1]", "Rowmodel" + unique(), "person[document_type]", "dni",
                "person[document_id]", dni, "person[document_scope_code]", "ES", "person[born_at]", "1980-01-01",
                "person[gender]", "female", "person[address]", "Calle Mayor 1", "person[address_scope_code]", "ES",
                "person[postal_code]", "28001", "person[email]", "rosa" + unique() + "@example.org",
                "person[scope_code]", "ES"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
        written.add(registered.json().get("person_id").asLong());

        List<Long> everyone = jdbc.sql("select id from party order by id").query(Long.class).list();
        assertThat(everyone).containsAll(written);
        for (long id : everyone) {
            assertThat(registrants.find(id).map(RegistrantSnapshot::of)).as("registrant %d", id)
                    .isEqualTo(rows.find(id).map(RegistrantSnapshot::of));
        }
        assertThat(registrants.findAll(written).stream().map(Registrant::id).toList())
                .isEqualTo(written.stream().sorted().toList());
    }
}
