package org.populus.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A file the size of Spain's full hierarchy (about 16,000 scopes) loads in seconds, in any row order. */
class ScopeLoadSpeedTest extends HttpTest {

    private static final int ROWS = 16_000;
    private static final long BOUND_MILLIS = 30_000; // target: a few seconds; generous for a busy machine

    @Autowired
    Scopes scopes;

    @Test
    void sixteenThousandRowsLoadInSeconds() {
        String p = "Z" + unique().substring(0, 9).toUpperCase(Locale.ROOT);
        List<String> rows = new ArrayList<>();
        rows.add(p + "\tcountry\tPaís " + p + "\tCountry " + p + "\t\t");
        int regions = 20;
        int provinces = 20;
        int municipalities = ROWS - 1 - regions - regions * provinces;
        for (int r = 1; r <= regions; r++) {
            rows.add(String.format("%s-R%02d\tregion\tRegión %d\tRegion %d\t\t", p, r, r, r));
            for (int v = 1; v <= provinces; v++) {
                rows.add(String.format("%s-R%02d-P%02d\tprovince\tProvincia %d.%d\tProvince %d.%d\t%d\t", p, r, v,
                        r, v, r, v, r * 100 + v));
            }
        }
        for (int m = 0; m < municipalities; m++) {
            int r = 1 + m % regions;
            int v = 1 + (m / regions) % provinces;
            rows.add(String.format("%s-R%02d-P%02d-%05d\tmunicipality\tMunicipio %d\tMunicipality %d\t\t%d", p, r,
                    v, m, m, m, m));
        }
        assertThat(rows).hasSize(ROWS);
        Collections.shuffle(rows, new Random(42)); // children before their parents, often
        String file = "UID\tType\tname_es\tname_en\tmapping:INE-PROV\tmapping:INE-MUNI\n" + String.join("\n", rows);

        long start = System.nanoTime();
        ScopeLoadSummary first = scopes.load(new StringReader(file), ScopeFormat.TSV);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        ScopeLoadSummary second = scopes.load(new StringReader(file), ScopeFormat.TSV);
        long secondMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("ScopeLoadSpeedTest: %d rows loaded in %d ms (created), reloaded in %d ms (unchanged)%n",
                ROWS, firstMillis, secondMillis);

        assertThat(first).isEqualTo(new ScopeLoadSummary(ROWS, 0, 0, ROWS));
        assertThat(second).isEqualTo(new ScopeLoadSummary(0, 0, ROWS, ROWS));
        assertThat(firstMillis).isLessThan(BOUND_MILLIS);
        assertThat(secondMillis).isLessThan(BOUND_MILLIS);
        assertThat(scopes.find(p).orElseThrow().childrenCount()).isEqualTo(regions);
        assertThat(scopes.find(p + "-R03-P04").orElseThrow().childrenCount()).isPositive();
        String town = p + "-R03-P04-00062";
        assertThat(scopes.ancestors(town)).extracting(Scope::code)
                .containsExactly(town, p + "-R03-P04", p + "-R03", p, "XX");
        assertThat(scopes.mappingOfAncestor(town, Scopes.INE_PROVINCE)).hasValue("304");
    }
}
