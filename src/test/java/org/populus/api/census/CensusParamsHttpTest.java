package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.formBody;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.filter.FormContentFilter;
import tools.jackson.databind.JsonNode;

/**
 * {@link CensusParams} behind the real port, through Tomcat, the body size filter, Spring's form filter and the
 * Census security chain, via the test-only {@link CensusParamsEchoController}.
 */
class CensusParamsHttpTest extends HttpTest {

    static final String ECHO = "/api/v1/people/1@census/params-echo";
    static final String CONSUMED = "/api/v1/people/1@census/params-echo-consumed";

    @Autowired
    List<FormContentFilter> formFilters;

    JsonNode ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode form(String method, String path, String body) {
        return ok(api.form(method, path, body));
    }

    static String text(JsonNode echo, String name) {
        JsonNode v = echo.get(name);
        return v == null || v.get("text").isNull() ? null : v.get("text").asString();
    }

    static List<String> list(JsonNode echo, String name) {
        List<String> result = new ArrayList<>();
        echo.get(name).get("list").values().forEach(v -> result.add(v.asString()));
        return result;
    }

    static List<String> fileNames(JsonNode echo) {
        List<String> result = new ArrayList<>();
        echo.get("files").get("objects").values().forEach(f -> result.add(f.get("filename").asString()));
        return result;
    }

    static List<String> names(JsonNode echo) {
        List<String> result = new ArrayList<>();
        echo.propertyNames().forEach(result::add);
        result.remove("(body)");
        return result;
    }

    @Test
    void theRealClientsRegistrationFormIsReadAsSent() {
        JsonNode e = form("POST", "/api/v1/en/people/1@census/params-echo",
                "address=Rua+del+Percebe%2C+1&address_scope_code=ES&born_at=1952-06-19&document_id=55163523R"
                        + "&document_scope_code=ES&document_type=dni&email=user1%40example.org&first_name=Carmella"
                        + "&gender=female&last_name1=Schinner&last_name2&origin_qualified_id=567%40decidim_module_"
                        + "census_connector_test_app_application-765&phone=0034679902762&postal_code=08001"
                        + "&scope_code=ES");
        assertThat(e.get("(body)").asString()).isEqualTo("FORM");
        assertThat(text(e, "address")).isEqualTo("Rua del Percebe, 1");
        assertThat(text(e, "email")).isEqualTo("user1@example.org");
        assertThat(text(e, "origin_qualified_id"))
                .isEqualTo("567@decidim_module_census_connector_test_app_application-765");
        assertThat(text(e, "postal_code")).isEqualTo("08001");
        assertThat(e.has("last_name2")).isFalse();
        assertThat(names(e)).hasSize(14).startsWith("address").endsWith("scope_code");
    }

    @Test
    void personNestedInAFormWinsOverTheRoot() {
        JsonNode e = form("POST", ECHO, formBody("first_name", "Root", "person[first_name]", "Lucía",
                "person[last_name1]", "García", "person[scope_id]", "4", "address_scope_id", "5"));
        assertThat(text(e, "first_name")).isEqualTo("Lucía");
        assertThat(text(e, "last_name1")).isEqualTo("García");
        assertThat(names(e)).containsExactly("first_name", "address_scope_id", "last_name1");
    }

    @Test
    void jsonAtTheRootAndNested() {
        JsonNode e = ok(api.post(ECHO, "{\"first_name\":\"Root\",\"born_at\":\"1980-02-29\",\"person\":"
                + "{\"first_name\":\"Nested\",\"gender\":\"female\",\"phone\":null},\"prioritize\":true,"
                + "\"json_value\":{\"a\":[1,2]},\"includes\":[\"email\"]}"));
        assertThat(e.get("(body)").asString()).isEqualTo("JSON");
        assertThat(text(e, "first_name")).isEqualTo("Nested");
        assertThat(text(e, "born_at")).isEqualTo("1980-02-29");
        assertThat(text(e, "gender")).isEqualTo("female");
        assertThat(e.has("phone")).isFalse();
        assertThat(e.get("prioritize").get("flag").asBoolean()).isTrue();
        assertThat(text(e, "json_value")).isEqualTo("{\"a\":[1,2]}");
        assertThat(list(e, "includes")).containsExactly("email");
    }

