package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.census.CensusForms.form;
import static org.populus.api.census.CensusForms.nested;
import static org.populus.api.census.CensusForms.pairs;
import static org.populus.api.census.CensusForms.person;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureState;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Procedures;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Document and phone verification through the Census API (docs/census-api.md#document-verification and
 * #phone-verification).
 */
class CensusVerificationApiTest extends HttpTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    Procedures procedures;

    long enabledPerson(Map<String, String> p) {
        Response r = form(api, "POST", "/api/v1/en/people", nested(p));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        long id = r.json().get("person_id").asLong();
        long until = System.currentTimeMillis() + 10_000;
        while (!"enabled".equals(state(id)) && System.currentTimeMillis() < until) {
            procedures.processQueued();
        }
        assertThat(state(id)).isEqualTo("enabled");
        return id;
    }

    String state(long id) {
        return show(id).get("state").asString();
    }

    JsonNode show(long id) {
        return api.get("/api/v1/people/" + id + "@census").json();
    }

    static List<String[]> file(String name, String type, byte[] content) {
        return pairs("files[][filename]", name, "files[][content_type]", type, "files[][base64_content]",
                Base64.getEncoder().encodeToString(content));
    }

    // ---- document verification ------------------------------------------------------------------------------

    @Test
    void twoFilesMakeOneProcedureWithTwoEncryptedAttachments() {
        long id = enabledPerson(person());
        byte[] back = "%PDF-1.4 back side".getBytes(StandardCharsets.UTF_8);
        Response r = form(api, "POST", "/api/v1/en/people/" + id + "@census/document_verifications",
                file("front.png", "image/png", PNG), file("back.pdf", "application/pdf", back),
                pairs("prioritize", "true"));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("{}");
        List<Procedure> pending = procedures.pending(id);
        assertThat(pending).hasSize(1);
        Procedure p = pending.get(0);
        assertThat(p.type()).isEqualTo(ProcedureType.DOCUMENT_VERIFICATION);
        assertThat(p.prioritizedAt()).isCloseTo(java.time.Instant.now(), org.assertj.core.api.Assertions.within(
                Duration.ofMinutes(1)));
        var files = procedures.attachments(p.id());
        assertThat(files).extracting(a -> a.filename()).containsExactly("front.png", "back.pdf");
        assertThat(procedures.attachmentContent(files.get(0).id())).isEqualTo(PNG);
        assertThat(procedures.attachmentContent(files.get(1).id())).isEqualTo(back);
        // encrypted at rest
        byte[] stored = jdbc.sql("select ciphertext from attachment where id = ?").param(files.get(1).id())
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("back side");
        assertThat(show(id).get("verification").asString()).isEqualTo("verification_received");
        // not processed automatically: it waits for staff
        procedures.processQueued();
        assertThat(procedures.find(p.id()).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);
        // a second request reuses the pending procedure and replaces its files
        Response again = form(api, "POST", "/api/v1/people/" + id + "@census/document_verifications",
                file("a.png", "image/png", PNG), file("b.png", "image/png", PNG), pairs("prioritize", ""));
        assertThat(again.status()).isEqualTo(202);
        assertThat(procedures.pending(id)).extracting(Procedure::id).containsExactly(p.id());
        assertThat(procedures.attachments(p.id())).extracting(a -> a.filename()).containsExactly("a.png", "b.png");
    }

    @Test
    void withoutPrioritizeThereIsNoPriority() {
        long id = enabledPerson(person());
        form(api, "POST", "/api/v1/people/" + id + "@census/document_verifications",
                file("a.png", "image/png", PNG), file("b.png", "image/png", PNG), pairs("prioritize", "false"));
        assertThat(procedures.pending(id).get(0).prioritizedAt()).isNull();
    }

    @Test
    void documentedJsonWithBase64UnderTheDocumentedName() {
        long id = enabledPerson(person());
        String b64 = Base64.getEncoder().encodeToString(PNG);
        Response r = api.post("/api/v1/people/" + id + "@census/document_verifications", Map.of("files", List.of(
                Map.of("filename", "a.png", "content_type", "image/png", "base_64_content", b64),
                Map.of("filename", "b.png", "content_type", "image/png", "base_64_content", b64)),
                "prioritized", true));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(procedures.pending(id).get(0).prioritizedAt()).isNotNull();
    }

    @Test
    void tooFewFilesDisallowedTypesAndBadBase64() {
        long id = enabledPerson(person());
        String path = "/api/v1/people/" + id + "@census/document_verifications";
        Response one = form(api, "POST", path, file("a.png", "image/png", PNG));
        assertThat(one.status()).isEqualTo(422);
        assertThat(one.body()).isEqualTo("{\"files\":[{\"error\":\"too_short\",\"count\":2}]}");
        Response exe = form(api, "POST", path, file("a.png", "image/png", PNG),
                file("x.exe", "application/x-msdownload", PNG));
        assertThat(exe.status()).isEqualTo(422);
        assertThat(exe.json().get("files").get(0).get("error").asString()).isEqualTo("inclusion");
        Response bad = form(api, "POST", path, file("a.png", "image/png", PNG),
                pairs("files[][filename]", "b.png", "files[][content_type]", "image/png",
                        "files[][base64_content]", "%%%not base64%%%"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("files").get(0).get("error").asString()).isEqualTo("invalid");
        assertThat(procedures.pending(id)).isEmpty();
        assertThat(show(id).get("verification").asString()).isEqualTo("not_verified");
    }

    @Test
    void anSvgDeclaredAsPngIsRefusedAsInclusion() {
        long id = enabledPerson(person());
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        Response r = form(api, "POST", "/api/v1/people/" + id + "@census/document_verifications",
                file("front.png", "image/png", PNG), file("back.png", "image/png", svg));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.body()).isEqualTo(
                "{\"files\":[{\"error\":\"inclusion\",\"value\":\"image/svg+xml\",\"filename\":\"back.png\"}]}");
        assertThat(procedures.pending(id)).isEmpty();
    }

    @Test
    void aPassportHolderNeedsOneFile() {
        Map<String, String> p = person();
        p.put("document_type", "passport");
        p.put("document_id", "AB" + (100000 + (int) (Math.random() * 800000)));
        long id = enabledPerson(p);
        Response r = form(api, "POST", "/api/v1/people/" + id + "@census/document_verifications",
                file("passport.jpg", "image/jpeg", PNG));
        assertThat(r.status()).isEqualTo(202);
    }

    @Test
    void aRequestOverTheUploadLimitIs413() {
        long id = enabledPerson(person());
        byte[] big = new byte[2 * 1024 * 1024];
        Response r = form(api, "POST", "/api/v1/people/" + id + "@census/document_verifications",
                file("a.png", "image/png", big), file("b.png", "image/png", big));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).isEqualTo("{}");
        assertThat(procedures.pending(id)).isEmpty();
    }

    // ---- phone verification ---------------------------------------------------------------------------------

    /** The last code sent to this phone, read from the test context's SMS file. */
    static String lastCode(String phoneDigits) throws Exception {
        List<String> lines = Files.exists(SMS_FILE) ? Files.readAllLines(SMS_FILE) : List.of();
        Pattern code = Pattern.compile("(\\d{7})");
        String found = null;
        for (String line : lines) {
            if (line.contains(phoneDigits)) {
                Matcher m = code.matcher(line.substring(line.indexOf("\"body\"")));
                if (m.find()) {
                    found = m.group(1);
                }
            }
        }
        return found;
    }

    @Test
    void aCodeSentByTheNewEndpointVerifiesThePhone() throws Exception {
        Map<String, String> p = person();
        long id = enabledPerson(p);
        String digits = p.get("phone").substring(4);
        Response sent = api.get("/api/v1/es/people/" + id + "@census/phone_verifications/new");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.body()).isEqualTo("{}");
        String code = lastCode(digits);
        assertThat(code).isNotNull();
        assertThat(Files.readString(SMS_FILE)).contains("Tu código de activación es " + code);

        Response wrong = form(api, "POST", "/api/v1/people/" + id + "@census/phone_verifications",
                pairs("received_code", "123456"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).isEqualTo("{\"received_code\":[{\"error\":\"invalid\"}]}");

        Response ok = form(api, "POST", "/api/v1/people/" + id + "@census/phone_verifications",
                pairs("received_code", code));
        assertThat(ok.status()).isEqualTo(202);
        assertThat(show(id).get("phone_verification").asString()).isEqualTo("verified");
        Procedure done = procedures.ofPerson(id).stream().filter(x -> x.type() == ProcedureType.PHONE_VERIFICATION)
                .findFirst().orElseThrow();
        assertThat(done.state()).isEqualTo(ProcedureState.ACCEPTED);
        assertThat(done.information()).containsEntry("phone", p.get("phone"));
        // a code works once
        assertThat(form(api, "POST", "/api/v1/people/" + id + "@census/phone_verifications",
                pairs("received_code", code)).status()).isEqualTo(422);
    }

    @Test
    void anotherPhoneCanBeVerifiedAndBecomesThePersonsPhone() throws Exception {
        long id = enabledPerson(person());
        String other = "0034699" + (100000 + (int) (Math.random() * 800000));
        assertThat(api.get("/api/v1/en/people/" + id + "@census/phone_verifications/new?phone=" + other).status())
                .isEqualTo(202);
        String code = lastCode(other.substring(4));
        assertThat(Files.readString(SMS_FILE)).contains("Your activation code is " + code);
        // the code is bound to that phone
        assertThat(form(api, "POST", "/api/v1/people/" + id + "@census/phone_verifications",
                pairs("received_code", code)).status()).isEqualTo(422);
        Response ok = form(api, "POST", "/api/v1/people/" + id + "@census/phone_verifications",
                pairs("received_code", code, "phone", other));
        // the wrong-phone attempt above counted as one failure; the code still works
        assertThat(ok.status()).as(ok.toString()).isEqualTo(202);
        JsonNode person = show(id);
        assertThat(person.get("phone").asString()).isEqualTo(other);
        assertThat(person.get("phone_verification").asString()).isEqualTo("verified");
    }

    @Test
    void fiveWrongAttemptsVoidTheCode() throws Exception {
        Map<String, String> p = person();
        long id = enabledPerson(p);
        api.get("/api/v1/people/" + id + "@census/phone_verifications/new");
        String code = lastCode(p.get("phone").substring(4));
        String wrong = code.equals("0000000") ? "1111111" : "0000000";
        for (int i = 0; i < 5; i++) {
            assertThat(form(api, "POST", "/api/v1/people/" + id + "@census/phone_verifications",
                    pairs("received_code", wrong)).status()).isEqualTo(422);
        }
        Response right = form(api, "POST", "/api/v1/people/" + id + "@census/phone_verifications",
                pairs("received_code", code));
        assertThat(right.status()).isEqualTo(422);
        assertThat(right.body()).isEqualTo("{\"received_code\":[{\"error\":\"invalid\"}]}");
        assertThat(show(id).get("phone_verification").asString()).isEqualTo("not_verified");
    }

    @Test
    void anExpiredCodeIsInvalid() throws Exception {
        Map<String, String> p = person();
        long id = enabledPerson(p);
        api.get("/api/v1/people/" + id + "@census/phone_verifications/new");
        String code = lastCode(p.get("phone").substring(4));
        jdbc.sql("update phone_code set created_at = created_at - interval '6 minutes',"
                + " expires_at = expires_at - interval '6 minutes' where party_id = ?").param(id).update();
        assertThat(form(api, "POST", "/api/v1/people/" + id + "@census/phone_verifications",
                pairs("received_code", code)).status()).isEqualTo(422);
    }

    @Test
    void theFourthSmsInTenMinutesIs429() {
        long id = enabledPerson(person());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(api.get("/api/v1/people/" + id + "@census/phone_verifications/new").status());
        }
        assertThat(statuses).containsExactly(202, 202, 202, 429);
        assertThat(api.get("/api/v1/people/" + id + "@census/phone_verifications/new").body()).isEqualTo("{}");
    }

    @Test
    void twelveNewPeopleCannotPumpSmsToOneNumber() throws Exception {
        String number = "0034699" + (100000 + (int) (Math.random() * 800000));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long id = enabledPerson(person());
            statuses.add(api.get("/api/v1/people/" + id + "@census/phone_verifications/new?phone=" + number)
                    .status());
        }
        // the per-destination limit: 5 per 10 minutes, whoever asks
        assertThat(statuses.stream().filter(s -> s == 202).count()).as(statuses.toString()).isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).as(statuses.toString()).isEqualTo(7);
        assertThat(Files.readAllLines(SMS_FILE).stream().filter(l -> l.contains(number.substring(4)))).hasSize(5);
    }

    @Test
    void unknownPeopleAreBlank() {
        assertThat(api.get("/api/v1/people/0@census/phone_verifications/new").body())
                .isEqualTo("{\"person\":[{\"error\":\"blank\"}]}");
        assertThat(form(api, "POST", "/api/v1/people/0@census/phone_verifications", pairs("received_code", "1"))
                .body()).isEqualTo("{\"person\":[{\"error\":\"blank\"}]}");
        assertThat(form(api, "POST", "/api/v1/people/0@census/document_verifications", pairs("prioritize", ""))
                .body()).isEqualTo("{\"person\":[{\"error\":\"blank\"}]}");
    }
}
