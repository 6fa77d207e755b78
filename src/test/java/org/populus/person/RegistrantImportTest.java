package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.populus.history.Provenance;
import org.populus.shared.Names;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Bulk creation of registrants: the same records, history and search names as one-by-one creation. */
class RegistrantImportTest extends HttpTest {

    @Autowired
    RegistrantImport bulk;

    @Autowired
    Registrants registrants;

    @Autowired
    JsonMapper json;

    @Autowired
    PlatformTransactionManager transactions;

    private List<Registrant> insert(RegistrantDraft... drafts) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new TransactionTemplate(transactions).execute(s -> bulk.insert(
                java.util.Arrays.stream(drafts).map(d -> bulk.check(d, 2)).toList(), at,
                new Provenance("command:tester", "import test.csv")));
    }

    private static RegistrantDraft draft(String given, String family, String second, String nid) {
        return new RegistrantDraft(RegistrantKind.INDIVIDUAL,
                new PersonalData(null, given, family, second, null, "female", LocalDate.of(1985, 5, 17), null, null,
                        null, null, null, null, null, null, null, null),
                List.of(new RegistrantDraft.IdentifierDraft("National ID", nid, null, false)),
                List.of(new RegistrantDraft.PhoneDraft("+34612345678", null),
                        new RegistrantDraft.PhoneDraft("612 34 56 79", null)),
                List.of(), Map.of("import-test", System.nanoTime()), null);
    }

    @Test
    void theFirstVersionIsTheSnapshotRegistrantsWritesForTheStoredRecord() {
        Registrant saved = insert(draft("Encarnación", "Núñez", "Zúñiga", "S" + unique())).get(0);
        Registrant stored = registrants.find(saved.id()).orElseThrow();
        String snapshot = registrants.versions(saved.id()).get(0).snapshot();
        assertThat(json.readTree(snapshot)).isEqualTo(json.readTree(json.writeValueAsString(
                RegistrantSnapshot.of(stored))));
        assertThat(json.readTree(snapshot)).isEqualTo(json.readTree(json.writeValueAsString(
                RegistrantSnapshot.of(saved))));
    }

    @Test
    void accentedNamesGetTheSearchNameNamesNormalizeGives() {
        String tag = unique();
        List<Registrant> saved = insert(draft("Ángela  Mª", "Çelik-Öztürk", "Ñúñez " + tag, "A" + unique()),
                draft("Aïssatou", "Ndèye", "ØSTERGÅRD", "B" + unique()));
        for (Registrant r : saved) {
            String searchName = jdbc.sql("select search_name from party where id = ?").param(r.id())
                    .query(String.class).single();
            assertThat(searchName).isEqualTo(Names.normalize(r.data().name()));
        }
        assertThat(jdbc.sql("select search_name from party where id = ?").param(saved.get(0).id())
                .query(String.class).single()).isEqualTo("angela ma celik-ozturk nunez " + tag);
    }

    @Test
    void theGinIndexesOfPartyKeepTheirPendingListOffAfterAnImport() {
        insert(draft("Ana", "Ruiz", null, "G" + unique()));
        // every GIN index of party (since V20 only party_external_ids: the name-search ones left with the index)
        List<String> options = jdbc.sql("""
                select c.relname || ':' || coalesce(array_to_string(c.reloptions, ','), '') from pg_index i
                join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
                where i.indrelid = 'party'::regclass and a.amname = 'gin'""").query(String.class).list();
        assertThat(options).anyMatch(o -> o.startsWith("party_external_ids:"))
                .allSatisfy(o -> assertThat(o).contains("fastupdate=off"));
        assertThat(jdbc.sql("select gin_clean_pending_list('party_external_ids'::regclass)").query(Long.class)
                .single()).isZero();
    }
}
