package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.history.Provenance;
import org.populus.person.PersonEvent;
import org.populus.person.Registrants;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The people search of the back office over HTTP: each kind of value it finds people by, paging and roles. */
class OfficePeopleHttpTest extends HttpTest {

    @Autowired
    Registrants registrants;

    OfficeClient office;
    OfficePeopleData data;

    @BeforeEach
    void clients() {
        office = new OfficeClient(port, accounts);
        data = new OfficePeopleData(api, adminSession());
    }

    HttpResponse<String> search(String cookie, String q) {
        return office.get("/office/people?q=" + OfficeClient.encode(q), cookie);
    }

    static String link(long id) {
        return "href=\"/office/people/" + id + "\"";
    }

    @Test
    void partialWordsOfANameWithoutAccentsOrCapitalsFindTheAccentedPerson() {
        String family = data.letters();
        long id = data.individual("given_name", "José", "family_name", "García" + family);
        var r = search(office.signIn(Role.REGISTRY_READ), "jose garcia" + family.substring(0, 6));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(link(id)).contains("José").contains("García" + family)
                .contains("1 person found.");
    }

    @Test
    void anIdentityDocumentValueFindsItsHolderExactly() {
        String nid = "NID" + unique();
        long id = data.individual("given_name", "Nora", "family_name", "Docs" + data.letters(), "ids",
                List.of(OfficePeopleData.nationalId(nid)));
        var r = search(office.signIn(Role.REGISTRY_READ), nid);
        assertThat(r.body()).contains(link(id)).contains("1 person holds this value.");
        assertThat(search(office.signIn(Role.REGISTRY_READ), nid.substring(0, nid.length() - 1)).body())
                .doesNotContain(link(id));
    }

    @Test
    void aPhoneTypedInAnotherFormFindsItsHolder() {
        String phone = OfficePeopleData.phone();
        long id = data.individual("given_name", "Pau", "family_name", "Phone" + data.letters(), "phone_numbers",
                List.of(obj("phone_no", phone)));
        var r = search(office.signIn(Role.REGISTRY_READ), phone.replace(" ", ""));
        assertThat(r.body()).contains(link(id));
    }

    @Test
    void anEmailFindsItsHolderWhateverItsCapitals() {
        String email = "mail." + unique() + "@example.org";
        long id = data.individual("given_name", "Mia", "family_name", "Mail" + data.letters(), "email", email);
        var r = search(office.signIn(Role.REGISTRY_READ), email.toUpperCase());
        assertThat(r.body()).contains(link(id)).contains("1 person holds this value.");
    }

    @Test
    void aQualifiedCensusIdOpensThatPersonsPage() {
        long id = data.individual("given_name", "Quim", "family_name", "Qualified" + data.letters());
        var r = search(office.signIn(Role.REGISTRY_READ), id + "@census");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/office/people/" + id);
    }

    @Test
    void aQualifiedIdOfNobodyFindsNobody() {
        var r = search(office.signIn(Role.REGISTRY_READ), "999999999@census");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("No one holds this value.");
    }

    @Test
    void resultsArePagedTwentyAtATime() {
        String family = data.letters();
        for (int i = 0; i < 21; i++) {
            data.individual("given_name", "Pia", "family_name", "Paged" + family);
        }
        String cookie = office.signIn(Role.REGISTRY_READ);
        var first = search(cookie, "paged" + family);
        assertThat(first.body()).contains("21 people found.").contains("Page 1 of 2").contains("rel=\"next\"");
        assertThat(first.body().split("<td><a href=\"/office/people/", -1)).hasSize(21);
        var second = office.get("/office/people?q=paged" + family + "&page=1", cookie);
        assertThat(second.body()).contains("Page 2 of 2").contains("rel=\"prev\"");
        assertThat(second.body().split("<td><a href=\"/office/people/", -1)).hasSize(2);
    }

    @Test
    void aSearchWithoutAWordOfTwoLettersIsRefusedWithA400PageSayingWhatToType() {
        var r = search(office.signIn(Role.REGISTRY_READ), "j");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("Type at least one word of two letters or more.");
    }

    @Test
    void aSearchTooLongOrWithAControlCharacterIsRefusedWithA400Page() {
        String cookie = office.signIn(Role.REGISTRY_READ);
        var tooLong = search(cookie, "ana ".repeat(80));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Type at most 300 characters of plain text.");
        // refused at the edge, before any controller, still as a page
        var nul = search(cookie, "12@decidim\u0000x");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    }

    @Test
    void aNegativeOrNonNumericPageIsA400Page() {
        String cookie = office.signIn(Role.REGISTRY_READ);
        assertThat(office.get("/office/people?q=ana&page=-1", cookie).statusCode()).isEqualTo(400);
        var words = office.get("/office/people?q=ana&page=two", cookie);
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(words.body()).contains("The request cannot be understood");
    }

    @Test
    void discardedPeopleAreFoundOnlyWithTheDataRole() {
        String family = data.letters();
        long id = data.individual("given_name", "Dora", "family_name", "Discarded" + family);
        registrants.transition(id, Provenance.system("test"), PersonEvent.CANCEL);
        assertThat(search(office.signIn(Role.REGISTRY_READ), "discarded" + family).body()).doesNotContain(link(id));
        assertThat(search(office.signIn(Role.REGISTRAR), "discarded" + family).body()).doesNotContain(link(id));
        assertThat(search(office.signIn(Role.DATA), "discarded" + family).body()).contains(link(id));
        assertThat(search(office.signIn(Role.REGISTRY_READ), id + "@census").statusCode()).isEqualTo(200);
        assertThat(search(office.signIn(Role.DATA), id + "@census").statusCode()).isEqualTo(302);
    }

    @Test
    void theSearchNeedsARoleThatSeesPeopleAndAnAnonymousVisitorIsSentToSignIn() {
        assertThat(office.get("/office/people?q=ana", office.signIn(Role.ADMIN)).statusCode()).isEqualTo(403);
        var anonymous = office.get("/office/people?q=ana", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/office/sign-in");
    }
}
