package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.history.Provenance;
import org.populus.person.PersonEvent;
import org.populus.person.Registrants;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Issues;
import org.populus.procedure.Procedures;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A person's page and a household's page over HTTP: what they show, the history, "as of", and the roles. */
class OfficePersonHttpTest extends HttpTest {

    static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Autowired
    Registrants registrants;
    @Autowired
    Procedures procedures;
    @Autowired
    Issues issues;

    OfficeClient office;
    OfficePeopleData data;

    @BeforeEach
    void clients() {
        office = new OfficeClient(port, accounts);
        data = new OfficePeopleData(api, adminSession());
    }

    @Test
    void thePersonPageShowsTheirDataDocumentsPhonesGroupsAndProcedures() {
        String nid = "NID" + unique();
        String family = "Page" + data.letters();
        long[] household = data.household("Casa " + family, "Paula", family);
        long id = household[1];
        registrants.putIdentifier(id, "National ID", nid, null, Provenance.system("test"));
        var r = office.get("/office/people/" + id, office.signIn(Role.REGISTRY_READ));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h1><span>Paula " + family + "</span>").contains(nid)
                .contains("href=\"/office/households/" + household[0] + "\"").contains("Casa " + family)
                .contains(">Head<");
    }

    @Test
    void proceduresInEveryStateAndTheirAttachmentsAreListedAndLinkedToTheViewerForARegistrarOnly() {
        String family = "Census" + data.letters();
        long id = data.censusRegistration("Lucía", family, OfficePeopleData.dni());
        long until = System.currentTimeMillis() + 10_000;
        while (procedures.pending(id).stream().anyMatch(p -> p.type() == ProcedureType.REGISTRATION)
                && System.currentTimeMillis() < until) {
            procedures.processQueued();
        }
        data.documentVerification(id, "front-" + family + ".png", "back-" + family + ".png");
        long attachment = procedures.attachments(procedures.pending(id).get(0).id()).get(0).id();
        var registrar = office.get("/office/people/" + id, office.signIn(Role.REGISTRAR)).body();
        assertThat(registrar).contains(">Registration<").contains(">Accepted<").contains(">Document verification<")
                .contains(">Pending<")
                .contains("<a href=\"/office/attachments/" + attachment + "\">front-" + family + ".png</a>");
        var dataUser = office.get("/office/people/" + id, office.signIn(Role.DATA)).body();
        assertThat(dataUser).contains("<span>front-" + family + ".png</span>")
                .doesNotContain("href=\"/office/attachments/");
    }

    @Test
    void aRegistryReaderSeesNoProceduresIssuesOrFileNamesAsTheAdminApiRefusesThemWhileARegistrarSeesThem() {
        String family = "Hidden" + data.letters();
        long id = data.censusRegistration("Marta", family, OfficePeopleData.dni(),
                "hidden" + unique() + "@mailinator.com");
        long until = System.currentTimeMillis() + 10_000;
        while (issues.list(true, id, 1, 0).isEmpty() && System.currentTimeMillis() < until) {
            procedures.processQueued();
        }
        assertThat(issues.list(true, id, 1, 0)).as("the untrusted e-mail opens an issue").isNotEmpty();
        data.documentVerification(id, "secret-" + family + ".png", "back-" + family + ".png");

        var reader = office.get("/office/people/" + id, office.signIn(Role.REGISTRY_READ));
        assertThat(reader.statusCode()).isEqualTo(200);
        assertThat(reader.body()).contains("Marta " + family).doesNotContain("secret-" + family)
                .doesNotContain("id=\"procedures\"").doesNotContain("id=\"issues\"")
                .doesNotContain(">Document verification<").doesNotContain(">Untrusted e-mail<")
                .contains("The procedures of a person need the role data or registrar.")
                .contains("The issues of a person need the role registrar.");
        String readerSession = sessionWith(Role.REGISTRY_READ);
        assertThat(api.get("/admin/api/people/" + id + "/procedures", Api.session(readerSession)).status())
                .isEqualTo(403);
        assertThat(api.get("/admin/api/issues?person_id=" + id, Api.session(readerSession)).status())
                .isEqualTo(403);

        var registrar = office.get("/office/people/" + id, office.signIn(Role.REGISTRAR)).body();
        assertThat(registrar).contains("id=\"procedures\"").contains("secret-" + family + ".png")
                .contains(">Document verification<").contains("id=\"issues\"");
        String registrarSession = sessionWith(Role.REGISTRAR);
        assertThat(api.get("/admin/api/people/" + id + "/procedures", Api.session(registrarSession)).status())
                .isEqualTo(200);
        assertThat(api.get("/admin/api/issues?person_id=" + id, Api.session(registrarSession)).status())
                .isEqualTo(200);
    }

