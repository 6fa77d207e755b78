package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Secrets, hashes and names of API keys; the rest is tested through HTTP. */
class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(null, Duration.ofSeconds(5));

    @Test
    void secretsArePrefixedBase62AndDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String s = keys.newSecret();
            assertThat(s).matches("populus_[0-9A-Za-z]{40}");
            assertThat(ApiKeys.wellFormed(s)).isTrue();
            assertThat(seen.add(s)).isTrue();
        }
        // every character of the alphabet turns up (a broken generator would repeat a few)
        Set<Character> chars = new HashSet<>();
        seen.forEach(s -> s.substring(8).chars().forEach(c -> chars.add((char) c)));
        assertThat(chars).hasSize(62);
    }

    @Test
    void onlyTheKeyFormatIsLookedUp() {
        assertThat(ApiKeys.wellFormed(null)).isFalse();
        assertThat(ApiKeys.wellFormed("")).isFalse();
        assertThat(ApiKeys.wellFormed("populus_")).isFalse();
        assertThat(ApiKeys.wellFormed("populus_" + "a".repeat(39))).isFalse();
        assertThat(ApiKeys.wellFormed("populus_" + "a".repeat(41))).isFalse();
        assertThat(ApiKeys.wellFormed("populus_" + "a".repeat(39) + "-")).isFalse();
        assertThat(ApiKeys.wellFormed("other_" + "a".repeat(40))).isFalse();
        // a malformed value is refused without touching the database (there is none here)
        assertThat(keys.authenticate("garbage")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void hashIsSha256Hex() {
        assertThat(ApiKeys.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void namesAreTrimmedAndChecked() {
        assertThat(ApiKeys.checkName("  decidim ")).isEqualTo("decidim");
        assertThat(ApiKeys.checkName("x".repeat(ApiKeys.MAX_NAME))).hasSize(ApiKeys.MAX_NAME);
        for (String bad : new String[] {null, "", "   ", "x".repeat(ApiKeys.MAX_NAME + 1), "a\u0000b", "a\nb"}) {
            assertThatThrownBy(() -> ApiKeys.checkName(bad)).isInstanceOf(AccessException.class)
                    .extracting(e -> ((AccessException) e).reason()).isEqualTo(AccessException.Reason.INVALID);
        }
    }

    @Test
    void newKeysDoNotPrintTheirSecret() {
        var key = new ApiKey(1, "decidim", "populus_Ab3xYz", null, "admin", null, null, null, 0);
        String secret = "populus_Ab3xYz" + "q".repeat(34);
        assertThat(new NewApiKey(key, secret).toString()).doesNotContain(secret).contains("populus_Ab3xYz");
        assertThat(key.active()).isTrue();
    }

    @Test
    void withoutAnOriginTheNameIsMadeOne() {
        assertThat(ApiKeys.originOfName("decidim-1")).isEqualTo("decidim-1");
        assertThat(ApiKeys.originOfName("Decidim Barcelona")).isEqualTo("Decidim-Barcelona");
        assertThat(ApiKeys.originOfName("  ¡portal é 2!  ")).isEqualTo("portal-2");
        assertThat(ApiKeys.originOfName("@@@")).isEmpty();
    }

    @Test
    void originsAreChecked() {
        assertThat(ApiKeys.checkOrigin("decidim-1", false)).isEqualTo("decidim-1");
        assertThat(ApiKeys.checkOrigin("a.b_c:d-9", false)).isEqualTo("a.b_c:d-9");
        for (String bad : new String[] {"", "census", "document_id", "-x", "a@b", "a b", "x".repeat(101)}) {
            assertThatThrownBy(() -> ApiKeys.checkOrigin(bad, false)).isInstanceOf(AccessException.class)
                    .extracting(e -> ((AccessException) e).reason()).isEqualTo(AccessException.Reason.INVALID);
        }
    }
}
