package org.populus.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LabelledFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private List<LabelledFiles.LabelledRecord> febrl(String... lines) throws Exception {
        Path f = dir.resolve("febrl.csv");
        Files.writeString(f, "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, "
                + "state, date_of_birth, soc_sec_id\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return LabelledFiles.read(List.of(f), LabelledFiles.Format.FEBRL, true, null);
    }

    @Test
    void febrlTruthIsTheNumberInTheRecordId() {
        assertEquals("552", LabelledFiles.febrlTruth("rec-552-dup-3"));
        assertEquals("552", LabelledFiles.febrlTruth("rec-552-org"));
    }

    @Test
    void febrlAddressJoinsTheNonEmptyPartsAndTheSocialSecurityNumberIsTheNationalId() throws Exception {
        JsonNode body = JSON.readTree(febrl("rec-1-org, mitchell, green, 7, wallaby place, , cleveland, 2119, sa, "
                + "19560409, 1804974").get(0).body());
        assertEquals("mitchell", body.path("given_name").asString());
        assertEquals("green", body.path("family_name").asString());
        assertEquals("7 wallaby place, cleveland, sa", body.path("address").asString());
        assertEquals("1956-04-09", body.path("birthdate").asString());
        assertEquals("National ID", body.path("ids").path(0).path("id_type").asString());
        assertEquals("1804974", body.path("ids").path(0).path("value").asString());
        assertFalse(body.has("postcode") || body.has("postal_code"));
    }

    @Test
    void febrlBirthDateThatIsNotARealDateIsLeftOutAndAnEmptySurnameToo() throws Exception {
        JsonNode body = JSON.readTree(febrl("rec-2-dup-0, elton, , 3, light street, , windermere, 3212, vic, "
                + "19651342, 1551941").get(0).body());
        assertFalse(body.has("birthdate"));
        assertFalse(body.has("family_name"));
    }

    @Test
    void spanishSecondFamilyNameGoesInAddlNameAndTheDniIsADniDocument() throws Exception {
        Path f = dir.resolve("es.csv");
        Files.writeString(f, String.join(",", MatchingSet.COLUMNS) + "\n"
                + "r7,3,Ana,Magaña,Alemán,female,1939-09-17,26498235G,+34 626 623 597,\"Vía Lucas 3, Lugo\",27001\n",
                StandardCharsets.UTF_8);
        LabelledFiles.LabelledRecord r = LabelledFiles.read(List.of(f), LabelledFiles.Format.SPANISH, true,
                "postal_code").get(0);
        JsonNode body = JSON.readTree(r.body());
        assertEquals("r7", r.recId());
        assertEquals("3", r.truth());
        assertEquals("Alemán", body.path("addl_name").asString());
        assertEquals("Vía Lucas 3, Lugo", body.path("address").asString());
        assertEquals("27001", body.path("postal_code").asString());
        assertEquals("dni", body.path("ids").path(0).path("id_type").asString());
        assertEquals("+34 626 623 597", body.path("phone_numbers").path(0).path("phone_no").asString());
    }
}
