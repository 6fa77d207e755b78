package org.populus.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Loading scope files into the real database. The Spanish fixture uses real codes and is loaded as an upsert
 * (any number of times); the other tests use a fresh fake country code each, so the database may already hold
 * anything.
 */
class ScopeLoadTest extends HttpTest {

    @Autowired
    Scopes scopes;

    @Autowired
    ScopeCommandLine commandLine;

    private static String prefix() {
        return "Z" + unique().substring(0, 9).toUpperCase(Locale.ROOT);
    }

    private static String hierarchyCsv(String prefix) throws IOException {
        try (InputStream in = ScopeLoadTest.class.getResourceAsStream("/scopes/hierarchy.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{P}", prefix);
        }
    }

    private ScopeLoadSummary loadSpain() throws IOException {
        return scopes.load(new ClassPathResource("scopes/spain.tsv").getFile().toPath());
    }

    private ScopeLoadSummary load(String text, ScopeFormat format) {
        return scopes.load(new StringReader(text), format);
    }

    private Scope scope(String code) {
        return scopes.find(code).orElseThrow(() -> new AssertionError("no scope " + code));
    }

    // ---- the Spanish TSV fixture ---------------------------------------------------------------------------

    @Test
    void loadsTheSpanishTsv() throws IOException {
        ScopeLoadSummary first = loadSpain();
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.created() + first.updated() + first.unchanged()).isEqualTo(4);

        Scope acebedo = scope("ES-CL-LE-001");
        assertThat(acebedo.type().code()).isEqualTo("municipality");
        assertThat(acebedo.type().name()).containsEntry("es", "Municipio");
        assertThat(acebedo.parentCode()).isEqualTo("ES-CL-LE");
        assertThat(acebedo.mappings()).isEqualTo(Map.of("INE-MUNI", "24001"));
        assertThat(acebedo.name()).containsEntry("es", "Acebedo").containsEntry("en", "Acebedo");
        List<Scope> chain = scopes.ancestors("ES-CL-LE-001");
        assertThat(chain).extracting(Scope::code).containsExactly("ES-CL-LE-001", "ES-CL-LE", "ES-CL", "ES");
        assertThat(acebedo.partOf()).containsExactlyElementsOf(chain.stream().map(Scope::id).toList());

        Scope castilla = scope("ES-CL");
        assertThat(castilla.name()).containsEntry("es", "Castilla y León").containsEntry("ca", "Castella i Lleó")
                .containsEntry("en", "Castile and León");
        assertThat(castilla.type().code()).isEqualTo("autonomous community");
        assertThat(castilla.mappings()).containsEntry("INE-CCAA", "07");
        assertThat(scope("ES-CL-LE").childrenCount()).isGreaterThanOrEqualTo(2);
        assertThat(scope("ES").childrenCount()).isGreaterThanOrEqualTo(1);

        assertThat(scopes.mappingOfAncestor("ES-CL-LE-001", Scopes.INE_PROVINCE)).hasValue("24");
        assertThat(scopes.mappingOfAncestor("ES-CL-LE", Scopes.INE_PROVINCE)).hasValue("24");
        assertThat(scopes.mappingOfAncestor("ES-CL", Scopes.INE_PROVINCE)).isEmpty();
        assertThat(scopes.mappingOfAncestor("ES-CL-LE-001", "ISO-3166-2")).hasValue("ES-LE");
        assertThat(scopes.isLocal("ES-CL-LE-001")).isTrue();

