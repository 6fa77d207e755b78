package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.PersonalData;
import org.populus.person.Registrant;
import org.populus.person.RegistrantDraft;
import org.populus.person.RegistrantKind;
import org.populus.person.Registrants;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET /api/v1(/:locale)/people/:id through a real port (docs/census-api.md#reading-a-person). */
class CensusPersonApiTest extends HttpTest {

    private static final List<String> BASIC = List.of("person_id", "external_ids", "scope_code", "state",
            "membership_level", "verification", "phone_verification");
    private static final List<String> ALL = List.of("person_id", "external_ids", "scope_code", "state",
            "membership_level", "verification", "phone_verification", "first_name", "last_name1", "last_name2",
            "document_type", "document_id", "document_scope_code", "born_at", "gender", "email", "phone", "address",
            "address_scope_code", "postal_code", "additional_information", "membership_allowed?", "created_at");

    @Autowired
    Registrants registrants;

    String[] admin;

    @BeforeEach
    void login() {
        admin = session(adminSession());
    }

    static String dni() {
        return String.format("0%07d", ThreadLocalRandom.current().nextInt(10_000_000))
                + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(ThreadLocalRandom.current().nextInt(23));
    }

    Registrant create(String dni, LocalDate birthdate, Map<String, Long> externalIds, CensusStatus status) {
        PersonalData data = new PersonalData(null, "Lucía", "García" + unique(), "López", null, "female", birthdate,
                null, "lucia@example.org", "Calle Mayor 1", "24001", "ES", "FR", "ES", null, null,
                "{\"origin\":\"test\"}");
        return registrants.create(new RegistrantDraft(RegistrantKind.INDIVIDUAL, data,
                List.of(new RegistrantDraft.IdentifierDraft("dni", dni, null, true)),
                List.of(new RegistrantDraft.PhoneDraft("+34600000001", null)), List.of(), externalIds, status),
                Provenance.system("test"));
    }

    Registrant create(String dni) {
        return create(dni, LocalDate.of(1980, 2, 29), Map.of(), CensusStatus.pending());
    }

    Response get(String qualifiedId, String query) {
        return api.get("/api/v1/people/" + qualifiedId + (query == null ? "" : "?" + query));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void showsAPersonWithTheOriginalsAttributesInOrder() {
        String dni = dni();
        Registrant r = create(dni);
        Response res = get(r.id() + "@census", null);
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        JsonNode j = res.json();
        assertThat(fieldNames(j)).containsExactlyElementsOf(ALL);
        assertThat(j.get("person_id").isIntegralNumber()).isTrue();
        assertThat(j.get("person_id").asLong()).isEqualTo(r.id());
        assertThat(j.get("external_ids").isObject()).isTrue();
        assertThat(j.get("scope_code").asString()).isEqualTo("ES");
        assertThat(j.get("state").asString()).isEqualTo("pending");
        assertThat(j.get("membership_level").asString()).isEqualTo("follower");
        assertThat(j.get("verification").asString()).isEqualTo("not_verified");
        assertThat(j.get("phone_verification").asString()).isEqualTo("not_verified");
        assertThat(j.get("first_name").asString()).isEqualTo("Lucía");
        assertThat(j.get("last_name1").asString()).isEqualTo(r.data().familyName());
        assertThat(j.get("last_name2").asString()).isEqualTo("López");
        assertThat(j.get("document_type").asString()).isEqualTo("dni");
        assertThat(j.get("document_id").asString()).isEqualTo(dni);
        assertThat(j.get("document_scope_code").asString()).isEqualTo("ES");
        assertThat(j.get("born_at").asString()).isEqualTo("1980-02-29");
        assertThat(j.get("gender").asString()).isEqualTo("female");
        assertThat(j.get("email").asString()).isEqualTo("lucia@example.org");
        assertThat(j.get("phone").asString()).isEqualTo("+34600000001");
        assertThat(j.get("address").asString()).isEqualTo("Calle Mayor 1");
        assertThat(j.get("address_scope_code").asString()).isEqualTo("FR");
        assertThat(j.get("postal_code").asString()).isEqualTo("24001");
        assertThat(j.get("additional_information").get("origin").asString()).isEqualTo("test");
        assertThat(j.get("membership_allowed?").asBoolean()).isTrue();
        assertThat(j.get("created_at").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z")
                .isEqualTo(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
                        .format(r.createdAt()));
        assertThat(res.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void findsByExternalIdAndByDocument() {
        long external = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String dni = dni();
        Registrant r = create(dni, LocalDate.of(1990, 1, 1), Map.of("participa2-1", external), CensusStatus.pending());
        Response byExternal = get(external + "@participa2-1", null);
        assertThat(byExternal.status()).isEqualTo(200);
        assertThat(byExternal.json().get("person_id").asLong()).isEqualTo(r.id());
        assertThat(byExternal.json().get("external_ids").get("participa2-1").asLong()).isEqualTo(external);

        assertThat(get(dni + "@document_id", null).json().get("person_id").asLong()).isEqualTo(r.id());
        String sloppy = dni.substring(1, 5) + "-" + dni.substring(5, 8) + " " + dni.substring(8).toLowerCase();
        Response bySloppy = get(enc(sloppy) + "@document_id", null);
        assertThat(bySloppy.status()).as(sloppy).isEqualTo(200);
        assertThat(bySloppy.json().get("person_id").asLong()).isEqualTo(r.id());
        assertThat(get(r.id() + "abc@census", null).json().get("person_id").asLong()).isEqualTo(r.id());
    }

    @Test
    void unknownPeopleAreNotFound() {
        for (String id : List.of("0", "potato@decidim", "1@potato", "999999999@census", "0@census",
                "99999999Z@document_id", "abc@census")) {
            Response r = get(id, null);
            assertThat(r.status()).as(id).isEqualTo(404);
            assertThat(r.body()).as(id).isEqualTo("{}");
        }
    }

    @Test
    void createdThroughOpenG2pIsReadThroughCensus() {
        String dni = dni();
        Response created = api.post("/api/v1/registry/individual/", obj("given_name", "Pau", "family_name",
                "Vidal" + unique(), "gender", "male", "birthdate", "1975-06-01",
                "ids", List.of(obj("id_type", "dni", "value", dni)),
                "phone_numbers", List.of(obj("phone_no", "+34611222333"))), admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().get("id").asLong();
        Response r = get(id + "@census", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(fieldNames(j)).containsExactlyElementsOf(ALL);
        assertThat(j.get("person_id").asLong()).isEqualTo(id);
        assertThat(j.get("state").asString()).isEqualTo("enabled");
        assertThat(j.get("first_name").asString()).isEqualTo("Pau");
        assertThat(j.get("document_type").asString()).isEqualTo("dni");
        assertThat(j.get("document_id").asString()).isEqualTo(dni);
        assertThat(j.get("phone").asString()).isEqualTo("+34611222333");
        assertThat(j.get("born_at").asString()).isEqualTo("1975-06-01");
        assertThat(j.get("additional_information").isObject()).isTrue();
        assertThat(get(dni + "@document_id", null).json().get("person_id").asLong()).isEqualTo(id);
    }

    @Test
    void createdThroughOpenG2pWithAnotherIdTypeHasNoDocument() {
        String nid = "NID" + unique();
        Response created = api.post("/api/v1/registry/individual/", obj("given_name", "Awa", "family_name",
                "Diallo" + unique(), "gender", "female", "birthdate", "1990-03-04",
                "ids", List.of(obj("id_type", "National ID", "value", nid))), admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.json().get("id").asLong();
        Response r = get(id + "@census", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(fieldNames(j)).containsExactlyElementsOf(ALL);
        assertThat(j.get("first_name").asString()).isEqualTo("Awa");
        assertThat(j.get("document_type").isNull()).isTrue();
        assertThat(j.get("document_id").isNull()).isTrue();
    }

    @Test
    void membershipIsAllowedFromTheEighteenthBirthday() {
        LocalDate today = LocalDate.now();
        Registrant adult = create(dni(), today.minusYears(18), Map.of(), CensusStatus.pending());
        Registrant minor = create(dni(), today.minusYears(18).plusDays(1), Map.of(), CensusStatus.pending());
        Registrant unborn = create(dni(), null, Map.of(), CensusStatus.pending());
        assertThat(get(adult.id() + "@census", null).json().get("membership_allowed?").asBoolean()).isTrue();
        assertThat(get(minor.id() + "@census", null).json().get("membership_allowed?").asBoolean()).isFalse();
        JsonNode u = get(unborn.id() + "@census", null).json();
        assertThat(u.get("membership_allowed?").asBoolean()).isFalse();
        assertThat(u.get("born_at").isNull()).isTrue();
    }

    @Test
    void includesNarrowTheAnswerToTheNamedAttributes() {
        Registrant r = create(dni());
        Response email = get(r.id() + "@census", "includes[]=email");
        assertThat(email.body()).isEqualTo("{\"email\":\"lucia@example.org\"}");
        Response two = get(r.id() + "@census", "includes[]=email&includes[]=person_id");
        assertThat(fieldNames(two.json())).containsExactly("person_id", "email");
    }

    @Test
    void scopesAreShownWithAnyExcludesOrWithScopeAndOtherwiseLeftOut() {
        Registrant r = create(dni());
        assertThat(get(r.id() + "@census", null).json().has("scopes")).isFalse();
        for (String query : List.of("excludes[]=", "with_scope=true")) {
            JsonNode j = get(r.id() + "@census", query.replace("[]", "%5B%5D")).json();
            assertThat(fieldNames(j)).as(query).startsWith(ALL.toArray(String[]::new)).endsWith("scopes");
            List<String> codes = new ArrayList<>();
            j.get("scopes").forEach(s -> codes.add(s.get("code").asString()));
            assertThat(codes).as(query).contains("ES", "FR").doesNotHaveDuplicates();
            JsonNode es = null;
            for (JsonNode s : j.get("scopes")) {
                if (s.get("code").asString().equals("ES")) {
                    es = s;
                }
            }
            assertThat(fieldNames(es)).containsExactly("id", "name", "scope_type", "code", "mappings");
            assertThat(es.get("name").isObject()).isTrue();
        }
    }

    @Test
    void discardedPeopleShowOnlyTheBasicAttributes() {
        Registrant r = create(dni(), LocalDate.of(1970, 1, 1), Map.of(), new CensusStatus(
                CensusStatus.State.CANCELLED, CensusStatus.Verification.NOT_VERIFIED,
                CensusStatus.MembershipLevel.FOLLOWER, CensusStatus.PhoneVerification.NOT_VERIFIED));
        JsonNode j = get(r.id() + "@census", null).json();
        assertThat(fieldNames(j)).containsExactlyElementsOf(BASIC);
        assertThat(j.get("state").asString()).isEqualTo("cancelled");
    }

    @Test
    void versionAtShowsThePersonAsTheyWere() throws Exception {
        Instant before = Instant.now().minusSeconds(5);
        String oldDni = dni();
        Registrant r = create(oldDni);
        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);
        String newDni = dni();
        Response patched = api.patch("/api/v1/registry/individual/updateIdentification",
                obj("id_type", "dni", "value", newDni, "partner_id", r.id()), admin);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        String qid = r.id() + "@census";
        assertThat(get(qid, null).json().get("document_id").asString()).isEqualTo(newDni);
        assertThat(get(qid, "version_at=" + enc(between.toString())).json().get("document_id").asString())
                .isEqualTo(oldDni);
        String utc = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC)
                .format(between);
        assertThat(get(qid, "version_at=" + enc(utc)).json().get("document_id").asString()).isEqualTo(oldDni);
        String offset = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm xxx").withZone(ZoneOffset.ofHours(2))
                .format(Instant.now().plusSeconds(120));
        assertThat(get(qid, "version_at=" + enc(offset)).json().get("document_id").asString()).isEqualTo(newDni);

        Response early = get(qid, "version_at=" + enc(before.toString()));
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.body()).isEqualTo("{}");
        Response bad = get(qid, "version_at=potato");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).isEqualTo("{\"version_at\":[{\"error\":\"invalid\"}]}");
    }

    @Test
    void theFiveLocalesServeThePersonAndAnyOtherLocaleIs404() {
        Registrant r = create(dni());
        for (String locale : List.of("es", "ca", "eu", "en", "gl")) {
            Response ok = api.get("/api/v1/" + locale + "/people/" + r.id() + "@census");
            assertThat(ok.status()).as(locale).isEqualTo(200);
            assertThat(ok.json().get("person_id").asLong()).isEqualTo(r.id());
        }
        Response xx = api.get("/api/v1/xx/people/" + r.id() + "@census");
        assertThat(xx.status()).isEqualTo(404);
        assertThat(xx.body()).isEqualTo("{}");
    }

    @Test
    void otherErrorsAreEmptyObjects() {
        Response method = api.raw("PUT", "/api/v1/people/1@census/potato", null);
        assertThat(method.status()).isEqualTo(404);
        assertThat(method.body()).isEqualTo("{}");
        Response nowhere = api.get("/api/v1/people");
        assertThat(nowhere.body()).isEqualTo("{}");
        Response wrongMethod = api.raw("POST", "/api/v1/en/people/1@census", "{}", "Content-Type",
                "application/json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("{}");
    }
}
