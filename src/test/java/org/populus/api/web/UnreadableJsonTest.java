package org.populus.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The one description of an unreadable JSON body, in two surfaces' wordings. */
class UnreadableJsonTest {

    record Body(String name, Integer version) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UnreadableJson.Wording PLAIN = new UnreadableJson.Wording(t -> "an integer", false, false,
            "", "A JSON body is required.");
    private static final UnreadableJson.Wording LOCATED = new UnreadableJson.Wording(t -> "an integer", true, true,
            "the body is not valid JSON.", "A JSON object body is required.");

    private static HttpMessageNotReadableException reading(String json) {
        try {
            JSON.readValue(json, Body.class);
        } catch (JacksonException e) {
            return new HttpMessageNotReadableException("JSON parse error", e, new MockHttpInputMessage(new byte[0]));
        }
        throw new AssertionError("read: " + json);
    }

    @Test
    void aValueOfTheWrongTypeNamesItsFieldAndTheExpectedKind() {
        var why = UnreadableJson.describe(reading("{\"version\":\"x\"}"), PLAIN);
        assertThat(why.field()).isEqualTo("version");
        assertThat(why.detail()).isEqualTo("Invalid value for field 'version': an integer is expected.");
    }

    @Test
    void aNumberOutOfRangeNamesItsFieldOnlyWhereTheWordingSaysSo() {
        var e = reading("{\"version\":99999999999}");
        assertThat(UnreadableJson.describe(e, LOCATED).detail())
                .isEqualTo("Invalid value for field 'version': an integer is expected.");
        assertThat(UnreadableJson.describe(e, PLAIN).detail()).startsWith("Malformed JSON: ");
    }

    @Test
    void malformedJsonIsLocatedWhereTheWordingSaysSo() {
        var e = reading("{\"name\":");
        assertThat(UnreadableJson.describe(e, LOCATED).detail()).startsWith("Malformed JSON at line 1, column ");
        assertThat(UnreadableJson.describe(e, PLAIN).detail()).startsWith("Malformed JSON: ");
    }

    @Test
    void aBodyThatIsNoObjectIsSaidSo() {
        assertThat(UnreadableJson.describe(reading("[1]"), PLAIN).detail())
                .isEqualTo("The request body must be a JSON object.");
    }

    @Test
    void aMissingBodyHasTheWordingsMessage() {
        var e = new HttpMessageNotReadableException("Required request body is missing: x",
                new MockHttpInputMessage(new byte[0]));
        assertThat(UnreadableJson.describe(e, LOCATED).detail()).isEqualTo("A JSON object body is required.");
        assertThat(UnreadableJson.describe(e, PLAIN).detail()).isEqualTo("A JSON body is required.");
    }

    @Test
    void parserMessagesLoseJavaTypeNamesAndKeepTheirFirstLine() {
        assertThat(UnreadableJson.parserMessage("Cannot coerce `java.lang.Integer`\n at [Source]", "?"))
                .isEqualTo("Cannot coerce the expected type");
        assertThat(UnreadableJson.parserMessage(null, "none")).isEqualTo("none");
    }
}
