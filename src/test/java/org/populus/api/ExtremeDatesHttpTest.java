package org.populus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.catalog.Catalog;
import org.populus.catalog.Programme;
import org.populus.procedure.Procedures;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.populus.support.StoredBeforeTheDateFix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * Dates and instants at the edges, through the OpenG2P, Census and Admin APIs (issue 20, point 1): every date a
 * client gives is refused outside its range with the surface's 4xx and stores nothing; an "as of" instant the
 * database cannot hold is refused; and a person whose dates were stored before the ranges existed is read through
 * every surface without a 5xx. The back office's side is {@code OfficeExtremeDatesHttpTest}.
 */
class ExtremeDatesHttpTest extends HttpTest {

    private static final String INDIVIDUAL = "/api/v1/registry/individual";
    private static final String UPDATE_ID = INDIVIDUAL + "/updateIdentification";

    /** Dates no person, document or record has: each must be a 4xx and store nothing, never a 5xx. */
    static final List<Object> IMPOSSIBLE = List.of("-999999999-01-01", "+6000000-01-01", "-4713-01-01",
            99999999999L, "+999999999-12-31", "0000-01-01", "1899-12-31", "+10000-01-01");

    @Autowired
    Catalog catalog;

    @Autowired
    Procedures procedures;

    @Autowired
    PlatformTransactionManager transactions;

    String[] admin;

    @BeforeEach
    void login() {
        admin = session(adminSession());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private Map<String, Object> individual(String family) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(obj("given_name", "Dora", "family_name", family,
                "birthdate", "1980-02-29"));
        body.put("ids", List.of(obj("id_type", "National ID", "value", "NID" + unique(), "expiry_date",
                "2031-12-31")));
        return body;
    }

    private long peopleNamed(String family) {
        return jdbc.sql("select count(*) from party where family_name = ?").param(family).query(Long.class).single();
    }