    @Test
    void theDataRoleSeesAPersonsProceduresButNotTheirIssuesAsInTheAdminApi() {
        String family = "Datarole" + data.letters();
        long id = data.censusRegistration("Nuria", family, OfficePeopleData.dni(),
                "datarole" + unique() + "@mailinator.com");
        long until = System.currentTimeMillis() + 10_000;
        while (issues.list(true, id, 1, 0).isEmpty() && System.currentTimeMillis() < until) {
            procedures.processQueued();
        }
        var page = office.get("/office/people/" + id, office.signIn(Role.DATA)).body();
        assertThat(page).contains("id=\"procedures\"").doesNotContain("id=\"issues\"")
                .contains("The issues of a person need the role registrar.");
        String session = sessionWith(Role.DATA);
        assertThat(api.get("/admin/api/people/" + id + "/procedures", Api.session(session)).status()).isEqualTo(200);
        assertThat(api.get("/admin/api/issues?person_id=" + id, Api.session(session)).status()).isEqualTo(403);
    }

    @Test
    void aDocumentQualifiedIdOpensTheCensusPersonHoldingIt() {
        String dni = OfficePeopleData.dni();
        long id = data.censusRegistration("Dolores", "Qualified" + data.letters(), dni);
        var r = office.get("/office/people?q=" + OfficeClient.encode(dni.toLowerCase() + "@document_id"),
                office.signIn(Role.REGISTRY_READ));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/office/people/" + id);
    }

    @Test
    void aRegistryReaderSeesTheCurrentRecordWithoutItsHistoryAndCannotAskForAnEarlierOne() {
        long id = data.individual("given_name", "Rut", "family_name", "Reader" + data.letters());
        String cookie = office.signIn(Role.REGISTRY_READ);
        var page = office.get("/office/people/" + id, cookie);
        assertThat(page.body()).doesNotContain("id=\"history\"").doesNotContain("type=\"datetime-local\"")
                .contains("The history of a person needs the role data or registrar.");
        var asOf = office.get("/office/people/" + id + "?at=2020-01-01T00:00", cookie);
        assertThat(asOf.statusCode()).isEqualTo(403);
        assertThat(asOf.body()).contains("needs the role data or registrar");
    }

    @Test
    void theTimelineListsEveryVersionWithWhoWhyAndEachChangedFieldsOldAndNewValue() {
        long id = data.individual("given_name", "Tomás", "family_name", "Timeline" + data.letters(), "email",
                "old." + unique() + "@example.org");
        String oldEmail = registrants.find(id).orElseThrow().data().email();
        registrants.setAdditionalInformation(id, "note", "\"moved\"", new Provenance("user:clerk", "phone call"));
        registrants.setAdditionalInformation(id, "note", "\"stayed\"", new Provenance("user:clerk", "second call"));
        var r = office.get("/office/people/" + id, office.signIn(Role.REGISTRAR));
        assertThat(r.body()).contains("id=\"history\"").contains("id=\"version-1\"").contains("id=\"version-2\"")
                .contains("user:clerk").contains("phone call")
                .contains("<th scope=\"row\" class=\"field\" data-field=\"data.additionalInfo\">Additional information</th>")
                .contains("<td class=\"after\">{&quot;note&quot;: &quot;moved&quot;}</td>")
                .contains("<td class=\"after\">" + oldEmail + "</td>").contains("second call")
                .contains("<td class=\"before\">{&quot;note&quot;: &quot;moved&quot;}</td>")
                .contains("<td class=\"after\">{&quot;note&quot;: &quot;stayed&quot;}</td>");
        assertThat(r.body().indexOf("id=\"version-2\"")).as("newest first")
                .isLessThan(r.body().indexOf("id=\"version-1\""));
    }

