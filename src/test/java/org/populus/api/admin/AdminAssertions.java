package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.populus.support.Api;
import tools.jackson.databind.JsonNode;

/** Checks shared by the Admin API tests. */
final class AdminAssertions {

    private AdminAssertions() {
    }

    /** An RFC 9457 problem detail with this status; returns its body. */
    static JsonNode problem(Api.Response r, int status) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("content type of %s", r).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("type") == null || "about:blank".equals(body.get("type").asString())).isTrue();
        assertThat(r.body()).as("no Java internals in %s", r)
                .doesNotContain("java.", "org.populus", "tools.jackson", "Exception", "`");
        return body;
    }

    /** A problem detail naming this field (in {@code field} and in the text). */
    static JsonNode problem(Api.Response r, int status, String field) {
        JsonNode body = problem(r, status);
        assertThat(body.get("field")).as("field of %s", r).isNotNull();
        assertThat(body.get("field").asString()).isEqualTo(field);
        assertThat(body.get("detail").asString()).contains(field);
        return body;
    }

    static String[] headers(String[] auth, String... more) {
        String[] all = new String[auth.length + more.length];
        System.arraycopy(auth, 0, all, 0, auth.length);
        System.arraycopy(more, 0, all, auth.length, more.length);
        return all;
    }
}
