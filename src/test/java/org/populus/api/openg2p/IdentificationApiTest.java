package org.populus.api.openg2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.openg2p.IndividualApiTest.assertError;
import static org.populus.api.openg2p.IndividualApiTest.fieldNames;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.person.CensusStatus;
import org.populus.person.PersonEvent;
import org.populus.person.Registrants;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** PATCH /individual/updateIdentification, including 20 concurrent calls on one person. */
class IdentificationApiTest extends HttpTest {

    private static final String UPDATE = "/api/v1/registry/individual/updateIdentification";

    @Autowired
    Registrants registrants;

    @Autowired
    org.populus.procedure.Procedures procedures;

    @Autowired
    org.populus.catalog.Catalog catalog;

    String[] admin;

    @BeforeEach
    void login() {
        admin = session(adminSession());
    }

    JsonNode person() {
        return api.post("/api/v1/registry/individual/", obj("given_name", "Ida", "family_name", "Id" + unique(),
                "ids", List.of(obj("id_type", "National ID", "value", "NID" + unique()))), admin).json();
    }

    @Test
    void updatesTheIdOfThatTypeOrAddsIt() {
        JsonNode p = person();
        long id = p.get("id").asLong();
        long regId = p.get("reg_ids").get(0).get("id").asLong();
        String value = "NID" + unique();
        Response updated = api.patch(UPDATE, obj("id_type", "National ID", "value", value, "expiry_date",
                "2031-12-31", "partner_id", id), admin);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(fieldNames(updated.json())).containsExactly("id", "id_type_as_str", "value", "expiry_date",
                "partner_id");
        assertThat(updated.json().get("id").asLong()).isEqualTo(regId);
        assertThat(updated.json().get("value").asString()).isEqualTo(value);
        assertThat(updated.json().get("expiry_date").asString()).isEqualTo("2031-12-31");
        assertThat(updated.json().get("partner_id").asLong()).isEqualTo(id);

        String passport = "P" + unique();
        Response added = api.patch(UPDATE + "/", obj("id_type", "Passport", "value", passport, "partner_id", id),
                admin);
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("id").asLong()).isNotEqualTo(regId);
        JsonNode read = api.get("/api/v1/registry/individual/" + id, admin).json();
        assertThat(read.get("reg_ids").size()).isEqualTo(2);
        assertThat(registrants.versions(id)).extracting(v -> v.reason())
                .containsExactly("POST /api/v1/registry/individual/", "PATCH /api/v1/registry/individual/updateIdentification",
                        "PATCH /api/v1/registry/individual/updateIdentification/");
        assertThat(registrants.versions(id)).allSatisfy(v -> assertThat(v.actor()).isEqualTo("user:admin"));
    }

    @Test
    void refusesWhatItCannotDo() {
        long id = person().get("id").asLong();
        assertError(api.patch(UPDATE, obj("id_type", "Library card", "value", "1", "partner_id", id), admin), 400,
                "G2P-REQ-005", "The provided ID type - Library card is Invalid.");
        assertError(api.patch(UPDATE, obj("id_type", "Passport", "value", "1", "partner_id", 987654321L), admin), 400,
                "G2P-REQ-013", "The partner ID - 987654321 does not exist.");
        long group = api.post("/api/v1/registry/group/", obj("name", "G" + unique(), "members", List.of()), admin)
                .json().get("id").asLong();
        assertError(api.patch(UPDATE, obj("id_type", "Passport", "value", "1", "partner_id", group), admin), 400,
                "G2P-REQ-013", null);
        assertError(api.patch(UPDATE, obj("id_type", "Passport", "value", "1"), admin), 400, "G2P-REQ-012", null);
        assertError(api.patch(UPDATE, obj("id_type", "Passport", "value", " ", "partner_id", id), admin), 400,
                "G2P-REQ-005", null);
        assertError(api.patch(UPDATE, obj("id_type", "Passport", "value", "1", "partner_id", "abc"), admin), 400,
                "G2P-REQ-012", null);
        assertThat(registrants.versions(id)).hasSize(1);
    }

    @Test
    void twentyConcurrentUpdatesOnOnePersonLoseNoWrite() throws Exception {
        long id = person().get("id").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<String> types = List.of("National ID", "Passport", "dni", "nie");
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String type = types.get(i % types.size());
                String value = "V" + i + "-" + unique();
                futures.add(pool.submit(() -> api.patch(UPDATE, obj("id_type", type, "value", value, "partner_id",
                        id), admin)));
            }
            for (Future<Response> f : futures) {
                assertThat(f.get().status()).as(f.get().toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        var versions = registrants.versions(id);
        assertThat(versions).hasSize(21);
        assertThat(versions).extracting(v -> v.version()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 21).boxed().toList());
        for (int i = 1; i < versions.size(); i++) {
            assertThat(versions.get(i).recordedAt()).isAfter(versions.get(i - 1).recordedAt());
        }
        JsonNode read = api.get("/api/v1/registry/individual/" + id, admin).json();
        assertThat(read.get("reg_ids").size()).isEqualTo(4);
        List<String> seen = new ArrayList<>();
        read.get("reg_ids").forEach(r -> seen.add(r.get("id_type_as_str").asString()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(types);
    }

    @Test
    void twoIdenticalCreationsAtOnceMakeOnePerson() throws Exception {
        String value = "NID" + unique();
        String family = "Twin" + unique();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> api.post("/api/v1/registry/individual/", obj("given_name", "Tw",
                        "family_name", family, "ids", List.of(obj("id_type", "National ID", "value", value))),
                        admin)));
            }
            int created = 0;
            for (Future<Response> f : futures) {
                Response r = f.get();
                if (r.status() == 200) {
                    created++;
                } else {
                    assertError(r, 400, "G2P-REQ-005", null);
                }
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(api.get("/api/v1/registry/individual/?name=" + family, admin).json().size()).isEqualTo(1);
    }

    // ---- the primary document of a Census person ---------------------------------------------------------------

    /** A person registered through the Census procedures with this primary document, enabled by the queue. */
    long censusPerson(String documentType, String documentId, String documentScope) {
        String name = "Ida" + unique().chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
                .collect(java.util.stream.Collectors.joining());
        long id = procedures.register(new org.populus.procedure.PersonDataInput(name, "Census", null, documentType,
                documentId, documentScope, "1980-01-01", "female", "Calle Mayor 1", "ES", "28001",
                "ida-" + unique() + "@example.org", "ES", null), null, "origin_qualified_id", null,
                org.populus.history.Provenance.system("test"));
        long until = System.currentTimeMillis() + 10_000;
        while (registrants.find(id).orElseThrow().status().state() != CensusStatus.State.ENABLED
                && System.currentTimeMillis() < until) {
            procedures.processQueued();
        }
        assertThat(registrants.find(id).orElseThrow().status().state()).isEqualTo(CensusStatus.State.ENABLED);
        return id;
    }

    static String dni() {
        int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        return String.format("%08d", n) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }

    @Test
    void replacingTheVerifiedPrimaryDocumentUnverifiesThePerson() {
        long id = censusPerson("dni", dni(), "ES");
        registrants.transition(id, org.populus.history.Provenance.system("test"), PersonEvent.VERIFY);
        Response r = api.patch(UPDATE, obj("id_type", "dni", "value", dni(), "partner_id", id), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(registrants.find(id).orElseThrow().status().verification())
                .isEqualTo(CensusStatus.Verification.NOT_VERIFIED);
        // one change: the new document and the unverification in the same version
        var versions = registrants.versions(id);
        assertThat(versions.get(versions.size() - 1).reason())
                .isEqualTo("PATCH /api/v1/registry/individual/updateIdentification");
    }

    @Test
    void anotherDocumentOfAVerifiedPersonLeavesTheVerification() {
        long id = censusPerson("dni", dni(), "ES");
        registrants.transition(id, org.populus.history.Provenance.system("test"), PersonEvent.VERIFY);
        Response r = api.patch(UPDATE, obj("id_type", "National ID", "value", "NID" + unique(), "partner_id", id),
                admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(registrants.find(id).orElseThrow().status().verification())
                .isEqualTo(CensusStatus.Verification.VERIFIED);
    }

    @Test
    void aPrimaryDocumentSomeoneElseHoldsRaisesTheCensusDuplicatedDocumentIssue() {
        // only a type without unique values lets two people hold one value through this endpoint
        org.populus.catalog.IdType passport = catalog.idType("passport").orElseThrow();
        catalog.updateIdType(passport.id(), passport.name(), passport.validationRegex(), false, passport.version());
        try {
            String taken = "XY" + (100000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(800000));
            long holder = censusPerson("passport", taken, "FR");
            long id = censusPerson("passport", "ZW" + (100000
                    + java.util.concurrent.ThreadLocalRandom.current().nextInt(800000)), "FR");
            Response r = api.patch(UPDATE, obj("id_type", "passport", "value", taken, "partner_id", id), admin);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            List<Long> people = jdbc.sql("""
                    select ip.party_id from issue i join issue_person ip on ip.issue_id = i.id
                    where i.type = 'duplicated_document' and i.state = 'open'
                      and i.id in (select issue_id from issue_person where party_id = ?)""")
                    .param(id).query(Long.class).list();
            assertThat(people).contains(id, holder);
        } finally {
            org.populus.catalog.IdType now = catalog.idType("passport").orElseThrow();
            catalog.updateIdType(now.id(), now.name(), now.validationRegex(), true, now.version());
        }
    }
}
