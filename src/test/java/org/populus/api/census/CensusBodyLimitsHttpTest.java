package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;

/**
 * Body limits on the Census surface: document verifications (base64 scans) may be as large as the upload limit
 * (256KB in the tests), every other request the general one (64KB); over it the answer is {@code 413 {}}.
 */
class CensusBodyLimitsHttpTest extends HttpTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static byte[] form(int bytes) {
        String head = "files[][filename]=dni.jpg&files[][content_type]=image/jpeg&files[][base64_content]=";
        return (head + "A".repeat(bytes - head.length())).getBytes(StandardCharsets.US_ASCII);
    }

    private static void tooLarge(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.body()).isEqualTo("{}");
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void documentVerificationsTakeTheUploadLimit() {
        for (String path : new String[] {"/api/v1/people/1@census/document_verifications",
                "/api/v1/es/people/1@census/document_verifications",
                "/api/v1/people/00000001R@document_id/document_verifications"}) {
            Response r = api.bytes("POST", path, form(100 * 1024), "Content-Type", FORM);
            assertThat(r.status()).as(path + ": " + r).isNotEqualTo(413);
            assertThat(r.status()).as(path + ": " + r).isLessThan(500);
            tooLarge(api.bytes("POST", path, form(300 * 1024), "Content-Type", FORM));
            tooLarge(api.bytes("POST", path, form(300 * 1024), "Content-Type", "application/json"));
        }
    }

    @Test
    void everythingElseTakesTheGeneralLimit() {
        tooLarge(api.bytes("POST", "/api/v1/people", form(100 * 1024), "Content-Type", FORM));
        tooLarge(api.bytes("POST", "/api/v1/en/people", form(100 * 1024), "Content-Type", "application/json"));
        tooLarge(api.bytes("PATCH", "/api/v1/people/1@census", form(100 * 1024), "Content-Type", FORM));
        tooLarge(api.bytes("POST", "/api/v1/people/1@census/membership_levels", form(100 * 1024),
                "Content-Type", FORM));
        // only POST is an upload
        tooLarge(api.bytes("PUT", "/api/v1/people/1@census/document_verifications", form(100 * 1024),
                "Content-Type", FORM));
        // under the limit: not a 413
        Response small = api.bytes("POST", "/api/v1/people", form(1024), "Content-Type", FORM);
        assertThat(small.status()).as(small.toString()).isNotEqualTo(413);
    }
}
