package org.populus.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeFileTest {

    private static List<ScopeFile.Row> parse(String text, ScopeFormat format) {
        return ScopeFile.parse(new StringReader(text), format);
    }

    @Test
    void readsTheOriginalsThreeColumns() {
        List<ScopeFile.Row> rows = parse("UID\tType\tName\nES-CL\tautonomous community\tCastile and León\n",
                ScopeFormat.TSV);
        assertThat(rows).hasSize(1);
        ScopeFile.Row r = rows.get(0);
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.code()).isEqualTo("ES-CL");
        assertThat(r.type()).isEqualTo("autonomous community");
        assertThat(r.parent()).isNull();
        assertThat(r.name()).containsOnlyKeys("es", "ca", "eu", "en", "gl").containsEntry("en", "Castile and León");
        assertThat(r.mappings()).isNull();
        assertThat(r.metadata()).isNull();
    }

    @Test
    void localeNamesWinOverThePlainName() {
        ScopeFile.Row r = parse("code,type,name,name_es,name:ca\nES-CL,region,Castile and León,Castilla y León,"
                + "Castella i Lleó\n", ScopeFormat.CSV).get(0);
        assertThat(r.name()).containsEntry("es", "Castilla y León").containsEntry("ca", "Castella i Lleó")
                .containsEntry("en", "Castile and León").containsEntry("gl", "Castile and León");
    }

    @Test
    void readsMappingsFromColumnsAndJson() {
        String csv = """
                UID,Type,name_es,mappings,mapping:INE-PROV,metadata:population,metadata
                ES-CL-LE,province,León,"{""ISO-3166-2"":""ES-LE"",""INE-PROV"":""99""}",24,460001,"{""a"":1}"
                """;
        ScopeFile.Row r = parse(csv, ScopeFormat.CSV).get(0);
        assertThat(r.mappings()).isEqualTo(Map.of("ISO-3166-2", "ES-LE", "INE-PROV", "24"));
        assertThat(r.metadata()).isEqualTo(Map.of("population", "460001", "a", "1"));
    }

    @Test
    void quotedCsvFieldsMayHoldCommasQuotesAndLineBreaks() {
        String csv = "code,type,name_en\r\nZZ-1,town,\"Comma, \"\"quoted\"\"\nand broken\"\r\nZZ-2,town,Plain\r\n";
        List<ScopeFile.Row> rows = parse(csv, ScopeFormat.CSV);
        assertThat(rows.get(0).name()).containsEntry("en", "Comma, \"quoted\"\nand broken");
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).code()).isEqualTo("ZZ-2");
    }

    @Test
    void sniffsTheDelimiterAndIgnoresAByteOrderMarkAndBlankLines() {
        List<ScopeFile.Row> tsv = parse("\uFEFFUID\tType\tname_es\n\nZZ-1\ttown\tUno, dos\n\n", ScopeFormat.AUTO);
        assertThat(tsv).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("ZZ-1");
            assertThat(r.name()).containsEntry("es", "Uno, dos");
            assertThat(r.line()).isEqualTo(3);
        });
        List<ScopeFile.Row> csv = parse("UID,Type,name_es\nZZ-1,town,Uno\tdos\n", ScopeFormat.AUTO);
        assertThat(csv.get(0).name()).containsEntry("es", "Uno\tdos");
    }

    @Test
    void formatByFileName() {
        assertThat(ScopeFormat.forFileName("spain.tsv")).isEqualTo(ScopeFormat.TSV);
        assertThat(ScopeFormat.forFileName("SPAIN.CSV")).isEqualTo(ScopeFormat.CSV);
        assertThat(ScopeFormat.forFileName("spain.txt")).isEqualTo(ScopeFormat.AUTO);
    }

    @Test
    void anExplicitParentIsKept() {
        ScopeFile.Row r = parse("UID\tType\tName\tparent\nZZ-9\ttown\tNine\tZZ-1\nZZ-8\ttown\tEight\t\n",
                ScopeFormat.TSV).get(0);
        assertThat(r.parent()).isEqualTo("ZZ-1");
    }

    @Test
    void typeNamesAreRead() {
        ScopeFile.Row r = parse("UID,Type,Name,type_name_es,type_plural_es\nZZ-1,barrio,Uno,Barrio,Barrios\n",
                ScopeFormat.CSV).get(0);
        assertThat(r.typeName()).isEqualTo(Map.of("es", "Barrio"));
        assertThat(r.typePlural()).isEqualTo(Map.of("es", "Barrios"));
    }

    @Test
    void errorsNameTheLine() {
        assertError("UID\tType\tName\nZZ-1\ttown\tOne\nZZ-2\ttown\n", 3, "has no name");
        assertError("UID\tType\tName\nZZ-1\ttown\tOne\n\tcity\tTwo\n", 3, "code (UID) is missing");
        assertError("UID\tType\tName\nZZ-1\t\tOne\n", 2, "type of 'ZZ-1' is missing");
        assertError("UID\tType\tName\nZZ-1\ttown\tOne\tExtra\n", 2, "has 4 fields but the header has 3");
        assertError("UID\tType\tName\nZZ-1\ttown\tOne\nZZ-1\ttown\tAgain\n", 3, "already given on line 2");
        assertError("UID\tType\tName\nZZ 1\ttown\tOne\n", 2, "white space");
        assertError("UID\tType\tName\tparent\nZZ-1\ttown\tOne\tZZ-1\n", 2, "its own parent");
        assertError("UID\tType\tName\tmappings\nZZ-1\ttown\tOne\t{oops\n", 2, "not valid JSON");
        assertError("UID\tType\tName\tmappings\nZZ-1\ttown\tOne\t[1]\n", 2, "must be a JSON object");
        assertError("UID\tType\tName\tmappings\nZZ-1\ttown\tOne\t{\"a\":{\"b\":1}}\n", 2, "text or a number");
        assertError("code,type,name\nZZ-1,town,\"One\n", 2, "never closed");
        assertError("code,type,name\nZZ-1,town,\"One\"x\n", 2, "after a closing double quote");
    }

    @Test
    void headerErrorsNameLineOne() {
        assertError("UID\tType\tName\tColour\nZZ-1\ttown\tOne\tred\n", 1, "unknown column 'Colour'");
        assertError("Type\tName\nZZ-1\ttown\n", 1, "'UID' (or 'code') column is required");
        assertError("UID\tName\nZZ-1\tOne\n", 1, "'Type' column is required");
        assertError("UID\tType\nZZ-1\ttown\n", 1, "'Name' or 'name_<locale>' column is required");
        assertError("UID\tType\tName\tcode\n", 1, "given twice");
        assertError("UID\tType\tname_\n", 1, "does not end in a locale");
        assertError("UID\tType\tName\tmapping:\n", 1, "no key");
        assertThatThrownBy(() -> parse("", ScopeFormat.TSV)).isInstanceOf(ScopeLoadException.class)
                .hasMessageContaining("empty");
    }

    private static void assertError(String text, int line, String problem) {
        assertThatThrownBy(() -> parse(text, ScopeFormat.AUTO))
                .isInstanceOfSatisfying(ScopeLoadException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(problem);
    }
}
