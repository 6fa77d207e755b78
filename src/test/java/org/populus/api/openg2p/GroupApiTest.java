package org.populus.api.openg2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.openg2p.IndividualApiTest.assertError;
import static org.populus.api.openg2p.IndividualApiTest.fieldNames;
import static org.populus.api.openg2p.IndividualApiTest.ids;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** The OpenG2P group endpoints through a real port. */
class GroupApiTest extends HttpTest {

    private static final String GROUP = "/api/v1/registry/group/";

    String[] admin;

    @org.springframework.beans.factory.annotation.Autowired
    org.populus.catalog.Catalog catalog;

    @BeforeEach
    void login() {
        admin = session(adminSession());
    }

    static Map<String, Object> member(String name, String... kinds) {
        List<Map<String, Object>> k = new ArrayList<>();
        for (String kind : kinds) {
            k.add(obj("name", kind));
        }
        return obj("name", name, "given_name", name.split(" ")[0], "family_name", "Fam", "gender", "male",
                "birthdate", "2001-03-04", "ids", List.of(obj("id_type", "National ID", "value", "M" + unique())),
                "phone_numbers", List.of(obj("phone_no", "+34612345678")), "kind", k);
    }

    static Map<String, Object> group(String name, List<Map<String, Object>> members) {
        return obj("name", name, "kind", "Household", "is_partial_group", false, "email", "home@example.org",
                "address", "Rue 1", "ids", List.of(obj("id_type", "National ID", "value", "H" + unique())),
                "phone_numbers", List.of(obj("phone_no", "+221771234567")), "additional_g2p_info", obj("k", "v"),
                "members", members);
    }

    @Test
    void createsAGroupWithItsMembersInTheDocumentedShape() {
        String tag = unique();
        Response r = api.post(GROUP, group("Household " + tag, List.of(member("Head " + tag, "Head"),
                member("Child " + tag))), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(fieldNames(j)).containsExactly("id", "name", "reg_ids", "is_group", "registration_date",
                "phone_number_ids", "email", "address", "additional_g2p_info", "program_membership_ids",
                "notification_preference", "group_membership_ids", "kind_as_str", "is_partial_group");
        assertThat(j.get("is_group").asBoolean()).isTrue();
        assertThat(j.get("kind_as_str").asString()).isEqualTo("Household");
        assertThat(j.get("is_partial_group").asBoolean()).isFalse();
        JsonNode members = j.get("group_membership_ids");
        assertThat(members.size()).isEqualTo(2);
        assertThat(fieldNames(members.get(0))).containsExactly("id", "individual", "kind");
        assertThat(members.get(0).get("kind").get(0).get("name").asString()).isEqualTo("Head");
        assertThat(members.get(1).get("kind").size()).isZero();
        JsonNode head = members.get(0).get("individual");
        assertThat(head.get("name").asString()).isEqualTo("Head " + tag);
        assertThat(head.get("is_group").asBoolean()).isFalse();
        assertThat(head.get("gender").asString()).isEqualTo("Male");

        // the members are individuals in their own right
        Response individual = api.get("/api/v1/registry/individual/" + head.get("id").asLong(), admin);
        assertThat(individual.json()).isEqualTo(head);
        assertThat(api.get("/api/v1/registry/group/" + j.get("id").asLong(), admin).json()).isEqualTo(j);
        // and a group is not an individual, nor an individual a group
        assertError(api.get("/api/v1/registry/individual/" + j.get("id").asLong(), admin), 400, "G2P-REQ-010", null);
        assertError(api.get("/api/v1/registry/group/" + head.get("id").asLong(), admin), 400, "G2P-REQ-010",
                "Record is not present in the database.");
    }

    @Test
    void searchGivesTheShortFormUnlessMembersAreAskedFor() {
        String tag = unique();
        long id = api.post(GROUP, group("Family " + tag, List.of(member("Ama " + tag, "Head"))), admin).json()
                .get("id").asLong();
        Response shortForm = api.get(GROUP + "?name=family%20" + tag, admin);
        assertThat(shortForm.status()).isEqualTo(200);
        assertThat(ids(shortForm.json())).containsExactly(id);
        assertThat(fieldNames(shortForm.json().get(0))).containsExactly("id", "name", "reg_ids", "is_group",
                "registration_date", "phone_number_ids", "email", "address", "additional_g2p_info",
                "program_membership_ids", "notification_preference");
        Response full = api.get("/api/v1/registry/group/search?include_members_full=true&name=" + tag, admin);
        assertThat(full.json().get(0).get("group_membership_ids").size()).isEqualTo(1);
        assertThat(full.json().get(0).get("kind_as_str").asString()).isEqualTo("Household");
        assertThat(ids(api.get("/api/v1/registry/group?id=" + id, admin).json())).containsExactly(id);
        assertError(api.get(GROUP + "?name=nothing" + tag, admin), 400, "G2P-REQ-010",
                "This Name does not exist. Please enter a valid Name.");
        assertError(api.get(GROUP + "?include_members_full=maybe", admin), 400, "G2P-REQ-012", null);
    }

    @Test
    void groupRulesRollBackEverything() {
        String tag = unique();
        assertGroupRefused(group("Two heads " + tag, List.of(member("A " + tag, "Head"), member("B " + tag, "Head"))),
                "G2P-REQ-001", tag);
        Map<String, Object> unknownKind = group("Kind " + tag, List.of(member("C " + tag)));
        unknownKind.put("kind", "Tribe");
        assertGroupRefused(unknownKind, "G2P-REQ-003", tag);
        Map<String, Object> blankKind = group("Blank " + tag, List.of(member("D " + tag)));
        blankKind.put("kind", "  ");
        assertGroupRefused(blankKind, "G2P-REQ-001", tag);
        assertGroupRefused(group("Member kind " + tag, List.of(member("E " + tag, "Admin"))), "G2P-REQ-004", tag);
        Map<String, Object> noMembers = group("No members " + tag, List.of());
        noMembers.remove("members");
        assertGroupRefused(noMembers, "G2P-REQ-012", tag);
        Map<String, Object> badMember = member("F " + tag);
        badMember.put("gender", "ardilla");
        assertGroupRefused(group("Bad member " + tag, List.of(member("G " + tag, "Head"), badMember)), "G2P-REQ-008",
                tag);
        Map<String, Object> noName = group("x", List.of());
        noName.remove("name");
        assertGroupRefused(noName, "G2P-REQ-012", tag);
    }

    @Test
    void aMemberKindMustExistInTheCatalogue() {
        String kind = "Admin" + unique();
        String tag = unique();
        assertError(api.post(GROUP, group("Kinds " + tag, List.of(member("K " + tag, kind))), admin), 400,
                "G2P-REQ-004", "Membership kind - " + kind + " is not present in the database.");
        catalog.createMemberKind(kind, false);
        Response ok = api.post(GROUP, group("Kinds " + tag, List.of(member("K " + tag, kind), member("L " + tag, kind))),
                admin);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("group_membership_ids").get(1).get("kind").get(0).get("name").asString())
                .isEqualTo(kind);
    }

