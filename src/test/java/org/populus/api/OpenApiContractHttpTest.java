package org.populus.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document describes the wire: real requests and the server's answers, recorded through the real
 * port, are validated against {@code /v3/api-docs} (property names, parameters, bodies, status codes, error
 * schemas, security), and requests built from the document's own schemas are accepted.
 */
class OpenApiContractHttpTest extends HttpTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    static OpenApiInteractionValidator validator;
    static JsonNode document;

    String[] admin;
    boolean expectValid = true;
    List<String> lastErrors = List.of();

    @BeforeEach
    void documentAndSession() {
        if (validator == null) {
            String text = api.get("/v3/api-docs").body();
            document = Api.JSON.readTree(text);
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(text).build();
        }
        admin = Api.session(adminSession());
    }

    /** Sends the request, validates it and the answer against the document, returns the answer. */
    Response exchange(String method, String pathAndQuery, String contentType, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (contentType != null) {
            all.add("Content-Type");
            all.add(contentType);
        }
        Response response = api.raw(method, pathAndQuery, body, all.toArray(String[]::new));
        URI uri = URI.create(pathAndQuery);
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        for (int i = 0; i < all.size(); i += 2) {
            request.withHeader(all.get(i), all.get(i + 1));
        }
        if (body != null) {
            request.withBody(body);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        response.headers().forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                answer.withHeader(name, values);
            }
        });
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator.validate(request.build(), answer.build());
        lastErrors = report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(Object::toString).toList();
        if (expectValid) {
            assertThat(lastErrors).as(method + " " + pathAndQuery + " → " + response).isEmpty();
        }
        return response;
    }

    /** Without credentials: the document says they are needed, and the 401 is in the surface's documented format. */
    void anonymous(String path) {
        Response r = exchangeInvalid("GET", path, null, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(lastErrors).isNotEmpty().allMatch(e -> e.contains("requires security parameters"));
    }

    /** Like {@link #exchange}, for a request the document should refuse: its errors are in {@link #lastErrors}. */
    Response exchangeInvalid(String method, String pathAndQuery, String contentType, String body, String... headers) {
        expectValid = false;
        try {
            return exchange(method, pathAndQuery, contentType, body, headers);
        } finally {
            expectValid = true;
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        return Api.JSON.writeValueAsString(value);
    }

    static String dni() {
        int n = ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        return n + String.valueOf("TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23));
    }

    /** Sample values for the Census person fields. */
    static Map<String, String> census() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("first_name", "Lucía");
        m.put("last_name1", "Contract" + unique().replaceAll("[0-9]", "x"));
        m.put("last_name2", "López");
        m.put("document_type", "dni");
        m.put("document_id", dni());
        m.put("document_scope_code", "ES");
        m.put("born_at", "1980-01-01");
        m.put("gender", "female");
        m.put("address", "Calle Mayor 1");
        m.put("address_scope_code", "ES");
        m.put("postal_code", "28001");
        m.put("email", "contract" + unique() + "@example.org");
        m.put("scope_code", "ES");
        m.put("phone", "0034666" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
        return m;
    }

    static String form(Map<String, String> fields, String prefix) {
        return fields.entrySet().stream().map(e -> Api.formBody(prefix == null ? e.getKey()
                : prefix + "[" + e.getKey() + "]", e.getValue())).collect(Collectors.joining("&"));
    }

    Map<String, Object> individual() {
        String family = "Contract" + unique();
        return Api.obj("name", "Ana " + family, "given_name", "Ana", "family_name", family, "gender", "female",
                "birthdate", "1990-05-06", "email", "ana" + unique() + "@example.org",
                "ids", List.of(Api.obj("id_type", "National ID", "value", "NID" + unique())),
                "phone_numbers", List.of(Api.obj("phone_no", "+34611222333")),
                "additional_g2p_info", Api.obj("household_size", 4));
    }

    @Test
    void loginAndTheOpenG2pIndividualFlowMatchTheDocument() {
        exchange("POST", "/session/auth/login", JSON, json(Api.obj("login", "admin", "password", ADMIN_PASSWORD)));
        exchange("POST", "/session/auth/login", JSON, json(Api.obj("login", "admin", "password", "wrong-one")));
        Response created = exchange("POST", "/api/v1/registry/individual/", JSON, json(individual()), admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().get("id").asLong();
        exchange("GET", "/api/v1/registry/individual/" + id, null, null, admin);
        exchange("GET", "/api/v1/registry/individual/search?id=" + id, null, null, admin);
        exchange("GET", "/api/v1/registry/individual/999999999", null, null, admin);
        exchange("PATCH", "/api/v1/registry/individual/updateIdentification", JSON, json(Api.obj("id_type",
                "National ID", "value", "NID" + unique(), "expiry_date", "2031-01-01", "partner_id", id)), admin);
        exchange("POST", "/api/v1/registry/individual/", JSON, json(Api.obj("name", "no family")), admin);
        anonymous("/api/v1/registry/individual/" + id);
    }

    @Test
    void theOpenG2pGroupFlowMatchesTheDocument() {
        Map<String, Object> member = individual();
        member.put("kind", List.of(Api.obj("name", "Head")));
        Response group = exchange("POST", "/api/v1/registry/group/", JSON, json(Api.obj("name", "Group " + unique(),
                "kind", "Household", "members", List.of(member))), admin);
        assertThat(group.status()).as(group.toString()).isEqualTo(200);
        exchange("GET", "/api/v1/registry/group/" + group.json().get("id").asLong(), null, null, admin);
    }

    @Test
    void theAdminUserAndCatalogFlowsMatchTheDocument() {
        String login = "contract-" + unique();
        Response user = exchange("POST", "/admin/api/users", JSON, json(Api.obj("login", login,
                "display_name", "Contract user", "password", "password-" + login, "roles", List.of("registry-read"))),
                admin);
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        exchange("GET", "/admin/api/users/" + login, null, null, admin);
        exchange("PUT", "/admin/api/users/" + login, JSON, json(Api.obj("display_name", "Renamed",
                "version", user.json().get("version").asInt())), admin);
        Response type = exchange("POST", "/admin/api/catalog/id-types", JSON, json(Api.obj("name", "Contract " + unique(),
                "validation_regex", "^[0-9]+$", "unique_values", true)), admin);
        assertThat(type.status()).as(type.toString()).isEqualTo(201);
        exchange("GET", "/admin/api/catalog/id-types/" + type.json().get("id").asLong(), null, null, admin);
        exchange("DELETE", "/admin/api/catalog/id-types/" + type.json().get("id").asLong(), null, null, admin);
        anonymous("/admin/api/users");
        exchange("GET", "/admin/api/procedures", null, null, admin);
        Response badFile = exchange("POST", "/admin/api/scopes", "text/tab-separated-values",
                "code\tname\n\tno code\n", admin);
        assertThat(badFile.status()).as(badFile.toString()).isEqualTo(422);
        Response tooLarge = exchange("POST", "/admin/api/catalog/group-kinds", JSON,
                json(Api.obj("name", "x".repeat(70_000))), admin);
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
    }

    @Test
    void theChangeFeedMatchesTheDocument() {
        String[] data = Api.session(sessionWith(org.populus.access.Role.DATA));
        Response first = exchange("GET", "/admin/api/changes?limit=5", null, null, data);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        exchange("GET", "/admin/api/changes?limit=5&after=" + first.json().get("next").asString(), null, null, data);
        Response malformed = exchange("GET", "/admin/api/changes?after=garbage", null, null, data);
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        exchange("GET", "/admin/api/changes", null, null, admin);
    }

    @Test
    void censusRegistrationAsFormAndAsJsonAndReadsMatchTheDocument() {
        Response byForm = exchange("POST", "/api/v1/es/people", FORM, form(census(), "person")
                + "&origin_qualified_id=" + ThreadLocalRandom.current().nextInt(1, 1_000_000) + "%40decidim-1");
        assertThat(byForm.status()).as(byForm.toString()).isEqualTo(202);
        long id = byForm.json().get("person_id").asLong();
        Response byJson = exchange("POST", "/api/v1/people", JSON, json(Api.obj("person", census())));
        assertThat(byJson.status()).as(byJson.toString()).isEqualTo(202);
        exchange("GET", "/api/v1/people/" + id + "@census", null, null);
        exchange("GET", "/api/v1/en/people/" + id + "@census?with_scope=true", null, null);
        exchange("GET", "/api/v1/people/" + id + "@census?includes[]=email&includes[]=state", null, null);
        exchange("GET", "/api/v1/people/" + id + "@census/procedures", null, null);
        exchange("GET", "/api/v1/people/999999999@census", null, null);
        exchange("POST", "/api/v1/people", FORM, "person[first_name]=Only");
        exchange("POST", "/api/v1/people/" + id + "@census/membership_levels", FORM, "membership_level=member");
        exchange("POST", "/api/v1/people/" + id + "@census/additional_informations", JSON,
                json(Api.obj("key", "colour", "json_value", "\"green\"")));
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        Response scans = exchange("POST", "/api/v1/people/" + id + "@census/document_verifications", FORM,
                Api.formBody("files[][filename]", "front.png", "files[][content_type]", "image/png",
                        "files[][base64_content]", png, "files[][filename]", "back.png", "files[][content_type]",
                        "image/png", "files[][base64_content]", png, "prioritize", "true"));
        assertThat(scans.status()).as(scans.toString()).isEqualTo(202);
        exchange("POST", "/api/v1/people/" + id + "@census/document_verifications", JSON, json(Api.obj("files",
                List.of(Api.obj("filename", "a.png", "content_type", "image/png", "base_64_content", png)),
                "prioritized", true)));
        exchange("GET", "/api/v1/gl/people/" + id + "@census/phone_verifications/new", null, null);
        exchange("POST", "/api/v1/people/" + id + "@census/phone_verifications", FORM, "received_code=0000000");
        exchange("PATCH", "/api/v1/people/" + id + "@census", FORM, "person[postal_code]=28002");
        exchange("DELETE", "/api/v1/people/" + id + "@census", FORM, "channel=web&reason=contract");
    }

    @Test
    void requestsBuiltFromTheDocumentSchemasAreAccepted() {
        JsonNode schemas = document.get("components").get("schemas");
        // Census registration: the document's person fields, at the root
        Map<String, String> sample = census();
        Map<String, String> fields = new LinkedHashMap<>();
        schemas.get("CensusPersonData").get("properties").propertyNames().forEach(name -> {
            assertThat(sample).as("a sample value for " + name).containsKey(name);
            fields.put(name, sample.get(name));
        });
        Response registered = exchange("POST", "/api/v1/people", FORM, form(fields, null));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(202);

        // Admin: a user made with the document's property names
        Map<String, Object> user = new LinkedHashMap<>();
        String login = "doc-" + unique();
        Map<String, Object> values = Map.of("login", login, "display_name", "From the document",
                "password", "password-" + login, "roles", List.of("registry-read"));
        schemas.get("AdminNewUser").get("properties").propertyNames().forEach(name -> {
            assertThat(values).as("a value for " + name).containsKey(name);
            user.put(name, values.get(name));
        });
        Response created = exchange("POST", "/admin/api/users", JSON, json(user), admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("display_name").asString()).isEqualTo("From the document");

        // OpenG2P: the document names of an individual's given and family name
        JsonNode individual = schemas.get("IndividualIn").get("properties");
        assertThat(individual.has("given_name")).isTrue();
        assertThat(individual.has("family_name")).isTrue();
        assertThat(individual.has("additional_g2p_info")).isTrue();
    }

    @Test
    void aCamelCaseFieldIsRefusedByTheDocumentAsByTheServer() {
        String login = "camel-" + unique();
        Response user = exchange("POST", "/admin/api/users", JSON, json(Api.obj("login", login,
                "password", "password-" + login, "roles", List.of())), admin);
        Response r = exchangeInvalid("PUT", "/admin/api/users/" + login, JSON, json(Api.obj("displayName", "camel",
                "version", user.json().get("version").asInt())), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(lastErrors).anyMatch(e -> e.contains("displayName"));
        Response individual = exchangeInvalid("POST", "/api/v1/registry/individual/", JSON,
                json(Api.obj("givenName", "Ana", "familyName", "Camel")), admin);
        assertThat(individual.status()).as(individual.toString()).isEqualTo(400);
        assertThat(lastErrors).anyMatch(e -> e.contains("givenName"));
    }

    @Test
    void everyCensusOperationDocumentsItsParametersAndEveryWriteItsFormAndJsonBody() {
        JsonNode paths = document.get("paths");
        int writes = 0;
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/api/v1/people") && !path.startsWith("/api/v1/{locale}/people")) {
                continue;
            }
            for (String method : paths.get(path).propertyNames()) {
                JsonNode op = paths.get(path).get(method);
                String what = method + " " + path;
                if (path.contains("{id}")) {
                    assertThat(op.get("parameters").toString()).as(what).contains("\"name\":\"id\"");
                }
                if (!method.equals("get")) {
                    writes++;
                    JsonNode content = op.get("requestBody").get("content");
                    assertThat(content.has(FORM) && content.has(JSON)).as(what).isTrue();
                    assertThat(content.get(FORM).get("schema").get("$ref").asString()).as(what).endsWith("Form");
                }
                assertThat(op.get("responses").has("403")).as(what).isTrue();
            }
        }
        assertThat(writes).isEqualTo(2 * 8);
    }

    @Test
    void everyOperationStatesItsSecurity() {
        JsonNode paths = document.get("paths");
        JsonNode schemes = document.get("components").get("securitySchemes");
        assertThat(schemes.get("session").get("name").asString()).isEqualTo("X-Openerp-Session-Id");
        assertThat(schemes.get("sessionCookie").get("in").asString()).isEqualTo("cookie");
        assertThat(schemes.get("basic").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("apiKey").get("scheme").asString()).isEqualTo("bearer");
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode security = paths.get(path).get(method).get("security");
                assertThat(security).as(method + " " + path).isNotNull();
                if (path.startsWith("/session/auth/login")) {
                    assertThat(security.isEmpty()).isTrue();
                } else if (path.startsWith("/admin/api/") || path.startsWith("/api/v1/registry/")) {
                    assertThat(security.toString()).as(method + " " + path).contains("session", "basic");
                }
            }
        }
    }
}
