package org.populus.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopeCodesTest {

    @Test
    void parentIsTheCodeUpToItsLastNonWordCharacter() {
        assertThat(ScopeCodes.derivedParent("ES-CL-LE-001")).isEqualTo("ES-CL-LE");
        assertThat(ScopeCodes.derivedParent("ES-CL-LE")).isEqualTo("ES-CL");
        assertThat(ScopeCodes.derivedParent("ES-CL")).isEqualTo("ES");
        assertThat(ScopeCodes.derivedParent("AD-02")).isEqualTo("AD");
        assertThat(ScopeCodes.derivedParent("FR.75/01")).isEqualTo("FR.75");
    }

    @Test
    void underscoreIsAWordCharacter() {
        assertThat(ScopeCodes.derivedParent("ES-CL_LE")).isEqualTo("ES");
        assertThat(ScopeCodes.derivedParent("ZZ_1")).isEqualTo("XX");
    }

    @Test
    void topLevelCodesHangFromAbroadExceptTheTwoRoots() {
        assertThat(ScopeCodes.derivedParent("FR")).isEqualTo("XX");
        assertThat(ScopeCodes.derivedParent("ZZTEST")).isEqualTo("XX");
        assertThat(ScopeCodes.derivedParent("ES")).isNull();
        assertThat(ScopeCodes.derivedParent("XX")).isNull();
    }

    @Test
    void aLeadingSeparatorIsNotAParent() {
        assertThat(ScopeCodes.derivedParent("-A")).isEqualTo("XX");
    }
}
