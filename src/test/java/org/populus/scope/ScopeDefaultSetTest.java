package org.populus.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The default set created by migration 6.1: ES and XX at the top, every other country under XX. */
class ScopeDefaultSetTest extends HttpTest {

    @Autowired
    Scopes scopes;

    @Test
    void spainIsTheLocalRoot() {
        Scope es = scopes.find("ES").orElseThrow();
        assertThat(es.name()).containsEntry("es", "España").containsEntry("en", "Spain")
                .containsEntry("ca", "Espanya").containsEntry("eu", "Espainia").containsEntry("gl", "España");
        assertThat(es.type().code()).isEqualTo("country");
        assertThat(es.type().name()).containsEntry("es", "País").containsEntry("en", "Country");
        assertThat(es.parentId()).isNull();
        assertThat(es.partOf()).containsExactly(es.id());
        assertThat(es.mappings()).containsEntry(Scopes.ISO_ALPHA2, "ES");
        assertThat(scopes.isLocal("ES")).isTrue();
    }

    @Test
    void abroadIsTheOtherRoot() {
        Scope xx = scopes.find("XX").orElseThrow();
        assertThat(xx.name()).containsEntry("es", "Exterior").containsEntry("en", "Abroad")
                .containsEntry("eu", "Atzerria").containsEntry("gl", "Estranxeiro");
        assertThat(xx.type().code()).isEqualTo("zone");
        assertThat(xx.parentId()).isNull();
        assertThat(xx.childrenCount()).isGreaterThanOrEqualTo(248);
        assertThat(scopes.isLocal("XX")).isFalse();
    }

    @Test
    void otherCountriesHangFromAbroad() {
        Scope fr = scopes.find("FR").orElseThrow();
        assertThat(fr.name()).containsEntry("es", "Francia").containsEntry("en", "France")
                .containsEntry("ca", "França");
        assertThat(fr.parentCode()).isEqualTo("XX");
        assertThat(fr.mappings()).containsEntry(Scopes.ISO_ALPHA2, "FR");
        List<Scope> ancestors = scopes.ancestors("FR");
        assertThat(ancestors).extracting(Scope::code).containsExactly("FR", "XX");
        assertThat(fr.partOf()).containsExactly(ancestors.get(0).id(), ancestors.get(1).id());
        assertThat(scopes.isLocal("FR")).isFalse();
    }

    @Test
    void everyIsoCountryIsThere() {
        for (String code : java.util.Locale.getISOCountries()) {
            assertThat(scopes.find(code)).as(code).hasValueSatisfying(s -> {
                assertThat(s.type().code()).isEqualTo("country");
                assertThat(s.parentCode()).isEqualTo(code.equals("ES") ? null : "XX");
            });
        }
    }

    @Test
    void unknownCodesAreNothing() {
        String code = "NOPE-" + unique();
        assertThat(scopes.find(code)).isEmpty();
        assertThat(scopes.find(null)).isEmpty();
        assertThat(scopes.ancestors(code)).isEmpty();
        assertThat(scopes.isLocal(code)).isFalse();
        assertThat(scopes.mappingOfAncestor(code, Scopes.INE_PROVINCE)).isEmpty();
        assertThat(scopes.mappingOfAncestor("FR", Scopes.INE_PROVINCE)).isEmpty();
    }
}
