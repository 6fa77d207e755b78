package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.headers;
import static org.populus.api.admin.AdminAssertions.problem;
import static org.populus.support.Api.session;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * Loading scope files through {@code POST /admin/api/scopes} (body or multipart part), all or nothing, and
 * reading a scope back. Each test uses a fresh fake country code, so the database may hold anything. The upload
 * limit here is 256KB, the general one 64KB.
 */
class AdminScopesHttpTest extends HttpTest {

    private static final String SCOPES = "/admin/api/scopes";
    private static final String HEADER = "UID\tType\tname_es\tname_en\tmapping:INE-PROV\n";

    private String[] admin;
    private String p;

    @BeforeEach
    void login() {
        admin = session(adminSession());
        p = "Z" + unique().substring(0, 9).toUpperCase(Locale.ROOT);
    }

    private String tsv() {
        return HEADER
                + p + "\tcountry\tPaís " + p + "\tCountry " + p + "\t\n"
                + p + "-R1\tregion\tRegión uno\tRegion one\t\n"
                + p + "-R1-P1\tprovince\tProvincia uno\tProvince one\t99\n";
    }

    private String csv() {
        return "code,type,name_es,name_en,parent\n"
                + p + ",country,\"País, de prueba\",Test country,\n"
                + p + "-A,region,Región A,Region A," + p + "\n";
    }

    /** A valid TSV file of about this many bytes: a country and many municipalities under it. */
    private String big(int bytes) {
        StringBuilder s = new StringBuilder(HEADER).append(p).append("\tcountry\tGrande\tBig\t\n");
        for (int i = 1; s.length() < bytes; i++) {
            s.append(p).append(String.format("-%05d", i)).append("\tmunicipality\tMunicipio número ").append(i)
                    .append(" de la prueba\tMunicipality number ").append(i).append(" of the test\t\n");
        }
        return s.toString();
    }

    private Api.Response post(String body, String contentType) {
        return api.bytes("POST", SCOPES, body.getBytes(StandardCharsets.UTF_8),
                headers(admin, "Content-Type", contentType));
    }

