package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.api.admin.AdminAssertions.problem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.PersonEvent;
import org.populus.person.PersonalData;
import org.populus.person.RegistrantDraft;
import org.populus.person.RegistrantKind;
import org.populus.support.Api;
import tools.jackson.databind.JsonNode;

/** The registrars' name search, {@code GET /admin/api/people?q=}, through real HTTP. */
class AdminPeopleSearchHttpTest extends ReviewHttpTest {

    /** A word only this test's names hold (letters only). */
    static String tag() {
        // one letter per hex digit, all equally likely, so that any part of it is as unique as its length allows
        return "t" + unique().chars().mapToObj(c -> String.valueOf((char) ('g' + Character.digit(c, 16))))
                .collect(java.util.stream.Collectors.joining());
    }

    long person(String name, String given, String family) {
        return registrants.create(new RegistrantDraft(RegistrantKind.INDIVIDUAL, new PersonalData(name, given, family,
                null, null, "female", LocalDate.of(1980, 5, 1), null, null, null, null, null, null, null, null, null,
                null), List.of(new RegistrantDraft.IdentifierDraft("dni", dni(), null, true)),
                List.of(new RegistrantDraft.PhoneDraft("+34612345678", null)), List.of(), null,
                CensusStatus.enabled()), Provenance.system("test")).id();
    }

    Api.Response search(String q, String query, String... auth) {
        return api.get(PEOPLE + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + query, auth);
    }

    static List<Long> ids(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.get("people").forEach(p -> ids.add(p.get("id").asLong()));
        return ids;
    }

    @Test
    void aSearchWithoutAccentsAndWithPrefixesFindsTheWholePerson() {
        String tag = tag();
        long jose = person("José García López " + tag, "José", "García López " + tag);
        Api.Response r = search("jose garc " + tag, "", staff(Role.REGISTRAR).auth());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.propertyNames()).containsExactly("total", "total_capped", "fuzzy", "page", "size", "people");
        assertThat(body.get("total").asInt()).isEqualTo(1);
        assertThat(body.get("total_capped").asBoolean()).isFalse();
        assertThat(body.get("fuzzy").asBoolean()).isFalse();
        JsonNode p = body.get("people").get(0);
        assertThat(p.get("id").asLong()).isEqualTo(jose);
        assertThat(p.get("name").asString()).isEqualTo("José García López " + tag);
        assertThat(p.get("given_name").asString()).isEqualTo("José");
        assertThat(p.get("state").asString()).isEqualTo("enabled");
        assertThat(p.get("documents").get(0).get("type").asString()).isEqualTo("dni");
        assertThat(p.get("phones").get(0).get("e164").asString()).isEqualTo("+34612345678");
        assertThat(p.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void everyWordMustStartAWordOfTheNameWhateverItsCase() {
        String tag = tag();
        long garcia = person("José García López " + tag, "José", "García López");
        person("José Pérez " + tag, "José", "Pérez");
        String[] auth = staff(Role.DATA).auth();
        assertThat(ids(search("LÓPEZ " + tag.toUpperCase() + " Jos", "", auth).json())).containsExactly(garcia);
        assertThat(ids(search("j lop " + tag, "", auth).json())).containsExactly(garcia);
    }

    @Test
    void pagesOfTheChosenSizeFollowTheIdOrder() {
        String tag = tag();
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(person("Ana Gómez " + tag, "Ana", "Gómez"));
        }
        String[] auth = staff(Role.REGISTRAR).auth();
        JsonNode second = search("ana " + tag, "&page=1&size=2", auth).json();
        assertThat(ids(second)).containsExactlyElementsOf(made.subList(2, 4));
        assertThat(second.get("total").asInt()).isEqualTo(5);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(ids(search("ana " + tag, "&page=2&size=2", auth).json())).containsExactly(made.get(4));
        assertThat(ids(search("ana " + tag, "&page=3&size=2", auth).json())).isEmpty();
    }

    @Test
    void aRegistrarFindsNoDiscardedPersonTheDataRoleDoes() {
        String tag = tag();
        long kept = person("Rosa Vidal " + tag, "Rosa", "Vidal");
        long trashed = person("Rosa Vidal Soler " + tag, "Rosa", "Vidal Soler");
        registrants.transition(trashed, Provenance.system("test"), PersonEvent.TRASH);
        assertThat(ids(search("rosa " + tag, "", staff(Role.REGISTRAR).auth()).json())).containsExactly(kept);
        JsonNode all = search("rosa " + tag, "", staff(Role.DATA).auth()).json();
        assertThat(ids(all)).containsExactly(kept, trashed);
        assertThat(all.get("people").get(1).get("discarded_at").isNull()).isFalse();
    }

    @Test
    void aTypoGivesTheClosestNamesFlaggedFuzzy() {
        String tag = tag();
        long jose = person("José García López " + tag, "José", "García López");
        JsonNode body = search("Jose Garsia " + tag, "", staff(Role.REGISTRAR).auth()).json();
        assertThat(body.get("fuzzy").asBoolean()).isTrue();
        assertThat(ids(body).get(0)).isEqualTo(jose);
    }

    @Test
    void aSearchThatIsNoSearchIsABadRequestNamingTheParameter() {
        String[] auth = staff(Role.REGISTRAR).auth();
        problem(api.get(PEOPLE, auth), 400, "q");
        problem(search("j g", "", auth), 400, "q");
        problem(search("a".repeat(301), "", auth), 400, "q");
        problem(search("ana", "&size=0", auth), 400, "size");
        problem(search("ana", "&size=101", auth), 400, "size");
        problem(search("ana", "&page=-1", auth), 400, "page");
        problem(search("ana", "&page=x", auth), 400);
    }

    @Test
    void searchingNeedsTheDataOrRegistrarRole() {
        problem(search("ana", "", staff(Role.ADMIN).auth()), 403);
        problem(search("ana", ""), 401);
    }
}
