package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.api.office.OfficeHttpTest.Browser;
import org.populus.person.CensusStatus;
import org.populus.procedure.Issue;
import org.populus.procedure.ProcedureState;
import org.populus.procedure.ProcedureType;

/** The issues pages over HTTP: the open issues, one issue side by side, its resolution and the roles. */
class OfficeIssuesHttpTest extends OfficePagesHttpTest {

    Issue issue(long id) {
        return issues.find(id).orElseThrow();
    }

    ProcedureState registrationOf(long person) {
        return procedures.ofPerson(person).stream().filter(p -> p.type() == ProcedureType.REGISTRATION).findFirst()
                .orElseThrow().state();
    }

    @Test
    void anOpenDuplicatedDocumentIsListedAndShowsItsPeopleSideBySideWithTheSharedDocumentMarked() {
        OfficeWork.Duplicates d = work.duplicatedDocument();
        Browser b = signIn(Role.REGISTRAR);
        assertThat(get(b, "/office/issues").body()).contains("href=\"/office/issues/" + d.issue() + "\"")
                .contains("Duplicated document");
        String page = get(b, "/office/issues/" + d.issue()).body();
        String document = work.person(d.genuine()).primaryDocument().orElseThrow().value();
        assertThat(page).contains("href=\"/office/people/" + d.genuine() + "\"")
                .contains("href=\"/office/people/" + d.copy() + "\"");
        String row = page.substring(page.indexOf("Document number"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(document).contains("class=\"shared\"").contains("same");
        String names = page.substring(page.indexOf(">Name<"));
        names = names.substring(0, names.indexOf("</tr>"));
        assertThat(names).doesNotContain("class=\"shared\"");
        assertThat(page).contains("id=\"resolution-fraud\"").contains("id=\"resolution-mistake\"")
                .contains("id=\"resolution-not_duplicate\"").contains("id=\"chosen-" + d.genuine() + "\"");
    }

    @Test
    void fraudChoosingTheGenuinePersonTrashesTheOtherAndItsHeldRegistrationIsProcessedAgain() {
        OfficeWork.Duplicates d = work.duplicatedDocument();
        Browser b = signIn(Role.REGISTRAR);
        var resolved = post(b, "/office/issues/" + d.issue() + "/resolve", "resolution", "fraud", "chosen",
                String.valueOf(d.genuine()), "comment", "stolen document");
        assertThat(resolved.statusCode()).isEqualTo(302);
        assertThat(location(resolved)).isEqualTo("/office/issues/" + d.issue());
        Issue issue = issue(d.issue());
        assertThat(issue.open()).isFalse();
        assertThat(issue.resolution()).isEqualTo("fraud");
        assertThat(issue.resolvedBy()).isEqualTo("user:" + b.login());
        assertThat(work.person(d.copy()).status().state()).isEqualTo(CensusStatus.State.TRASHED);
        assertThat(work.person(d.genuine()).status().state()).isEqualTo(CensusStatus.State.ENABLED);
        OfficeWork.eventually(() -> registrationOf(d.copy()) == ProcedureState.DISMISSED,
                () -> "the held registration processed again (dismissed)");
        assertThat(get(b, "/office/issues/" + d.issue()).body()).contains("Resolved").contains("Fraud")
                .doesNotContain("id=\"resolve\"");
        assertThat(get(b, "/office/issues").body()).doesNotContain("href=\"/office/issues/" + d.issue() + "\"");
    }

    @Test
    void notDuplicateLetsTheHeldRegistrationThrough() {
        OfficeWork.Duplicates d = work.duplicatedDocument();
        Browser b = signIn(Role.REGISTRAR);
        assertThat(post(b, "/office/issues/" + d.issue() + "/resolve", "resolution", "not_duplicate").statusCode())
                .isEqualTo(302);
        OfficeWork.eventually(() -> registrationOf(d.copy()) == ProcedureState.ACCEPTED,
                () -> "the held registration accepted");
    }

    @Test
    void aResolutionThatDoesNotFitIsRefusedWithAMessageAndChangesNothing() {
        OfficeWork.Duplicates d = work.duplicatedDocument();
        Browser b = signIn(Role.REGISTRAR);
        var noChoice = post(b, "/office/issues/" + d.issue() + "/resolve", "resolution", "fraud");
        assertThat(noChoice.statusCode()).isEqualTo(400);
        assertThat(noChoice.body()).contains("Choose a resolution that fits");
        var unknown = post(b, "/office/issues/" + d.issue() + "/resolve", "resolution", "trusted");
        assertThat(unknown.statusCode()).isEqualTo(400);
        var chosenStranger = post(b, "/office/issues/" + d.issue() + "/resolve", "resolution", "mistake", "chosen",
                "1", "comment", "x");
        assertThat(chosenStranger.statusCode()).isEqualTo(400);
        assertThat(post(b, "/office/issues/" + d.issue() + "/resolve", "resolution", "fraud", "chosen", "abc")
                .statusCode()).isEqualTo(400);
        assertThat(issue(d.issue()).open()).isTrue();
        assertThat(work.person(d.copy()).status().state()).isNotEqualTo(CensusStatus.State.TRASHED);
    }

    @Test
    void aResolvedIssueCannotBeResolvedAgain() {
        OfficeWork.Duplicates d = work.duplicatedDocument();
        Browser b = signIn(Role.REGISTRAR);
        post(b, "/office/issues/" + d.issue() + "/resolve", "resolution", "not_duplicate");
        var again = post(b, "/office/issues/" + d.issue() + "/resolve", "resolution", "fraud", "chosen",
                String.valueOf(d.genuine()));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("This issue is already resolved.");
        assertThat(issue(d.issue()).resolution()).isEqualTo("not_duplicate");
    }

    @Test
    void aReaderCannotSeeOrResolveAnIssue() {
        OfficeWork.Duplicates d = work.duplicatedDocument();
        for (Role role : new Role[] {Role.REGISTRY_READ, Role.DATA, Role.ADMIN}) {
            Browser reader = signIn(role);
            assertThat(get(reader, "/office/issues").statusCode()).as(role.code()).isEqualTo(403);
            assertThat(get(reader, "/office/issues/" + d.issue()).statusCode()).isEqualTo(403);
            var forged = post(reader, "/office/issues/" + d.issue() + "/resolve", "resolution", "fraud", "chosen",
                    String.valueOf(d.genuine()));
            assertThat(forged.statusCode()).isEqualTo(403);
        }
        assertThat(issue(d.issue()).open()).isTrue();
        assertThat(work.person(d.copy()).status().state()).isNotEqualTo(CensusStatus.State.TRASHED);
    }

    @Test
    void aResolutionWithoutTheCsrfTokenIsRefusedChangingNothing() {
        OfficeWork.Duplicates d = work.duplicatedDocument();
        Browser b = signIn(Role.REGISTRAR);
        var refused = postWithout(b, "/office/issues/" + d.issue() + "/resolve", "resolution", "not_duplicate");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(issue(d.issue()).open()).isTrue();
    }

    @Test
    void anUnknownIssueIsNotFound() {
        Browser b = signIn(Role.REGISTRAR);
        assertThat(get(b, "/office/issues/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
        assertThat(post(b, "/office/issues/" + Long.MAX_VALUE + "/resolve", "resolution", "fraud").statusCode())
                .isEqualTo(404);
    }
}
