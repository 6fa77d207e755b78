package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Rack-style parser on its own: raw query string, content type and body in, the parameter tree out. */
class RackParamsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FORM = "application/x-www-form-urlencoded";

    private static RackParams.Parsed parse(String query, String contentType, String body) {
        return RackParams.parse(query, contentType, body.getBytes(StandardCharsets.UTF_8), Map::of, JSON);
    }

    private static String tree(String query, String contentType, String body) {
        return parse(query, contentType, body).tree().toString();
    }

    @Test
    void formPairsArePercentDecodedWithPlusAsASpace() {
        assertThat(tree(null, FORM, "first_name=Luc%C3%ADa&last_name1=Garc%C3%ADa+L%C3%B3pez"))
                .isEqualTo("{\"first_name\":\"Lucía\",\"last_name1\":\"García López\"}");
    }

    @Test
    void aBareNameIsGivenAsNull() {
        assertThat(tree(null, FORM, "last_name2&email=a@b.c")).isEqualTo("{\"last_name2\":null,\"email\":\"a@b.c\"}");
    }

    @Test
    void bracketsNestAppendAndStartANewObjectWhenAKeyRepeats() {
        assertThat(tree(null, FORM, "a[b]=1&l[]=x&l[]=y&f[][n]=1&f[][t]=a&f[][n]=2"))
                .isEqualTo("{\"a\":{\"b\":\"1\"},\"l\":[\"x\",\"y\"],\"f\":[{\"n\":\"1\",\"t\":\"a\"},{\"n\":\"2\"}]}");
    }

    @Test
    void theQueryStringWinsOverTheBodyMergingObjectsKeyByKey() {
        assertThat(tree("a=q&o[y]=q", FORM, "a=b&o[x]=b&o[y]=b"))
                .isEqualTo("{\"a\":\"q\",\"o\":{\"x\":\"b\",\"y\":\"q\"}}");
    }

    @Test
    void thePersonObjectIsMergedOverTheRootWithoutItsScopeIds() {
        assertThat(tree(null, "application/json",
                "{\"first_name\":\"A\",\"person\":{\"first_name\":\"B\",\"scope_id\":3,\"address_scope_id\":4}}"))
                .isEqualTo("{\"first_name\":\"B\"}");
    }

    @Test
    void aJsonBodyIsReadAsItsObject() {
        RackParams.Parsed p = parse(null, "application/vnd.api+json", "{\"n\":1,\"l\":[true]}");
        assertThat(p.source()).isEqualTo(CensusParams.Body.JSON);
        assertThat(p.tree().toString()).isEqualTo("{\"n\":1,\"l\":[true]}");
    }

    @Test
    void aJsonBodyThatIsNoObjectIsMalformed() {
        assertThatThrownBy(() -> parse(null, "application/json", "[1]")).isInstanceOf(CensusParams.Malformed.class);
    }

    @Test
    void aBodyNeitherFormNorJsonIsUnsupported() {
        assertThatThrownBy(() -> parse(null, "text/plain", "a=1")).isInstanceOf(CensusParams.UnsupportedBody.class);
    }

    @Test
    void aNulInANameIsMalformed() {
        assertThatThrownBy(() -> parse("a%00=1", null, "")).isInstanceOf(CensusParams.Malformed.class);
    }

    @Test
    void namesNestingTooDeepAreMalformed() {
        assertThatThrownBy(() -> parse(null, FORM, "a" + "[x]".repeat(40) + "=1"))
                .isInstanceOf(CensusParams.Malformed.class);
    }

    @Test
    void aFormSomeoneElseReadIsRebuiltFromTheParameterMapLessTheQuery() {
        RackParams.Parsed p = RackParams.parse("a=q", FORM, new byte[0],
                () -> Map.of("a", new String[] {"q", "b"}, "f[][n]", new String[] {"1", "2"}), JSON);
        assertThat(p.source()).isEqualTo(CensusParams.Body.FORM_PARAMETERS);
        assertThat(p.tree().get("a").stringValue()).isEqualTo("q");
        assertThat(p.tree().get("f").toString()).isEqualTo("[{\"n\":\"1\"},{\"n\":\"2\"}]");
    }

    @Test
    void noBodyAndNoQueryIsAnEmptyTree() {
        RackParams.Parsed p = parse(null, null, "");
        assertThat(p.source()).isEqualTo(CensusParams.Body.NONE);
        assertThat(p.tree().isEmpty()).isTrue();
    }

    @Test
    void onlyFormAndJsonContentTypesAreReadable() {
        assertThat(RackParams.contentType(null).readable()).isTrue();
        assertThat(RackParams.contentType(FORM + "; charset=ISO-8859-1").form()).isTrue();
        assertThat(RackParams.contentType("application/merge-patch+json").json()).isTrue();
        assertThat(RackParams.contentType("multipart/form-data").readable()).isFalse();
        assertThat(RackParams.contentType("not a type").readable()).isFalse();
    }
}