    @Test
    void queryStringArraysUnencoded() {
        JsonNode e = ok(api.get(ECHO + "?includes[]=email&includes[]=phone&excludes[]=&with_scope=true"));
        assertThat(e.get("(body)").asString()).isEqualTo("NONE");
        assertThat(list(e, "includes")).containsExactly("email", "phone");
        assertThat(list(e, "excludes")).containsExactly("");
        assertThat(e.get("excludes").get("present").asBoolean()).isTrue();
        assertThat(e.get("with_scope").get("flag").asBoolean()).isTrue();
    }

    @Test
    void anEmptyPrioritizeIsFalse() {
        JsonNode e = form("POST", ECHO, "prioritize=&other=1");
        assertThat(e.get("prioritize").get("flag").asBoolean()).isFalse();
        assertThat(e.get("prioritize").get("present").asBoolean()).isTrue();
        assertThat(text(e, "prioritize")).isEmpty();
        assertThat(form("POST", ECHO, "prioritize=true").get("prioritize").get("flag").asBoolean()).isTrue();
    }

    static String files(int count) {
        List<String> pairs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            pairs.addAll(List.of("files[][base64_content]", "AAEC+/8=\n" + i, "files[][content_type]",
                    i % 2 == 0 ? "application/pdf" : "image/png", "files[][filename]", "file-" + i + ".png"));
        }
        pairs.addAll(List.of("prioritize", ""));
        return formBody(pairs.toArray(String[]::new));
    }

    @Test
    void twoAndThreeFilesInOrder() {
        JsonNode two = form("POST", "/api/v1/es/people/1@census/params-echo", files(2));
        assertThat(fileNames(two)).containsExactly("file-1.png", "file-2.png");
        JsonNode first = two.get("files").get("objects").get(0);
        assertThat(first.get("base64_content").asString()).isEqualTo("AAEC+/8=\n1");
        assertThat(first.get("content_type").asString()).isEqualTo("image/png");
        assertThat(List.copyOf(first.propertyNames())).containsExactly("base64_content", "content_type", "filename");

        JsonNode three = form("POST", ECHO, files(3));
        assertThat(fileNames(three)).containsExactly("file-1.png", "file-2.png", "file-3.png");
        assertThat(three.get("files").get("objects").get(1).get("content_type").asString())
                .isEqualTo("application/pdf");
        assertThat(three.get("prioritize").get("flag").asBoolean()).isFalse();
    }

    @Test
    void filesUnencodedAndUnderPerson() {
        JsonNode e = form("POST", ECHO, "person[files][][filename]=a.png&person[files][][content]=x"
                + "&person[files][][filename]=b.png&person[files][][content]=y");
        assertThat(fileNames(e)).containsExactly("a.png", "b.png");
    }

    @Test
    void indexedFilesAreOrderedByTheirIndexNotByTheirPlaceInTheBody() {
        JsonNode e = form("POST", ECHO, formBody("files[1][filename]", "b.png", "files[0][filename]", "a.png",
                "files[1][content_type]", "image/png", "files[0][content_type]", "image/png", "files[2][filename]",
                "c.png"));
        assertThat(fileNames(e)).containsExactly("a.png", "b.png", "c.png");
    }

    @Test
    void filesAndPrioritizeAreReadFromAJsonBodyToo() {
        JsonNode e = ok(api.post(ECHO, "{\"prioritize\":\"1\",\"files\":[{\"filename\":\"a\","
                + "\"content_type\":\"image/png\",\"base64_content\":\"AA==\"},{\"filename\":\"b\","
                + "\"content_type\":\"image/png\",\"content\":\"raw\"}]}"));
        assertThat(fileNames(e)).containsExactly("a", "b");
        assertThat(e.get("files").get("objects").get(1).get("content").asString()).isEqualTo("raw");
        assertThat(e.get("prioritize").get("flag").asBoolean()).isTrue();
    }

    @Test
    void formValuesArePercentDecodedWithPlusAsASpace() {
        JsonNode e = form("POST", ECHO + "?reason=I%20want%20to+go%2B", "address=C%2F+Mayor+1%2C+2%C2%BA+%26+co"
                + "&name=Jos%C3%A9+Mar%C3%ADa&plus=1%2B1%3D2&raw=a+b");
        assertThat(text(e, "address")).isEqualTo("C/ Mayor 1, 2º & co");
        assertThat(text(e, "name")).isEqualTo("José María");
        assertThat(text(e, "plus")).isEqualTo("1+1=2");
        assertThat(text(e, "raw")).isEqualTo("a b");
        assertThat(text(e, "reason")).isEqualTo("I want to go+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"first_name\":", "[{\"a\":1}]", "\"text\"", "null", "{\"a\":1} trailing"})
    void malformedJsonIsTheException(String body) {
        Response r = api.post(ECHO, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("exception").asString()).isEqualTo("Malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=xyz", "garbage"})
    void unsupportedBodiesAreTheException(String contentType) {
        Response r = api.raw("POST", ECHO, "first_name=Ana", "Content-Type", contentType);
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("exception").asString()).isEqualTo("UnsupportedBody");
    }

    @Test
    void noBodyAndNoContentType() {
        JsonNode e = ok(api.raw("POST", ECHO + "?channel=decidim", null));
        assertThat(e.get("(body)").asString()).isEqualTo("NONE");
        assertThat(text(e, "channel")).isEqualTo("decidim");
        JsonNode bare = ok(api.raw("POST", ECHO, "channel=web"));
        assertThat(text(bare, "channel")).isEqualTo("web");
    }

    /** Spring's form filter leaves Census bodies alone, so every method reads the raw body, in order. */
    @ParameterizedTest
    @ValueSource(strings = {"PATCH", "PUT", "DELETE", "POST"})
    void formBodiesWithEveryMethod(String method) {
        JsonNode e = form(method, ECHO, "address&born_at&document_type=dni&person[first_name]=Ana&first_name=Root"
                + "&channel=web&reason=Me+voy&" + files(3));
        assertThat(e.get("(body)").asString()).isEqualTo("FORM");
        assertThat(text(e, "first_name")).isEqualTo("Ana");
        assertThat(text(e, "reason")).isEqualTo("Me voy");
        assertThat(e.has("address")).isFalse();
        assertThat(fileNames(e)).containsExactly("file-1.png", "file-2.png", "file-3.png");
        JsonNode localized = form(method, "/api/v1/ca/people/1@census/params-echo", "channel=web");
        assertThat(localized.get("(body)").asString()).isEqualTo("FORM");
        assertThat(text(localized, "channel")).isEqualTo("web");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATCH", "PUT", "DELETE"})
    void jsonWithEveryMethod(String method) {
        JsonNode e = ok(api.raw(method, ECHO, "{\"person\":{\"email\":\"a@b.c\"},\"ignore_email\":\"true\"}",
                "Content-Type", "application/json"));
        assertThat(text(e, "email")).isEqualTo("a@b.c");
        assertThat(e.get("ignore_email").get("flag").asBoolean()).isTrue();
    }

    /** A POST whose body the container parsed first: rebuilt from the parameter map, files regrouped. */
    @Test
    void aConsumedPostFallsBackToTheParameterMap() {
        JsonNode e = form("POST", CONSUMED + "?channel=q", files(3) + "&person%5Bfirst_name%5D=Jos%C3%A9&channel=b");
        assertThat(e.get("(body)").asString()).isEqualTo("FORM_PARAMETERS");
        assertThat(fileNames(e)).containsExactly("file-1.png", "file-2.png", "file-3.png");
        assertThat(e.get("files").get("objects").get(0).get("base64_content").asString()).isEqualTo("AAEC+/8=\n1");
        assertThat(text(e, "first_name")).isEqualTo("José");
        assertThat(text(e, "channel")).isEqualTo("q");
        assertThat(text(e, "prioritize")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PATCH", "PUT", "DELETE"})
    void aBodyOverTheLimitIs413(String method) {
        // refused before it is read (its Content-Length says so), in the Census format
        Response r = api.form(method, ECHO, "a=" + "x".repeat(70_000));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).isEqualTo("{}");
        Response json = api.raw(method, ECHO, "{\"a\":\"" + "x".repeat(70_000) + "\"}", "Content-Type",
                "application/json");
        assertThat(json.status()).isEqualTo(413);
    }

    @Test
    void theOnlyFormFilterIsTheOneThatSkipsCensusPaths() {
        assertThat(formFilters).hasSize(1);
        assertThat(formFilters.get(0).getClass().getEnclosingClass()).isEqualTo(CensusParams.FormBodies.class);
    }
}