    @Test
    void twentyConcurrentGroupCreationsLoseNothingAndKeepOneHeadEach() throws Exception {
        String tag = unique();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                Callable<Response> call = () -> api.post(GROUP, group("Concurrent " + tag + " " + n,
                        List.of(member("Head" + n + " " + tag, "Head"), member("Kid" + n + " " + tag),
                                member("Kin" + n + " " + tag))), admin);
                futures.add(pool.submit(call));
            }
            for (Future<Response> f : futures) {
                Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode groups = api.get(GROUP + "?include_members_full=true&name=concurrent%20" + tag, admin).json();
        assertThat(groups.size()).isEqualTo(20);
        for (JsonNode g : groups) {
            long heads = 0;
            for (JsonNode m : g.get("group_membership_ids")) {
                for (JsonNode k : m.get("kind")) {
                    heads += "Head".equals(k.get("name").asString()) ? 1 : 0;
                }
            }
            assertThat(g.get("group_membership_ids").size()).isEqualTo(3);
            assertThat(heads).isEqualTo(1);
        }
        assertThat(jdbc.sql("""
                select count(*) from group_membership_kind k join member_kind mk on mk.id = k.member_kind_id
                where mk.name = 'Head' group by k.group_id having count(*) > 1""").query(Long.class).list()).isEmpty();
    }

    void assertGroupRefused(Map<String, Object> body, String code, String tag) {
        Response r = api.post(GROUP, body, admin);
        assertError(r, 400, code, null);
        assertThat(api.get("/api/v1/registry/individual/?name=" + tag, admin).status()).as("no member left behind")
                .isEqualTo(400);
        assertThat(api.get(GROUP + "?name=" + tag, admin).status()).as("no group left behind").isEqualTo(400);
    }
}