    @Test
    void aLongTimelineIsPagedNewestFirstAndTheOldestVersionOfAPageStillShowsItsChanges() {
        long id = data.individual("given_name", "Pía", "family_name", "Paged" + data.letters());
        int versions = Timeline.PAGE + 5;
        for (int n = 2; n <= versions; n++) {
            registrants.setAdditionalInformation(id, "step", String.valueOf(n), new Provenance("user:clerk", "step " + n));
        }
        String cookie = office.signIn(Role.REGISTRAR);
        int oldestOnFirstPage = versions - Timeline.PAGE + 1;

        var newest = office.get("/office/people/" + id, cookie);
        assertThat(newest.body()).contains("id=\"version-" + versions + "\"")
                .contains("id=\"version-" + oldestOnFirstPage + "\"")
                .doesNotContain("id=\"version-" + (oldestOnFirstPage - 1) + "\"")
                .contains("<td class=\"before\">{&quot;step&quot;: " + (oldestOnFirstPage - 1) + "}</td>")
                .contains("href=\"?versions_below=" + oldestOnFirstPage + "#history\"")
                .doesNotContain("Newest versions");

        var older = office.get("/office/people/" + id + "?versions_below=" + oldestOnFirstPage, cookie);
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body()).contains("id=\"version-" + (oldestOnFirstPage - 1) + "\"")
                .contains("id=\"version-1\"").doesNotContain("id=\"version-" + oldestOnFirstPage + "\"")
                .contains("href=\"?#history\"").contains("Newest versions").doesNotContain("Older versions");
    }

    @Test
    void theTimelinePageKeepsTheAsOfInstantAndRefusesANonNumericPage() {
        long id = data.individual("given_name", "Iker", "family_name", "Kept" + data.letters());
        for (int n = 2; n <= Timeline.PAGE + 1; n++) {
            registrants.setAdditionalInformation(id, "step", String.valueOf(n), Provenance.system("test"));
        }
        String cookie = office.signIn(Role.DATA);
        var r = office.get("/office/people/" + id + "?at=2030-01-01T00:00:00", cookie);
        assertThat(r.body()).contains("href=\"?at=2030-01-01T00:00:00&amp;versions_below=2#history\"");
        assertThat(office.get("/office/people/" + id + "?versions_below=x", cookie).statusCode()).isEqualTo(400);
    }

    @Test
    void asOfAnInstantShowsTheRecordExactlyAsItWasThen() throws InterruptedException {
        long id = data.individual("given_name", "Olga", "family_name", "Before" + data.letters());
        Instant first = registrants.versions(id).get(0).recordedAt();
        Instant between = first.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        while (Instant.now().isBefore(between.plusMillis(50))) {
            Thread.sleep(50);
        }
        registrants.transition(id, Provenance.system("test"), PersonEvent.CANCEL);
        String cookie = office.signIn(Role.DATA);
        var then = office.get("/office/people/" + id + "?at=" + PICKER.format(between), cookie);
        assertThat(then.statusCode()).isEqualTo(200);
        assertThat(then.body()).contains("(version 1)").contains("<dd>Enabled</dd>").doesNotContain("<dd>Cancelled</dd>");
        var now = office.get("/office/people/" + id, cookie);
        assertThat(now.body()).contains("<dd>Cancelled</dd>");
    }

    @Test
    void asOfBeforeThePersonExistedSaysSo() {
        long id = data.individual("given_name", "Nil", "family_name", "Notyet" + data.letters());
        var r = office.get("/office/people/" + id + "?at=2000-01-01T00:00", office.signIn(Role.REGISTRAR));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("The person did not exist yet at 2000-01-01 00:00:00 UTC.");
    }

    @Test
    void aMalformedAsOfIsA400Page() {
        long id = data.individual("given_name", "Mal", "family_name", "Formed" + data.letters());
        var r = office.get("/office/people/" + id + "?at=yesterday", office.signIn(Role.REGISTRAR));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Give the date and time as YYYY-MM-DDTHH:MM (UTC).");
    }

    @Test
    void aDiscardedPersonIsRefusedWithoutTheDataRoleAndShownWithIt() {
        long id = data.individual("given_name", "Dani", "family_name", "Discarded" + data.letters());
        registrants.transition(id, Provenance.system("test"), PersonEvent.CANCEL);
        assertThat(office.get("/office/people/" + id, office.signIn(Role.REGISTRAR)).statusCode()).isEqualTo(403);
        assertThat(office.get("/office/people/" + id, office.signIn(Role.REGISTRY_READ)).statusCode())
                .isEqualTo(403);
        var data = office.get("/office/people/" + id, office.signIn(Role.DATA));
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.body()).contains("This person is cancelled or trashed.").contains("id=\"history\"");
    }

    @Test
    void anUnknownPersonIsA404PageAGroupIdToo() {
        String cookie = office.signIn(Role.REGISTRY_READ);
        var r = office.get("/office/people/999999999", cookie);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("There is no person 999999999.").contains("<nav class=\"main-nav\"");
        long group = data.household("Grupo " + data.letters(), "Ana", "Member" + data.letters())[0];
        assertThat(office.get("/office/people/" + group, cookie).statusCode()).isEqualTo(404);
        assertThat(office.get("/office/people/abc", cookie).statusCode()).isEqualTo(400);
    }

    @Test
    void thePersonPageNeedsARoleThatSeesPeopleAndAnAnonymousVisitorIsSentToSignIn() {
        long id = data.individual("given_name", "Rol", "family_name", "Roles" + data.letters());
        assertThat(office.get("/office/people/" + id, office.signIn(Role.ADMIN)).statusCode()).isEqualTo(403);
        var anonymous = office.get("/office/people/" + id, null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/office/sign-in");
    }

    @Test
    void theHouseholdPageListsItsMembersWithTheirKindsAndItsHistory() {
        String family = "Home" + data.letters();
        long[] household = data.household("Casa " + family, "Hugo", family);
        var r = office.get("/office/households/" + household[0], office.signIn(Role.REGISTRAR));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Casa " + family).contains("href=\"/office/people/" + household[1] + "\"")
                .contains("Hugo " + family).contains(">Head<").contains("id=\"history\"")
                .contains("<th scope=\"row\" class=\"field\" data-field=\"members\">Members</th>");
    }

    @Test
    void aRegistryReaderSeesTheHouseholdWithoutItsHistory() {
        long[] household = data.household("Casa " + data.letters(), "Lia", "Reader" + data.letters());
        var r = office.get("/office/households/" + household[0], office.signIn(Role.REGISTRY_READ));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("href=\"/office/people/" + household[1] + "\"").doesNotContain("id=\"history\"");
    }

    @Test
    void theHouseholdHistoryIsPagedAsAPersonsIs() {
        long group = data.household("Casa " + data.letters(), "Ada", "Pages" + data.letters())[0];
        String cookie = office.signIn(Role.REGISTRAR);
        assertThat(office.get("/office/households/" + group, cookie).body()).contains("id=\"version-1\"")
                .doesNotContain("Older versions").doesNotContain("Newest versions");
        var beyond = office.get("/office/households/" + group + "?versions_below=1", cookie);
        assertThat(beyond.statusCode()).isEqualTo(200);
        assertThat(beyond.body()).doesNotContain("id=\"version-1\"").contains("No versions here.")
                .contains("href=\"?#history\"").contains("Newest versions");
        assertThat(office.get("/office/households/" + group + "?versions_below=x", cookie).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theHouseholdPageNeedsARoleThatSeesPeopleAndAPersonIdIsNotAHousehold() {
        long[] household = data.household("Casa " + data.letters(), "Eva", "Roles" + data.letters());
        assertThat(office.get("/office/households/" + household[0], office.signIn(Role.ADMIN)).statusCode())
                .isEqualTo(403);
        assertThat(office.get("/office/households/" + household[0], null).statusCode()).isEqualTo(302);
        var person = office.get("/office/households/" + household[1], office.signIn(Role.REGISTRY_READ));
        assertThat(person.statusCode()).isEqualTo(404);
        assertThat(person.body()).contains("There is no group " + household[1] + ".");
    }

    @Test
    void theNavigationDoesNotListHouseholds() {
        assertThat(office.get("/office", office.signIn(Role.REGISTRY_READ)).body())
                .doesNotContain("href=\"/office/households\"");
    }
}
