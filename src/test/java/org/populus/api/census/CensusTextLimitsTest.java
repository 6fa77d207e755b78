package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.census.CensusForms.form;
import static org.populus.api.census.CensusForms.nested;
import static org.populus.api.census.CensusForms.pairs;
import static org.populus.api.census.CensusForms.person;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.populus.shared.TextLimits;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;

/**
 * Texts the Census API stores are capped ({@link TextLimits}): over the limit is
 * {@code 422 {"<attr>":[{"error":"too_long","count":<limit>}]}} (Rails' length error), a NUL character anywhere is
 * {@code 400 {}}; nothing is stored.
 */
class CensusTextLimitsTest extends HttpTest {

    private Response register(Map<String, String> fields) {
        return form(api, "POST", "/api/v1/people", nested(fields));
    }

    private long registered() {
        Response r = register(person());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().get("person_id").asLong();
    }

    @Test
    void anOverlongFieldIsTooLongWithTheLimitAsCount() {
        Map<String, String> p = person();
        p.put("first_name", "L".repeat(TextLimits.NAME_PART + 1));
        Response r = register(p);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"first_name\":[{\"error\":\"too_long\",\"count\":100}]}");
    }

    @Test
    void anOverlongDocumentIdIsTooLong() {
        Map<String, String> p = person();
        p.put("document_type", "passport");
        p.put("document_scope_code", "FR");
        p.put("document_id", "P" + "1".repeat(4_000));
        Response r = register(p);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"document_id\":[{\"error\":\"too_long\",\"count\":100}]}");
    }

    @Test
    void anOverlongAddressInADataChangeIsTooLong() {
        long id = registered();
        Response r = form(api, "PATCH", "/api/v1/people/" + id + "@census",
                pairs("address", "a".repeat(TextLimits.ADDRESS + 1)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"address\":[{\"error\":\"too_long\",\"count\":500}]}");
    }

    @Test
    void aNulCharacterInAJsonBodyIs400() {
        Response r = api.post("/api/v1/people", Api.obj("first_name", "Lu\u0000cía", "last_name1", "X"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{}");
    }

    @Test
    void anOverlongCancellationReasonIsTooLong() {
        long id = registered();
        Response r = form(api, "DELETE", "/api/v1/people/" + id + "@census",
                pairs("channel", "decidim", "reason", "r".repeat(TextLimits.COMMENT + 1)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"reason\":[{\"error\":\"too_long\",\"count\":10000}]}");
    }

    @Test
    void additionalInformationOverItsLimitsIsRefused() {
        long id = registered();
        String path = "/api/v1/people/" + id + "@census/additional_informations";
        assertThat(form(api, "POST", path, pairs("key", "k" + "x".repeat(TextLimits.ADDITIONAL_INFO_KEY),
                "json_value", "1")).body()).isEqualTo("{\"key\":[{\"error\":\"too_long\",\"count\":100}]}");
        assertThat(form(api, "POST", path, pairs("key", "big", "json_value",
                "\"" + "v".repeat(TextLimits.ADDITIONAL_INFO) + "\"")).body())
                .isEqualTo("{\"value\":[{\"error\":\"too_long\",\"count\":10000}]}");
        Response nul = form(api, "POST", path, pairs("key", "nul", "json_value", "\"a\\u0000b\""));
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.body()).isEqualTo("{\"value\":[{\"error\":\"invalid\"}]}");
        for (int i = 0; i < TextLimits.ADDITIONAL_INFO_KEYS; i++) {
            assertThat(form(api, "POST", path, pairs("key", "key_" + i, "json_value", "1")).status()).isEqualTo(202);
        }
        Response tooMany = form(api, "POST", path, pairs("key", "one_more", "json_value", "1"));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body()).isEqualTo("{\"additional_information\":[{\"error\":\"too_long\",\"count\":50}]}");
    }

    @Test
    void anOverlongOriginQualifiedIdIsTooLong() {
        Response r = form(api, "POST", "/api/v1/people", nested(person()),
                pairs("origin_qualified_id", "1@" + "s".repeat(5_000)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).isEqualTo("{\"origin_qualified_id\":[{\"error\":\"too_long\",\"count\":200}]}");
    }

    @Test
    void anOverlongFileNameIsTooLong() {
        long id = registered();
        String pdf = java.util.Base64.getEncoder().encodeToString("%PDF-1.4 x".getBytes(StandardCharsets.UTF_8));
        Response r = form(api, "POST", "/api/v1/people/" + id + "@census/document_verifications",
                pairs("files[][filename]", "f".repeat(300) + ".pdf", "files[][content_type]", "application/pdf",
                        "files[][base64_content]", pdf),
                pairs("files[][filename]", "b.pdf", "files[][content_type]", "application/pdf",
                        "files[][base64_content]", pdf));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("files").get(0).get("error").asString()).isEqualTo("too_long");
        assertThat(r.json().get("files").get(0).get("count").asInt()).isEqualTo(TextLimits.FILENAME);
    }
}