        ScopeLoadSummary again = loadSpain();
        assertThat(again).isEqualTo(new ScopeLoadSummary(0, 0, 4, 4));
        assertThat(scope("ES-CL-LE-001").id()).isEqualTo(acebedo.id());
        assertThat(scope("ES-CL-LE-001").version()).isEqualTo(acebedo.version());
    }

    @Test
    void scopeViewsForTheCensusGet() throws IOException {
        loadSpain();
        List<ScopeView> views = scopes.views(List.of("ES-CL-LE-001", "FR", "NOPE-" + unique()));
        assertThat(views).extracting(ScopeView::code)
                .containsExactly("ES", "ES-CL", "ES-CL-LE", "ES-CL-LE-001", "XX", "FR");
        ScopeView leon = views.get(2);
        assertThat(leon.id()).isEqualTo(scope("ES-CL-LE").id());
        assertThat(leon.name()).containsEntry("es", "León");
        assertThat(leon.scopeType()).containsEntry("es", "Provincia").containsEntry("en", "Province");
        assertThat(leon.mappings()).containsEntry("INE-PROV", "24");
        ScopeView france = views.get(5);
        assertThat(france.name()).containsEntry("es", "Francia");
        assertThat(france.scopeType()).containsEntry("es", "País");
        assertThat(france.mappings()).isEqualTo(Map.of(Scopes.ISO_ALPHA2, "FR"));

        // the three scopes of a person overlap: each scope once
        assertThat(scopes.views(Arrays.asList("ES-CL-LE-089", "ES-CL-LE-001", null, "ES")))
                .extracting(ScopeView::code)
                .containsExactly("ES", "ES-CL", "ES-CL-LE", "ES-CL-LE-089", "ES-CL-LE-001");
        assertThat(scopes.views(List.of("NOPE-" + unique()))).isEmpty();
        assertThat(scopes.views(List.of())).isEmpty();
    }

    // ---- the CSV fixture, under a fresh fake country -------------------------------------------------------

    @Test
    void loadsTheCsvHierarchyUnderAbroad() throws IOException {
        String p = prefix();
        int abroadChildren = scope("XX").childrenCount();
        ScopeLoadSummary summary = load(hierarchyCsv(p), ScopeFormat.CSV);
        assertThat(summary).isEqualTo(new ScopeLoadSummary(4, 0, 0, 4));

        Scope country = scope(p);
        assertThat(country.parentCode()).isEqualTo("XX");
        assertThat(country.childrenCount()).isEqualTo(1);
        assertThat(country.mappings()).isEqualTo(Map.of(Scopes.ISO_ALPHA2, p));
        assertThat(country.metadata()).isEqualTo(Map.of("source", "fixture"));
        assertThat(scope("XX").childrenCount()).isGreaterThanOrEqualTo(abroadChildren + 1);

        String town = p + "-R1-P1-001";
        assertThat(scope(town).name()).isEqualTo(Map.of("es", "Municipio uno, el primero", "en", "Municipality one"));
        assertThat(scopes.ancestors(town)).extracting(Scope::code)
                .containsExactly(town, p + "-R1-P1", p + "-R1", p, "XX");
        assertThat(scope(town).type().code()).isEqualTo("municipality");
        assertThat(scope(p + "-R1").type().code()).isEqualTo("region");
        assertThat(scopes.mappingOfAncestor(town, Scopes.INE_PROVINCE)).hasValue("99");
        assertThat(scopes.isLocal(town)).isFalse();
    }

    @Test
    void reloadingUpdatesInPlace() throws IOException {
        String p = prefix();
        load(hierarchyCsv(p), ScopeFormat.CSV);
        Scope region = scope(p + "-R1");
        Scope province = scope(p + "-R1-P1");

        String changed = hierarchyCsv(p).replace("Region one", "Region number one");
        assertThat(load(changed, ScopeFormat.AUTO)).isEqualTo(new ScopeLoadSummary(0, 1, 3, 4));
        Scope regionAfter = scope(p + "-R1");
        assertThat(regionAfter.id()).isEqualTo(region.id());
        assertThat(regionAfter.version()).isEqualTo(region.version() + 1);
        assertThat(regionAfter.name()).containsEntry("en", "Region number one").containsEntry("es", "Región uno");
        assertThat(scope(p + "-R1-P1").version()).isEqualTo(province.version());

        // without mapping columns the mappings stay; the names are replaced
        String tsv = "UID\tType\tname_en\n" + p + "-R1-P1\tprovince\tRenamed\n";
        assertThat(load(tsv, ScopeFormat.TSV)).isEqualTo(new ScopeLoadSummary(0, 1, 0, 1));
        Scope provinceAfter = scope(p + "-R1-P1");
        assertThat(provinceAfter.id()).isEqualTo(province.id());
        assertThat(provinceAfter.name()).isEqualTo(Map.of("en", "Renamed"));
        assertThat(provinceAfter.mappings()).isEqualTo(Map.of("INE-PROV", "99"));
        assertThat(provinceAfter.metadata()).isEqualTo(Map.of("source", "fixture"));

        // moving a scope: part_of and children_count follow
        String move = "code,type,name_en,parent\n" + p + "-R2,region,Region two,\n"
                + p + "-R1-P1,province,Renamed," + p + "-R2\n";
        assertThat(load(move, ScopeFormat.CSV)).isEqualTo(new ScopeLoadSummary(1, 1, 0, 2));
        assertThat(scopes.ancestors(p + "-R1-P1-001")).extracting(Scope::code)
                .containsExactly(p + "-R1-P1-001", p + "-R1-P1", p + "-R2", p, "XX");
        assertThat(scope(p + "-R1").childrenCount()).isZero();
        assertThat(scope(p + "-R2").childrenCount()).isEqualTo(1);
        assertThat(scope(p).childrenCount()).isEqualTo(2);
    }

    @Test
    void parentsMayComeAfterChildren() {
        String p = prefix();
        String tsv = "UID\tType\tname_en\tmapping:INE-PROV\n"
                + p + "-A-B-C\tmunicipality\tC\t\n"
                + p + "-A-B\tprovince\tB\t77\n"
                + p + "-A-B-D\tmunicipality\tD\t\n"
                + p + "-A\tregion\tA\t\n"
                + p + "\tcountry\tP\t\n";
        assertThat(load(tsv, ScopeFormat.TSV)).isEqualTo(new ScopeLoadSummary(5, 0, 0, 5));
        assertThat(scopes.ancestors(p + "-A-B-C")).extracting(Scope::code)
                .containsExactly(p + "-A-B-C", p + "-A-B", p + "-A", p, "XX");
        assertThat(scope(p + "-A-B").childrenCount()).isEqualTo(2);
        assertThat(scopes.mappingOfAncestor(p + "-A-B-D", Scopes.INE_PROVINCE)).hasValue("77");
    }

    @Test
    void aBadFileChangesNothingAndNamesTheLine() throws IOException {
        String p = prefix();
        load(hierarchyCsv(p), ScopeFormat.CSV);
        Scope region = scope(p + "-R1");

        String malformed = "code,type,name_en\n"
                + p + "-R1,region,Changed\n"
                + p + "-R2,region,New\n"
                + p + "-R3,,No type\n";
        assertThatThrownBy(() -> load(malformed, ScopeFormat.CSV)).isInstanceOf(ScopeLoadException.class)
                .hasMessageStartingWith("line 4: ");

        String orphan = "code,type,name_en\n"
                + p + "-R1,region,Changed\n"
                + p + "-R2,region,New\n"
                + p + "-R9-X1,town,Orphan\n";
        assertThatThrownBy(() -> load(orphan, ScopeFormat.CSV)).isInstanceOfSatisfying(ScopeLoadException.class,
                e -> assertThat(e.line()).isEqualTo(4)).hasMessageContaining("parent '" + p + "-R9'");

        String loop = "code,type,name_en,parent\n"
                + p + "-R2,region,New,\n"
                + p + "-R1,region,Changed," + p + "-R1-P1-001\n";
        assertThatThrownBy(() -> load(loop, ScopeFormat.CSV)).isInstanceOfSatisfying(ScopeLoadException.class,
                e -> assertThat(e.line()).isEqualTo(3)).hasMessageContaining("its own ancestor");

        assertThat(scopes.find(p + "-R2")).isEmpty();
        assertThat(scope(p + "-R1")).isEqualTo(region);
        assertThat(scopes.ancestors(p + "-R1-P1-001")).extracting(Scope::code)
                .containsExactly(p + "-R1-P1-001", p + "-R1-P1", p + "-R1", p, "XX");
    }

    @Test
    void unknownTypesAreCreatedWithTheNamesGiven() {
        String p = prefix();
        String type = "type-" + p.toLowerCase(Locale.ROOT);
        String csv = "code,type,name_en,type_name_es,type_plural_es\n" + p + "," + type + ",P,Tipo,Tipos\n"
                + p + "-1," + type + ",One,,\n";
        load(csv, ScopeFormat.CSV);
        ScopeType t = scope(p + "-1").type();
        assertThat(t.code()).isEqualTo(type);
        assertThat(t.name()).isEqualTo(Map.of("es", "Tipo"));
        assertThat(t.plural()).isEqualTo(Map.of("es", "Tipos"));
    }

    @Test
    void theCommandLineLoadsAFile() throws IOException {
        String p = prefix();
        Path dir = Files.createDirectories(Path.of("target", "scope-test"));
        Path good = Files.writeString(dir.resolve(p + ".csv"), hierarchyCsv(p));
        assertThat(commandLine.execute(List.of("scopes", "load", good.toString()))).isZero();
        assertThat(scopes.find(p + "-R1-P1-001")).isPresent();

        Path bad = Files.writeString(dir.resolve(p + "-bad.tsv"), "UID\tType\tName\n" + p + "-Q\t\tQ\n");
        assertThat(commandLine.execute(List.of("scopes", "load", bad.toString()))).isEqualTo(1);
        assertThat(commandLine.execute(List.of("scopes", "load", dir.resolve("missing.tsv").toString())))
                .isEqualTo(1);
        assertThat(commandLine.execute(List.of("scopes", "load"))).isEqualTo(2);
        assertThat(commandLine.execute(List.of("scopes", "unload", good.toString()))).isEqualTo(2);
    }
}