    private static void assertOpenG2pRefusal(Response r, Object value) {
        assertThat(r.status()).as(value + ": " + r).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("errorCode").asString()).as(r.toString()).startsWith("G2P-REQ-");
    }

    @Test
    void openG2pRefusesABirthdateOutsideNineteenHundredToTodayAndStoresNobody() {
        List<Object> refused = new ArrayList<>(IMPOSSIBLE);
        refused.add(today().plusDays(1).toString());
        for (Object value : refused) {
            String family = "Birth" + unique();
            Map<String, Object> body = individual(family);
            body.put("birthdate", value);
            assertOpenG2pRefusal(api.post(INDIVIDUAL, body, admin), value);
            assertThat(peopleNamed(family)).as(String.valueOf(value)).isZero();
        }
        // a number is no date, not even a count of days since 1970 that would fall in the range
        String family = "Birth" + unique();
        Map<String, Object> days = individual(family);
        days.put("birthdate", 3650);
        Response number = api.post(INDIVIDUAL, days, admin);
        assertOpenG2pRefusal(number, 3650);
        assertThat(number.json().get("errorDescription").asString()).contains("a date (YYYY-MM-DD)");
        assertThat(peopleNamed(family)).isZero();
        for (String edge : List.of("1900-01-01", today().toString())) {
            Map<String, Object> body = individual("Birth" + unique());
            body.put("birthdate", edge);
            Response r = api.post(INDIVIDUAL, body, admin);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("birthdate").asString()).isEqualTo(edge);
        }
    }

    @Test
    void openG2pRefusesAnExpiryDateOutsideItsWindowWhenCreatingAPerson() {
        List<Object> refused = new ArrayList<>(IMPOSSIBLE);
        refused.add(today().plusYears(100).plusDays(1).toString());
        for (Object value : refused) {
            String family = "Expiry" + unique();
            Map<String, Object> body = individual(family);
            body.put("ids", List.of(obj("id_type", "National ID", "value", "NID" + unique(), "expiry_date", value)));
            assertOpenG2pRefusal(api.post(INDIVIDUAL, body, admin), value);
            assertThat(peopleNamed(family)).as(String.valueOf(value)).isZero();
        }
        Map<String, Object> body = individual("Expiry" + unique());
        body.put("ids", List.of(obj("id_type", "National ID", "value", "NID" + unique(), "expiry_date",
                today().plusYears(100).toString())));
        assertThat(api.post(INDIVIDUAL, body, admin).status()).isEqualTo(200);
    }

    @Test
    void updateIdentificationRefusesAnExpiryDateOutsideItsWindowAndChangesNothing() {
        JsonNode person = api.post(INDIVIDUAL, individual("Update" + unique()), admin).json();
        long id = person.get("id").asLong();
        int versions = versions(id);
        List<Object> refused = new ArrayList<>(IMPOSSIBLE);
        refused.add(today().plusYears(100).plusDays(1).toString());
        for (Object value : refused) {
            Response r = api.patch(UPDATE_ID, obj("id_type", "National ID", "value", "NID" + unique(),
                    "expiry_date", value, "partner_id", id), admin);
            assertOpenG2pRefusal(r, value);
        }
        assertThat(versions(id)).isEqualTo(versions);
        Response read = api.get(INDIVIDUAL + "/" + id, admin);
        assertThat(read.json().get("reg_ids").get(0).get("expiry_date").asString()).isEqualTo("2031-12-31");
        for (String edge : List.of("1900-01-01", today().plusYears(100).toString())) {
            Response r = api.patch(UPDATE_ID, obj("id_type", "National ID", "value", "NID" + unique(),
                    "expiry_date", edge, "partner_id", id), admin);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("expiry_date").asString()).isEqualTo(edge);
        }
    }

    @Test
    void openG2pRefusesRegistrationPhoneAndEnrolmentDatesOutsideTheirRanges() {
        String programme = "Dates programme " + unique();
        catalog.createProgramme(programme, Programme.TargetType.INDIVIDUAL, null, true);
        for (Object value : IMPOSSIBLE) {
            String family = "Other" + unique();
            Map<String, Object> registered = individual(family);
            registered.put("registration_date", value);
            assertOpenG2pRefusal(api.post(INDIVIDUAL, registered, admin), value);
            Map<String, Object> phone = individual(family);
            phone.put("phone_numbers", List.of(obj("phone_no", "+919876543210", "date_collected", value)));
            assertOpenG2pRefusal(api.post(INDIVIDUAL, phone, admin), value);
            Map<String, Object> enrolled = individual(family);
            enrolled.put("program_memberships", List.of(obj("name", programme, "enrollment_date", value)));
            assertOpenG2pRefusal(api.post(INDIVIDUAL, enrolled, admin), value);
            Response group = api.post("/api/v1/registry/group", obj("name", family + " household", "kind",
                    "Household", "registration_date", value), admin);
            assertOpenG2pRefusal(group, value);
            assertThat(peopleNamed(family)).as(String.valueOf(value)).isZero();
            assertThat(jdbc.sql("select count(*) from party where name = ?").param(family + " household")
                    .query(Long.class).single()).isZero();
        }
    }

    private int versions(long id) {
        return jdbc.sql("select count(*) from record_version where subject_type = 'registrant' and subject_id = ?")
                .param(id).query(Integer.class).single();
    }

    // ---- Census ----------------------------------------------------------------------------------------------

    private static String form(String... namesAndValues) {
        return Api.formBody(namesAndValues);
    }

    private static String dni() {
        int n = (int) (System.nanoTime() % 80_000_000) + 10_000_000;
        return String.format("%08d", n) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }

    private Response censusRegistration(String family, String bornAt) {
        return api.form("POST", "/api/v1/people", form("person[first_name]", "Lucía", "person[last_name1]", family,
                "person[document_type]", "dni", "person[document_id]", dni(), "person[document_scope_code]", "ES",
                "person[born_at]", bornAt, "person[gender]", "female", "person[address]", "Calle Mayor 1",
                "person[address_scope_code]", "ES", "person[postal_code]", "28001", "person[email]",
                "lucia" + unique() + "@example.org", "person[scope_code]", "ES"));
    }

    @Test
    void censusRefusesABornAtOutsideNineteenHundredToTodayOnRegistrationAndOnADataChange() {
        List<String> refused = new ArrayList<>(IMPOSSIBLE.stream().map(String::valueOf).toList());
        refused.add(today().plusDays(1).toString());
        for (String value : refused) {
            String family = "Census" + unique();
            Response r = censusRegistration(family, value);
            assertThat(r.status()).as(value + ": " + r).isEqualTo(422);
            assertThat(r.body()).as(value).isEqualTo("{\"born_at\":[{\"error\":\"invalid\"}]}");
            assertThat(peopleNamed(family)).isZero();
        }
        Response registered = censusRegistration("Census" + unique(), "1900-01-01");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(202);
        long id = registered.json().get("person_id").asLong();
        awaitEnabled(id);
        String path = "/api/v1/people/" + id + "@census";
        for (String value : refused) {
            Response r = api.form("PATCH", path, form("born_at", value));
            assertThat(r.status()).as(value + ": " + r).isEqualTo(422);
            assertThat(r.body()).as(value).isEqualTo("{\"born_at\":[{\"error\":\"invalid\"}]}");
        }
        assertThat(api.get(path).json().get("born_at").asString()).isEqualTo("1900-01-01");
    }

    private void awaitEnabled(long id) {
        long until = System.currentTimeMillis() + 10_000;
        while (!"enabled".equals(api.get("/api/v1/people/" + id + "@census").json().get("state").asString())
                && System.currentTimeMillis() < until) {
            procedures.processQueued();
        }
        assertThat(api.get("/api/v1/people/" + id + "@census").json().get("state").asString()).isEqualTo("enabled");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void censusRefusesAVersionAtTheDatabaseCannotHoldAndFindsNobodyBeforeTheyExisted() {
        long id = api.post(INDIVIDUAL, individual("VersionAt" + unique()), admin).json().get("id").asLong();
        String path = "/api/v1/people/" + id + "@census?version_at=";
        for (String at : List.of("-9999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "-4714-01-01T00:00:00Z",
                "+300000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "99999999999")) {
            Response r = api.get(path + enc(at));
            assertThat(r.status()).as(at + ": " + r).isEqualTo(422);
            assertThat(r.body()).as(at).isEqualTo("{\"version_at\":[{\"error\":\"invalid\"}]}");
        }
        // instants the database holds, from its first day, long before anyone was registered: nobody then
        for (String at : List.of("-4713-11-24T00:00:00Z", "0001-01-01T00:00:00Z", "1000-06-01T00:00:00Z")) {
            Response r = api.get(path + enc(at));
            assertThat(r.status()).as(at + ": " + r).isEqualTo(404);
        }
        Response later = api.get(path + enc("+294276-12-31T23:59:59Z"));
        assertThat(later.status()).as(later.toString()).isEqualTo(200);
        assertThat(later.json().get("person_id").asLong()).isEqualTo(id);
    }

    // ---- a person stored before the fix ----------------------------------------------------------------------

    @Test
    void aPersonWhoseDatesWereStoredBeforeTheFixIsReadThroughEveryApi() {
        StoredBeforeTheDateFix before = new StoredBeforeTheDateFix(jdbc, transactions);
        String family = "Stored" + unique();
        long minus = api.post(INDIVIDUAL, individual(family), admin).json().get("id").asLong();
        long plus = api.post(INDIVIDUAL, individual(family), admin).json().get("id").asLong();
        long ancient = api.post(INDIVIDUAL, individual(family), admin).json().get("id").asLong();
        Instant beforeTheBadVersions = Instant.now();
        before.write(minus, StoredBeforeTheDateFix.MINUS_INFINITY, StoredBeforeTheDateFix.MINUS_INFINITY);
        before.write(plus, StoredBeforeTheDateFix.PLUS_INFINITY, StoredBeforeTheDateFix.YEAR_5000000);
        before.write(ancient, StoredBeforeTheDateFix.BEFORE_4713_BC, StoredBeforeTheDateFix.YEAR_1000_BC);
        List<Long> people = List.of(minus, plus, ancient);
        try {
            for (long id : people) {
                Response one = api.get(INDIVIDUAL + "/" + id, admin);
                assertThat(one.status()).as(one.toString()).isEqualTo(200);
                assertThat(one.json().get("birthdate").isNull()).as(one.toString()).isTrue();
                assertThat(one.json().get("age").isNull()).as(one.toString()).isTrue();
                assertThat(one.json().get("reg_ids").get(0).get("expiry_date").isNull()).as(one.toString()).isTrue();
            }
            Response search = api.get(INDIVIDUAL + "?name=" + family, admin);
            assertThat(search.status()).as(search.toString()).isEqualTo(200);
            assertThat(ids(search.json())).containsExactlyElementsOf(people);
            for (JsonNode p : search.json()) {
                assertThat(p.get("birthdate").isNull()).isTrue();
                assertThat(p.get("reg_ids").get(0).get("expiry_date").isNull()).isTrue();
            }
            Response page = api.get(INDIVIDUAL + "?id=" + minus + "&limit=10", admin);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(ids(page.json())).containsExactly(minus);

            String[] data = session(sessionWith(Role.DATA));
            Response staff = api.get("/admin/api/people?q=" + family, data);
            assertThat(staff.status()).as(staff.toString()).isEqualTo(200);
            assertThat(staff.body()).contains("\"id\":" + minus).contains("\"id\":" + plus)
                    .contains("\"id\":" + ancient);
            for (long id : people) {
                Response versions = api.get("/admin/api/people/" + id + "/versions", data);
                assertThat(versions.status()).as(versions.toString()).isEqualTo(200);

                Response census = api.get("/api/v1/people/" + id + "@census");
                assertThat(census.status()).as(census.toString()).isEqualTo(200);
                assertThat(census.json().get("born_at").isNull()).isTrue();
                assertThat(census.json().get("membership_allowed?").asBoolean()).isFalse();
                Response now = api.get("/api/v1/people/" + id + "@census?version_at=" + enc(Instant.now().toString()));
                assertThat(now.status()).as(now.toString()).isEqualTo(200);
                Response then = api.get("/api/v1/people/" + id + "@census?version_at="
                        + enc(beforeTheBadVersions.toString()));
                assertThat(then.status()).as(then.toString()).isEqualTo(200);
                assertThat(then.json().get("born_at").asString()).isEqualTo("1980-02-29");
            }
        } finally {
            // the registry's own way out: the next change of the person stores a readable value in its place
            for (long id : people) {
                Response fixed = api.patch(UPDATE_ID, obj("id_type", "National ID", "value", "NID" + unique(),
                        "expiry_date", "2032-01-31", "partner_id", id), admin);
                assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
            }
        }
        assertThat(before.check()).isZero();
        for (long id : people) {
            assertThat(jdbc.sql("select birthdate is null from party where id = ?").param(id).query(Boolean.class)
                    .single()).isTrue();
            assertThat(api.get(INDIVIDUAL + "/" + id, admin).json().get("reg_ids").get(0).get("expiry_date")
                    .asString()).isEqualTo("2032-01-31");
        }
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(p -> ids.add(p.get("id").asLong()));
        return ids;
    }
}
