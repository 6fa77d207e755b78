package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.Registrants;
import org.populus.procedure.DuplicateMatching;
import org.populus.procedure.PersonDataInput;
import org.populus.procedure.Procedures;
import org.populus.search.DuplicateCandidates;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.populus.access.UserAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Possible duplicates through real HTTP, with the matching model's default threshold (the shared test context
 * raises none: its people are near-identical on purpose), in a context of its own on its own data directory.
 * Each test's people have a birth date, names and an address no one else has.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PossibleDuplicatesHttpTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADMIN_PASSWORD = "admin-test-password";

    @DynamicPropertySource
    static void matching(DynamicPropertyRegistry registry) {
        registry.add("populus.data-dir", () -> "target/test-data/matching-" + RUN);
        registry.add("populus.admin.password", () -> ADMIN_PASSWORD);
        registry.add("populus.security.bcrypt-strength", () -> "4");
        // the product's default (the test classpath's config/application.properties raises it for other tests)
        registry.add("populus.matching.possible-duplicate-threshold", () -> "14.5");
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    Api api;

    @Autowired
    DuplicateMatching matching;

    @Autowired
    Procedures procedures;

    @Autowired
    Registrants registrants;

    @Autowired
    MeterRegistry meters;

    String[] admin;
    String[] registrar;

    @Autowired
    DuplicateCandidates candidates;

    @BeforeEach
    void sessions() {
        // this context's search index is built from the whole test database before matching can answer
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(candidates::ready);
        api = new Api("http://127.0.0.1:" + port);
        admin = session(api.login("admin", ADMIN_PASSWORD));
        String login = "registrar-" + unique();
        accounts.create(login, null, "password-" + login, java.util.EnumSet.of(Role.REGISTRAR, Role.DATA));
        registrar = session(api.login(login, "password-" + login));
    }

    static String unique() {
        return HttpTest.unique();
    }

    /** A person no one else resembles: names of letters from a unique string, a random birth date and street. */
    record Someone(String given, String family, LocalDate born, String address) {

        static Someone fresh() {
            String letters = unique().chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
                    .collect(java.util.stream.Collectors.joining());
            LocalDate born = LocalDate.of(1901, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 36_000));
            return new Someone("Ma" + letters.substring(0, 6), "Ro" + letters.substring(6, 12), born,
                    "Calle " + letters + " " + ThreadLocalRandom.current().nextInt(1, 200));
        }

        /** The same person typed again with an error in the family name (its last letter doubled). */
        Someone typo() {
            return new Someone(given, family + family.charAt(family.length() - 1), born, address);
        }
    }

    long create(Someone s) {
        Api.Response r = api.post("/api/v1/registry/individual/", obj("name", s.given() + " " + s.family(),
                "given_name", s.given(), "family_name", s.family(), "gender", "female", "birthdate",
                s.born().toString(), "address", s.address()), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asLong();
    }

    List<JsonNode> possibleDuplicatesOf(long person) {
        Api.Response r = api.get("/admin/api/issues?state=all&person_id=" + person, registrar);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(r.json().spliterator(), false)
                .filter(i -> i.get("type").asString().equals("possible_duplicate")).toList();
    }

    void awaitMatched() {
        Assumptions.assumeTrue(awaitActive(), "another instance on the shared database matches the change feed");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/admin/api/matching/status", registrar)
                .json().get("pending").asLong() == 0);
    }

    boolean awaitActive() {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(matching::activeHere);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    @Test
    void aPersonTypedAgainWithAnErrorIsRaisedAsAPossibleDuplicateOfTheFirst() {
        Someone marta = Someone.fresh();
        long first = create(marta);
        long again = create(marta.typo());
        awaitMatched();
        List<JsonNode> found = possibleDuplicatesOf(again);
        assertThat(found).hasSize(1);
        JsonNode issue = found.get(0);
        assertThat(issue.get("state").asString()).isEqualTo("open");
        assertThat(issue.get("person_ids")).extracting(JsonNode::asLong).containsExactlyInAnyOrder(first, again);
        JsonNode information = issue.get("information");
        assertThat(information.get("score").asDouble()).isGreaterThanOrEqualTo(14.5);
        assertThat(java.util.stream.StreamSupport.stream(information.get("fields").spliterator(), false)
                .map(f -> f.get("field").asString() + ":" + f.get("level").asString()))
                .contains("birthdate:exact", "given_name:exact", "address:exact")
                .anyMatch(f -> f.startsWith("family_name:") && !f.equals("family_name:different"));
    }

    @Test
    void everyMatchIsTimedWithItsProcessorTime() {
        create(Someone.fresh());
        awaitMatched();
        Timer duration = meters.get("populus.matching.duration").timer();
        Timer cpu = meters.get("populus.matching.cpu").timer();
        assertThat(cpu.count()).isPositive();
        assertThat(cpu.totalTime(TimeUnit.NANOSECONDS)).isPositive()
                .isLessThanOrEqualTo(duration.totalTime(TimeUnit.NANOSECONDS));
    }

    @Test
    void differentPeopleAreNoPossibleDuplicates() {
        long one = create(Someone.fresh());
        long other = create(Someone.fresh());
        awaitMatched();
        assertThat(possibleDuplicatesOf(one)).isEmpty();
        assertThat(possibleDuplicatesOf(other)).isEmpty();
    }

    @Test
    void aPairResolvedAsNotTheSamePersonIsNeverRaisedAgain() {
        Someone twin = Someone.fresh();
        long first = create(twin);
        long second = create(twin.typo());
        awaitMatched();
        JsonNode issue = possibleDuplicatesOf(second).get(0);
        Api.Response resolved = api.post("/admin/api/issues/" + issue.get("id").asLong() + "/resolve",
                obj("resolution", "not_duplicate", "comment", "twins"), registrar);
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

        // the second is given a document (a change matching looks at again): the pair is not raised again
        Api.Response changed = api.patch("/api/v1/registry/individual/updateIdentification",
                obj("partner_id", second, "id_type", "National ID", "value", "NID" + unique()), admin);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        awaitMatched();
        assertThat(possibleDuplicatesOf(second)).hasSize(1)
                .allSatisfy(i -> assertThat(i.get("state").asString()).isEqualTo("resolved"));
    }

    @Test
    void likelyMatchesAreShownBeforeRegisteringSomeone() {
        Someone ana = Someone.fresh();
        long existing = create(ana);
        Api.Response r = api.get("/admin/api/people/matches?given_name=" + ana.given() + "&family_name="
                + ana.typo().family() + "&birthdate=" + ana.born(), registrar);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("threshold").asDouble()).isEqualTo(14.5);
        JsonNode match = r.json().get("matches").get(0);
        assertThat(match.get("person_id").asLong()).isEqualTo(existing);
        assertThat(match.get("name").asString()).isEqualTo(ana.given() + " " + ana.family());
        assertThat(match.get("score").asDouble()).isGreaterThanOrEqualTo(14.5);
        assertThat(match.get("fields").size()).isGreaterThan(2);
    }

    @Test
    void aMatchesRequestWithNothingToMatchOrABadDateIsRefused() {
        Api.Response none = api.get("/admin/api/people/matches?birthdate=1950-01-01", registrar);
        assertThat(none.status()).isEqualTo(400);
        Api.Response date = api.get("/admin/api/people/matches?given_name=Ana&birthdate=1950-13-01", registrar);
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().toString()).contains("birthdate");
        Api.Response future = api.get("/admin/api/people/matches?given_name=Ana&birthdate=2999-01-01", registrar);
        assertThat(future.status()).isEqualTo(400);
    }

    @Test
    void aCensusRegistrationOfAPossibleDuplicateIsHeldForReview() {
        Someone luz = Someone.fresh();
        long first = create(luz);
        Someone again = luz.typo();
        long second = procedures.register(new PersonDataInput(again.given(), again.family(), null, "dni", dni(), "ES",
                again.born().toString(), "female", again.address(), "ES", "28001", "luz-" + unique() + "@example.org",
                "ES", null), ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE) + "@test-" + unique(),
                "origin_qualified_id", null, Provenance.system("test"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !possibleDuplicatesOf(second).isEmpty());
        JsonNode issue = possibleDuplicatesOf(second).get(0);
        assertThat(issue.get("person_ids")).extracting(JsonNode::asLong).contains(first, second);
        assertThat(issue.get("procedure_ids").size()).as("the registration is linked, so held").isEqualTo(1);
        assertThat(registrants.find(second).orElseThrow().status().state()).isEqualTo(CensusStatus.State.PENDING);
    }

    static String dni() {
        int n = ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        return String.format("%08d", n) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
    }
}
