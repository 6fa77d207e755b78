package org.populus.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.populus.support.Api.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.populus.history.History;
import org.populus.history.Provenance;
import org.populus.history.RecordVersion;
import org.populus.person.Registrants;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The people import ({@code import-people}) against the real database, read back through the APIs. */
class PeopleImportTest extends HttpTest {

    private static final String HEADER = "import_id,given_name,family_name,second_family_name,gender,birthdate,ids,"
            + "phones,household,household_name,member_kinds";
    private static final Provenance IMPORTER = new Provenance("command:tester", "import people.csv");

    @Autowired
    PeopleImport people;

    @Autowired
    Registrants registrants;

    @Autowired
    Households households;

    @Autowired
    JsonMapper json;

    @Autowired
    History history;

    @TempDir
    Path dir;

    /** Import ids and household keys no other test uses. */
    private static long base() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 40) * 1000;
    }

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("people-" + unique() + ".csv");
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(List.of(lines));
        Files.write(f, all, StandardCharsets.UTF_8);
        return f;
    }

    private PeopleImportSummary load(Path file, int batchSize) {
        return people.load(file, IMPORTER, batchSize, s -> { });
    }

    private long groupOf(long individual) {
        return jdbc.sql("select group_id from group_membership where individual_id = ?").param(individual)
                .query(Long.class).single();
    }

    private long idOf(long importId) {
        return registrants.findByExternalId(PeopleImport.IMPORT_SYSTEM, importId).orElseThrow().id();
    }

    @Test
    void importedPeopleAndTheirHouseholdAreReadThroughTheOpenG2pAndCensusApis() throws IOException {
        long b = base();
        String tag = unique();
        String nid = "N" + tag;
        load(file(
                (b + 1) + ",José,García,López,male,1980-02-01,National ID=" + nid + ";Passport=P" + tag
                        + ",+34612345678;+34 699 000 111," + b + ",\"García López, " + tag + "\",Head",
                (b + 2) + ",Aïssatou,Diallo,,female,2010-06-30,,," + b + ",,",
                (b + 3) + ",Ngozi,Okafor,,female,1975-12-24,,+221771234567,,,"), 1000);

        String[] admin = session(adminSession());
        long jose = idOf(b + 1);
        JsonNode individual = api.get("/api/v1/registry/individual/" + jose, admin).json();
        assertThat(individual.get("name").asString()).isEqualTo("José García López");
        assertThat(individual.get("gender").asString()).isEqualTo("Male");
        assertThat(individual.get("birthdate").asString()).isEqualTo("1980-02-01");
        assertThat(individual.get("reg_ids").findValuesAsString("value")).containsExactly(nid, "P" + tag);
        assertThat(individual.get("reg_ids").findValuesAsString("id_type_as_str"))
                .containsExactly("National ID", "Passport");
        assertThat(individual.get("phone_number_ids").findValuesAsString("phone_no"))
                .containsExactly("+34612345678", "+34 699 000 111");
        assertThat(individual.get("phone_number_ids").findValuesAsString("phone_sanitized"))
                .containsExactly("+34612345678", "+34699000111");

        long group = groupOf(jose);
        Response groupResponse = api.get("/api/v1/registry/group/" + group, admin);
        assertThat(groupResponse.status()).as(groupResponse.toString()).isEqualTo(200);
        JsonNode g = groupResponse.json();
        assertThat(g.get("name").asString()).isEqualTo("García López, " + tag);
        assertThat(g.get("kind_as_str").asString()).isEqualTo("Household");
        JsonNode members = g.get("group_membership_ids");
        assertThat(members.size()).isEqualTo(2);
        assertThat(members.get(0).get("individual").get("id").asLong()).isEqualTo(jose);
        assertThat(members.get(0).get("kind").get(0).get("name").asString()).isEqualTo("Head");
        assertThat(members.get(1).get("individual").get("name").asString()).isEqualTo("Aïssatou Diallo");
        assertThat(members.get(1).get("kind").size()).isZero();

        JsonNode census = api.get("/api/v1/people/" + jose + "@census").json();
        assertThat(census.get("first_name").asString()).isEqualTo("José");
        assertThat(census.get("last_name1").asString()).isEqualTo("García");
        assertThat(census.get("last_name2").asString()).isEqualTo("López");
        assertThat(census.get("phone").asString()).isEqualTo("+34612345678");
        JsonNode byImportId = api.get("/api/v1/people/" + (b + 3) + "@import").json();
        assertThat(byImportId.get("first_name").asString()).isEqualTo("Ngozi");
        assertThat(byImportId.get("person_id").asLong()).isEqualTo(idOf(b + 3));
    }

    @Test
    void everyImportedRecordHasAFirstVersionWithTheImportersProvenance() throws IOException {
        long b = base();
        load(file((b + 1) + ",Íñigo,Goikoetxea,Ibáñez,male,1990-01-01,,," + b + ",Goikoetxea,Head",
                (b + 2) + ",Luz,Quispe,Mamani,female,1991-01-01,,,,,"), 1000);
        long inigo = idOf(b + 1);
        long group = groupOf(inigo);
        for (List<RecordVersion> versions : List.of(registrants.versions(inigo), registrants.versions(idOf(b + 2)),
                registrants.versions(group), history.versions(Households.HISTORY_SUBJECT, group))) {
            assertThat(versions).hasSize(1);
            assertThat(versions.get(0).version()).isEqualTo(1);
            assertThat(versions.get(0).actor()).isEqualTo("command:tester");
            assertThat(versions.get(0).reason()).isEqualTo("import people.csv");
        }
        // the household's version is the household as Households reads it, so "as of" answers it exactly
        Household stored = households.household(group).orElseThrow();
        assertThat(json.readTree(history.versions(Households.HISTORY_SUBJECT, group).get(0).snapshot())).isEqualTo(json.readTree(json.writeValueAsString(stored)));
        assertThat(households.asOf(group, java.time.Instant.now()).orElseThrow()).isEqualTo(stored);
        assertThat(registrants.asOf(inigo, java.time.Instant.now()).orElseThrow().data())
                .isEqualTo(registrants.find(inigo).orElseThrow().data());
    }

    @Test
    void aLineWithAnUnknownGenderRefusesItsBatchAndNamesTheLine() throws IOException {
        long b = base();
        Path f = file((b + 1) + ",Ana,Ruiz,,female,,,,,,", (b + 2) + ",Eva,Ruiz,,robot,,,,,,");
        assertThatThrownBy(() -> load(f, 1000)).isInstanceOf(PeopleImportException.class)
                .hasMessageStartingWith("line 3: Invalid gender-robot")
                .satisfies(e -> assertThat(((PeopleImportException) e).line()).isEqualTo(3));
        assertThat(registrants.findByExternalId(PeopleImport.IMPORT_SYSTEM, b + 1)).isEmpty();
    }

    @Test
    void theBatchesBeforeARefusedLineStayImported() throws IOException {
        long b = base();
        Path f = file((b + 1) + ",Ana,Ruiz,,female,,,,,,", (b + 2) + ",Eva,Ruiz,,female,not-a-date,,,,,");
        assertThatThrownBy(() -> load(f, 1)).hasMessage("line 3: birthdate 'not-a-date' is not a date (YYYY-MM-DD)");
        assertThat(registrants.findByExternalId(PeopleImport.IMPORT_SYSTEM, b + 1)).isPresent();
    }

    @Test
    void aBirthdateOutsideNineteenHundredToTodayRefusesItsLineAndStoresNobody() throws IOException {
        for (String birthdate : List.of("-999999999-01-01", "+6000000-01-01", "-4713-01-01", "1899-12-31")) {
            long b = base();
            Path f = file((b + 1) + ",Ana,Ruiz,,female," + birthdate + ",,,,,");
            assertThatThrownBy(() -> load(f, 1000)).as(birthdate).isInstanceOf(PeopleImportException.class)
                    .hasMessageStartingWith("line 2: Field 'birthdate' must be a date from 1900-01-01 to ");
            assertThat(registrants.findByExternalId(PeopleImport.IMPORT_SYSTEM, b + 1)).isEmpty();
        }
    }

    @Test
    void aDocumentAnotherPersonHoldsIsRefusedNamingTheLine() throws IOException {
        long b = base();
        String nid = "D" + unique();
        load(file((b + 1) + ",Ana,Ruiz,,female,,National ID=" + nid + ",,,,"), 1000);
        Path again = file((b + 2) + ",Eva,Ruiz,,female,,,,,,", (b + 3) + ",Eva,Sanz,,female,,National ID=" + nid
                + ",,,,");
        assertThatThrownBy(() -> load(again, 1000)).hasMessage("line 3: The National ID ID '" + nid
                + "' is already registered to registrant " + idOf(b + 1) + ".");
        assertThat(registrants.findByExternalId(PeopleImport.IMPORT_SYSTEM, b + 2)).isEmpty();
    }

    @Test
    void aDocumentGivenOnTwoLinesIsRefusedAtTheSecond() throws IOException {
        long b = base();
        String nid = "T" + unique();
        Path f = file((b + 1) + ",Ana,Ruiz,,female,,National ID=" + nid + ",,,,",
                (b + 2) + ",Eva,Sanz,,female,,National ID=" + nid + ",,,,");
        assertThatThrownBy(() -> load(f, 1000)).hasMessage("line 3: The National ID ID '" + nid
                + "' is already given on line 2.");
    }

    @Test
    void aSecondHeadInAHouseholdIsRefusedNamingItsLine() throws IOException {
        long b = base();
        Path f = file((b + 1) + ",Ana,Ruiz,,female,,,," + b + ",Ruiz,Head", (b + 2) + ",Eva,Ruiz,,female,,,," + b
                + ",,Head");
        assertThatThrownBy(() -> load(f, 1000)).hasMessage("line 3: Only one Head is allowed per group.");
    }

    @Test
    void runningTheSameFileAgainDoesNotDuplicateAnyone() throws IOException {
        long b = base();
        Path f = file((b + 1) + ",Ana,Ruiz,,female,,,," + b + ",Ruiz,Head", (b + 2) + ",Eva,Ruiz,,female,,,," + b
                + ",,", (b + 3) + ",Sara,Vidal,,female,,,,,,");
        PeopleImportSummary first = load(f, 2);
        assertThat(first.people()).isEqualTo(3);
        assertThat(first.households()).isEqualTo(1);
        PeopleImportSummary second = load(f, 2);
        assertThat(second.people()).isZero();
        assertThat(second.households()).isZero();
        assertThat(second.skipped()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from party where external_ids @> jsonb_build_object('import', ?::bigint)"
                + " or external_ids @> jsonb_build_object('import', ?::bigint)"
                + " or external_ids @> jsonb_build_object('import', ?::bigint)"
                + " or external_ids @> jsonb_build_object('import-household', ?::bigint)")
                .params(b + 1, b + 2, b + 3, b).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aHouseholdsLinesMustFollowEachOther() throws IOException {
        long b = base();
        Path f = file((b + 1) + ",Ana,Ruiz,,female,,,," + b + ",Ruiz,", (b + 2) + ",Sara,Vidal,,female,,,,,,",
                (b + 3) + ",Eva,Ruiz,,female,,,," + b + ",,");
        assertThatThrownBy(() -> load(f, 1000)).hasMessageStartingWith("line 4: household " + b
                + " continues after lines of others");
    }

    @Test
    void anUnknownColumnIsRefusedOnTheHeaderLine() throws IOException {
        Path f = dir.resolve("bad-header.csv");
        Files.writeString(f, "import_id,given_name,shoe_size\n1,Ana,38\n");
        assertThatThrownBy(() -> load(f, 1000)).hasMessageStartingWith("line 1: unknown column 'shoe_size'");
    }

    @Test
    void afterARefusalTheFixedFileImportsOnlyWhatIsMissing() throws IOException {
        long b = base();
        String good = (b + 1) + ",Ana,Ruiz,,female,,,,,,";
        assertThatThrownBy(() -> load(file(good, (b + 2) + ",Eva,Ruiz,,robot,,,,,,"), 1))
                .hasMessageStartingWith("line 3:");
        long ana = idOf(b + 1);
        PeopleImportSummary rerun = load(file(good, (b + 2) + ",Eva,Ruiz,,female,,,,,,"), 1);
        assertThat(rerun.skipped()).isEqualTo(1);
        assertThat(rerun.people()).isEqualTo(1);
        assertThat(idOf(b + 1)).isEqualTo(ana);
        assertThat(registrants.find(idOf(b + 2)).orElseThrow().data().gender()).isEqualTo("female");
    }
}