    private static byte[] multipart(String boundary, String fileName, String type, byte[] content) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return all;
    }

    private static void summary(Api.Response r, int created, int updated, int unchanged) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode s = r.json();
        assertThat(s.propertyNames()).containsExactly("created", "updated", "unchanged", "total");
        assertThat(s.get("created").asInt()).as(r.toString()).isEqualTo(created);
        assertThat(s.get("updated").asInt()).as(r.toString()).isEqualTo(updated);
        assertThat(s.get("unchanged").asInt()).as(r.toString()).isEqualTo(unchanged);
        assertThat(s.get("total").asInt()).isEqualTo(created + updated + unchanged);
    }

    private boolean exists(String code) {
        return api.get(SCOPES + "/" + code, admin).status() == 200;
    }

    @Test
    void loadsATsvBodyAndShowsTheScopes() {
        summary(post(tsv(), "text/tab-separated-values"), 3, 0, 0);
        summary(post(tsv(), "text/tab-separated-values; charset=UTF-8"), 0, 0, 3);

        Api.Response r = api.get(SCOPES + "/" + p + "-R1-P1", admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode province = r.json();
        assertThat(province.get("code").asString()).isEqualTo(p + "-R1-P1");
        assertThat(province.get("name").get("es").asString()).isEqualTo("Provincia uno");
        assertThat(province.get("name").get("en").asString()).isEqualTo("Province one");
        assertThat(province.get("type").get("code").asString()).isEqualTo("province");
        assertThat(province.get("type").get("name").get("es").asString()).isEqualTo("Provincia");
        assertThat(province.get("parent").asString()).isEqualTo(p + "-R1");
        assertThat(province.get("mappings").get("INE-PROV").asString()).isEqualTo("99");
        assertThat(province.get("children_count").asInt()).isZero();
        assertThat(province.get("version").asInt()).isZero();

        JsonNode country = api.get(SCOPES + "/" + p, admin).json();
        assertThat(country.get("parent").asString()).isEqualTo("XX");
        assertThat(country.get("children_count").asInt()).isEqualTo(1);
        assertThat(api.get(SCOPES + "/ES", admin).json().get("parent").isNull()).isTrue();
        problem(api.get(SCOPES + "/" + p + "-NOPE", admin), 404);
    }

    @Test
    void formatsByContentTypeParameterOrHeaderLine() {
        summary(post(csv(), "text/csv"), 2, 0, 0);
        JsonNode country = api.get(SCOPES + "/" + p, admin).json();
        assertThat(country.get("name").get("es").asString()).isEqualTo("País, de prueba");
        assertThat(api.get(SCOPES + "/" + p + "-A", admin).json().get("parent").asString()).isEqualTo(p);

        summary(api.bytes("POST", SCOPES + "?format=csv", csv().getBytes(StandardCharsets.UTF_8),
                headers(admin, "Content-Type", "text/plain")), 0, 0, 2);
        summary(api.bytes("POST", SCOPES + "?format=CSV", csv().getBytes(StandardCharsets.UTF_8),
                headers(admin, "Content-Type", "application/octet-stream")), 0, 0, 2);
        // no format: the header line tells (a tab means TSV)
        summary(post(tsv(), "text/plain"), 2, 1, 0); // the country's names differ in the TSV
        summary(post(csv(), "application/octet-stream"), 0, 1, 1); // the country gets the CSV's names back
        summary(api.bytes("POST", SCOPES, tsv().getBytes(StandardCharsets.UTF_8), admin), 0, 1, 2); // no type
        // another character set when the content type says so
        String latin = "code,type,name_es\n" + p + "-B,region,Región Ñ\n";
        summary(api.bytes("POST", SCOPES, latin.getBytes(StandardCharsets.ISO_8859_1),
                headers(admin, "Content-Type", "text/csv; charset=ISO-8859-1")), 1, 0, 0);
        assertThat(api.get(SCOPES + "/" + p + "-B", admin).json().get("name").get("es").asString())
                .isEqualTo("Región Ñ");
    }

    @Test
    void loadsTheFilePartOfAForm() {
        String boundary = "populus-" + unique();
        String type = "multipart/form-data; boundary=" + boundary;
        // told by the file name
        summary(api.bytes("POST", SCOPES, multipart(boundary, "spain.tsv", "application/octet-stream",
                tsv().getBytes(StandardCharsets.UTF_8)), headers(admin, "Content-Type", type)), 3, 0, 0);
        // by the part's content type
        summary(api.bytes("POST", SCOPES, multipart(boundary, "scopes", "text/tab-separated-values",
                tsv().getBytes(StandardCharsets.UTF_8)), headers(admin, "Content-Type", type)), 0, 0, 3);
        // by the parameter
        summary(api.bytes("POST", SCOPES + "?format=tsv", multipart(boundary, "scopes.txt", "text/plain",
                tsv().getBytes(StandardCharsets.UTF_8)), headers(admin, "Content-Type", type)), 0, 0, 3);
        // a form without the part
        byte[] other = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        problem(api.bytes("POST", SCOPES, other, headers(admin, "Content-Type", type)), 400);
        // a broken form
        problem(api.bytes("POST", SCOPES, "garbage".getBytes(StandardCharsets.UTF_8),
                headers(admin, "Content-Type", type)), 400);
    }

    @Test
    void aControlCharacterInANameCodeOrMappingIs422NamingTheLineAndLoadsNothing() {
        JsonNode name = problem(post(HEADER + p + "\tcountry\tPa\u0001s\tCountry\t\n", "text/tab-separated-values"),
                422);
        assertThat(name.get("line").asInt()).isEqualTo(2);
        assertThat(name.get("detail").asString()).contains("control character");
        JsonNode code = problem(post(HEADER + p + "\u001b[31m\tcountry\tPaís\tCountry\t\n",
                "text/tab-separated-values"), 422);
        assertThat(code.get("line").asInt()).isEqualTo(2);
        JsonNode csv = problem(post("code,type,name\n" + p + ",country,\"Pa\u0085s\"\n", "text/csv"), 422);
        assertThat(csv.get("line").asInt()).isEqualTo(2);
        JsonNode mapping = problem(post("code,type,name,mappings\n" + p + ",country,País,\"{\"\"INE\"\":\"\"\\u0001\"\"}\"\n",
                "text/csv"), 422);
        assertThat(mapping.get("line").asInt()).isEqualTo(2);
        assertThat(api.get(SCOPES + "/" + p, admin).status()).isEqualTo(404);
    }

    @Test
    void aNulCharacterOrAnOverlongValueIs422NamingTheLine() {
        JsonNode nul = problem(post(HEADER + p + "\tcountry\tPa\u0000s\tCountry\t\n", "text/tab-separated-values"),
                422);
        assertThat(nul.get("line").asInt()).isEqualTo(2);
        String code = p + "X".repeat(5_000);
        JsonNode longCode = problem(post(HEADER + code + "\tcountry\tPaís\tCountry\t\n", "text/tab-separated-values"),
                422);
        assertThat(longCode.get("line").asInt()).isEqualTo(2);
        assertThat(longCode.get("detail").asString()).doesNotContain(code);
        JsonNode json = problem(post("code,type,name,metadata\n" + p + ",country,País,\"{\"\"a\"\":\"\"\\u0000\"\"}\"\n",
                "text/csv"), 422);
        assertThat(json.get("line").asInt()).isEqualTo(2);
    }

    @Test
    void aBadFileIs422NamingTheLineAndLoadsNothing() {
        String tooManyFields = HEADER + p + "\tcountry\tPaís\tCountry\t\n" + p + "-R1\tregion\tR\tR\t\tx\textra\n";
        JsonNode body = problem(post(tooManyFields, "text/tab-separated-values"), 422);
        assertThat(body.get("detail").asString()).contains("line 3").contains("Nothing was loaded");
        assertThat(body.get("line").asInt()).isEqualTo(3);
        assertThat(exists(p)).isFalse();

        // found only while writing (the parent is checked against the database): rolled back
        String unknownParent = "code,type,name_es,parent\n" + p + ",country,País,\n" + p + "-R1,region,R,"
                + p + "-NOPE\n";
        body = problem(post(unknownParent, "text/csv"), 422);
        assertThat(body.get("detail").asString()).contains("line 3").contains(p + "-NOPE");
        assertThat(exists(p)).isFalse();

        body = problem(post("", "text/csv"), 422);
        assertThat(body.get("detail").asString()).contains("empty");
        body = problem(post("UID\tName\n" + p + "\tX\n", "text/tab-separated-values"), 422);
        assertThat(body.get("detail").asString()).contains("Type");
        assertThat(body.get("line").asInt()).isEqualTo(1);

        byte[] notUtf8 = ("code,type,name_es\n" + p + ",country,Espa").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(notUtf8, notUtf8.length + 2);
        bad[bad.length - 2] = (byte) 0xF1; // ñ in Latin-1
        bad[bad.length - 1] = 'a';
        body = problem(api.bytes("POST", SCOPES, bad, headers(admin, "Content-Type", "text/csv")), 422);
        assertThat(body.get("detail").asString()).contains("UTF-8");
        assertThat(exists(p)).isFalse();
    }

    @Test
    void aScopeFileInAnUnknownFormatOrMediaTypeOrFromANonAdminIsRefusedAndLoadsNothing() {
        problem(api.bytes("POST", SCOPES + "?format=xml", tsv().getBytes(StandardCharsets.UTF_8),
                headers(admin, "Content-Type", "text/plain")), 400, "format");
        problem(post(tsv(), "application/json"), 415);
        problem(post(tsv(), "application/x-www-form-urlencoded"), 415);
        problem(post(tsv(), "text/csv; charset=no-such-charset"), 415);
        problem(api.get(SCOPES, admin), 405);
        assertThat(exists(p)).isFalse();

        problem(api.bytes("POST", SCOPES, tsv().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/tab-separated-values"), 401);
        String[] writer = session(sessionWith(Role.REGISTRY_WRITE));
        problem(api.bytes("POST", SCOPES, tsv().getBytes(StandardCharsets.UTF_8),
                headers(writer, "Content-Type", "text/tab-separated-values")), 403);
        problem(api.get(SCOPES + "/ES", writer), 403);
        assertThat(exists(p)).isFalse();
    }

    @Test
    void scopeFilesMayBeAsLargeAsTheUploadLimit() {
        String file = big(100 * 1024); // over the general limit (64KB), under the upload limit (256KB)
        Api.Response r = post(file, "text/tab-separated-values");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isGreaterThan(1000);
        // chunked too
        summary(api.chunked("POST", SCOPES, file.getBytes(StandardCharsets.UTF_8),
                headers(admin, "Content-Type", "text/tab-separated-values")), 0, 0, r.json().get("total").asInt());
        // the general limit still holds elsewhere in the Admin API
        problem(api.post("/admin/api/api-keys", Api.obj("name", "x".repeat(100 * 1024)), admin), 413);
    }

    @Test
    void scopeFilesOverTheUploadLimitAre413() {
        String p0 = p;
        String file = big(300 * 1024);
        JsonNode body = problem(post(file, "text/tab-separated-values"), 413);
        assertThat(body.get("detail").asString()).contains(String.valueOf(256 * 1024));
        body = problem(api.chunked("POST", SCOPES, file.getBytes(StandardCharsets.UTF_8),
                headers(admin, "Content-Type", "text/tab-separated-values")), 413);
        assertThat(body.get("limit").asLong()).isEqualTo(256 * 1024);
        String boundary = "populus-" + unique();
        problem(api.bytes("POST", SCOPES, multipart(boundary, "big.tsv", "text/tab-separated-values",
                file.getBytes(StandardCharsets.UTF_8)), headers(admin, "Content-Type",
                "multipart/form-data; boundary=" + boundary)), 413);
        problem(api.chunked("POST", SCOPES, multipart(boundary, "big.tsv", "text/tab-separated-values",
                file.getBytes(StandardCharsets.UTF_8)), headers(admin, "Content-Type",
                "multipart/form-data; boundary=" + boundary)), 413);
        // refused before authentication, without reading it
        problem(api.bytes("POST", SCOPES, file.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/tab-separated-values"), 413);
        assertThat(exists(p0)).isFalse();
    }
}
