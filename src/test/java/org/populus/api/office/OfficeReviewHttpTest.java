package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.api.office.OfficeHttpTest.Browser;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureState;
import org.populus.procedure.ProcedureType;
import org.populus.verification.AttachmentInfo;

/** The review queue over HTTP: the list, "Next", a procedure's page, its attachments, decisions, undo and roles. */
class OfficeReviewHttpTest extends OfficePagesHttpTest {

    Procedure state(long id) {
        return reviews.find(id).orElseThrow();
    }

    AttachmentInfo attachment(Procedure p, String filename) {
        return procedures.attachments(p.id()).stream().filter(a -> a.filename().equals(filename)).findFirst()
                .orElseThrow();
    }

    @Test
    void theQueueListsAPendingDocumentVerificationWithItsPerson() {
        Procedure p = work.documentVerification();
        Browser b = signIn(Role.REGISTRAR);
        var page = get(b, "/office/review?type=document_verification");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/office/review/" + p.id() + "\"")
                .contains("href=\"/office/people/" + p.personId() + "\"")
                .contains(work.person(p.personId()).data().name())
                .contains("<kbd>n</kbd>").contains("/office/assets/review.js");
    }

    @Test
    void nextClaimsAProcedureForOneRegistrarOnly() {
        work.documentVerification();
        work.documentVerification();
        Browser alice = signIn(Role.REGISTRAR);
        Browser bob = signIn(Role.REGISTRAR);
        var first = post(alice, "/office/review/next", "type", "document_verification");
        var second = post(bob, "/office/review/next", "type", "document_verification");
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        long a = Long.parseLong(location(first).substring("/office/review/".length()));
        long b = Long.parseLong(location(second).substring("/office/review/".length()));
        assertThat(a).isNotEqualTo(b);
        assertThat(state(a).claimedBy()).isEqualTo("user:" + alice.login());
        assertThat(state(b).claimedBy()).isEqualTo("user:" + bob.login());
    }

    @Test
    void registrarsAskingForNextAtTheSameTimeNeverGetTheSameProcedure() throws Exception {
        for (int i = 0; i < 4; i++) {
            work.documentVerification();
        }
        List<Browser> registrars = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            registrars.add(signIn(Role.REGISTRAR));
        }
        ExecutorService pool = Executors.newFixedThreadPool(registrars.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Browser r : registrars) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(r, "/office/review/next", "type", "document_verification");
                }));
            }
            start.countDown();
            List<String> claimed = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(302);
                if (location(r).matches("/office/review/[0-9]+")) {
                    claimed.add(location(r));
                }
            }
            assertThat(claimed).as("at least the four made here are handed out").hasSizeGreaterThanOrEqualTo(4)
                    .doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theProcedurePageShowsTheSubmittedDataBesideTheCurrentDataWithDifferencesMarked() {
        long person = work.enabledPerson();
        Browser b = signIn(Role.REGISTRAR);
        Procedure registration = procedures.ofPerson(person).stream()
                .filter(p -> p.type() == ProcedureType.REGISTRATION).findFirst().orElseThrow();
        var page = get(b, "/office/review/" + registration.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Submitted").contains("Current").contains("First name")
                .contains(work.person(person).data().givenName()).doesNotContain("class=\"differs\"")
                .doesNotContain("id=\"decision\""); // accepted: nothing to decide
        jdbc.sql("update procedure set information = jsonb_set(information, '{person_data,first_name}', "
                + "'\"Zoe\"') where id = ?").param(registration.id()).update();
        var changed = get(b, "/office/review/" + registration.id()).body();
        assertThat(changed).contains("class=\"differs\"").contains("Zoe").contains("changed");
    }

    @Test
    void attachmentsAreShownInlineOnlyWhenImagesOrPdfAndAlwaysUnderARestrictivePolicy() {
        Procedure p = work.documentVerification();
        Browser b = signIn(Role.REGISTRAR);
        String page = get(b, "/office/review/" + p.id()).body();
        AttachmentInfo png = attachment(p, "front.png");
        assertThat(page).contains("href=\"/office/review/" + p.id() + "/attachments/" + png.id() + "\"")
                .contains("data-shortcut=\"v\"");
        var viewer = get(b, "/office/review/" + p.id() + "/attachments/" + png.id());
        assertThat(viewer.statusCode()).isEqualTo(200);
        assertThat(viewer.body()).contains("src=\"/office/attachments/" + png.id() + "\"")
                .contains("alt=\"The document front.png\"");
        assertThat(get(b, "/office/review/" + p.id() + "/attachments/" + attachment(p, "back.pdf").id()).body())
                .contains("Open the PDF");
        assertThat(get(b, "/office/review/" + p.id() + "/attachments/" + attachment(p, "note.rtf").id()).body())
                .contains("Download the file");
        assertThat(get(b, "/office/review/" + (p.id() + 1) + "/attachments/" + png.id()).statusCode())
                .as("an attachment of another procedure").isEqualTo(404);

        HttpResponse<byte[]> image = getBytes(b, "/office/attachments/" + png.id());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(OfficeWork.png());
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;")
                .contains("front.png");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.headers().allValues("Content-Security-Policy"))
                .containsExactly(OfficeAttachmentController.CONTENT_SECURITY_POLICY);

        HttpResponse<byte[]> pdf = getBytes(b, "/office/attachments/" + attachment(p, "back.pdf").id());
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(pdf.headers().allValues("Content-Security-Policy")).as("Chromium opens no PDF in a sandbox")
                .containsExactly(OfficeAttachmentController.PDF_CONTENT_SECURITY_POLICY);

        HttpResponse<byte[]> rtf = getBytes(b, "/office/attachments/" + attachment(p, "note.rtf").id());
        assertThat(rtf.statusCode()).isEqualTo(200);
        assertThat(rtf.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(rtf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("note.rtf");
        assertThat(rtf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(rtf.headers().allValues("Content-Security-Policy"))
                .containsExactly(OfficeAttachmentController.CONTENT_SECURITY_POLICY);

        assertThat(getBytes(b, "/office/attachments/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyARegistrarMaySeeAnAttachment() {
        Procedure p = work.documentVerification();
        long id = attachment(p, "front.png").id();
        for (Role role : new Role[] {Role.REGISTRY_READ, Role.DATA, Role.ADMIN}) {
            HttpResponse<byte[]> refused = getBytes(signIn(role), "/office/attachments/" + id);
            assertThat(refused.statusCode()).as(role.code()).isEqualTo(403);
            assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("PNG");
        }
    }

    @Test
    void acceptUndoAndAcceptAgain() {
        Procedure p = work.documentVerification();
        Browser b = signIn(Role.REGISTRAR);
        var accepted = post(b, "/office/review/" + p.id() + "/accept", "comment", "");
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(location(accepted)).isEqualTo("/office/review/" + p.id());
        assertThat(state(p.id()).state()).isEqualTo(ProcedureState.ACCEPTED);
        assertThat(state(p.id()).processedBy()).isEqualTo("user:" + b.login());
        assertThat(get(b, "/office/review/" + p.id()).body()).contains("id=\"undo\"").contains("Accepted");

        assertThat(post(b, "/office/review/" + p.id() + "/undo").statusCode()).isEqualTo(302);
        assertThat(state(p.id()).state()).isEqualTo(ProcedureState.PENDING);

        assertThat(post(b, "/office/review/" + p.id() + "/accept").statusCode()).isEqualTo(302);
        assertThat(state(p.id()).state()).isEqualTo(ProcedureState.ACCEPTED);
    }

    @Test
    void theUndoButtonIsGoneOnceTheUndoWindowHasPassed() {
        Procedure p = work.documentVerification();
        Browser b = signIn(Role.REGISTRAR);
        post(b, "/office/review/" + p.id() + "/accept");
        jdbc.sql("update procedure set processed_at = processed_at - interval '31 minutes' where id = ?")
                .param(p.id()).update();
        assertThat(get(b, "/office/review/" + p.id()).body()).contains("Accepted").doesNotContain("id=\"undo\"");
        assertThat(post(b, "/office/review/" + p.id() + "/undo").statusCode()).isEqualTo(409);
        assertThat(state(p.id()).state()).isEqualTo(ProcedureState.ACCEPTED);
    }

    @Test
    void anotherRegistrarCannotUndoADecision() {
        Procedure p = work.documentVerification();
        Browser alice = signIn(Role.REGISTRAR);
        Browser bob = signIn(Role.REGISTRAR);
        post(alice, "/office/review/" + p.id() + "/accept");
        assertThat(get(bob, "/office/review/" + p.id()).body()).doesNotContain("id=\"undo\"");
        var refused = post(bob, "/office/review/" + p.id() + "/undo");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Only the registrar who accepted or rejected a procedure can undo it.");
        assertThat(state(p.id()).state()).isEqualTo(ProcedureState.ACCEPTED);
    }

    @Test
    void rejectingOrDismissingNeedsAComment() {
        Procedure p = work.documentVerification();
        Browser b = signIn(Role.REGISTRAR);
        for (String decision : new String[] {"reject", "dismiss"}) {
            var refused = post(b, "/office/review/" + p.id() + "/" + decision, "comment", "  ");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("Write a comment");
            assertThat(state(p.id()).state()).isEqualTo(ProcedureState.PENDING);
        }
        assertThat(post(b, "/office/review/" + p.id() + "/reject", "comment", "blurred scan").statusCode())
                .isEqualTo(302);
        assertThat(state(p.id()).state()).isEqualTo(ProcedureState.REJECTED);
        assertThat(state(p.id()).comment()).isEqualTo("blurred scan");
    }

    @Test
    void acceptingOverAnOpenIssueIsRefusedUnlessOverriddenWithAComment() {
        OfficeWork.Duplicates d = work.duplicatedDocument();
        Procedure held = procedures.ofPerson(d.copy()).stream().filter(p -> p.type() == ProcedureType.REGISTRATION)
                .findFirst().orElseThrow();
        Browser b = signIn(Role.REGISTRAR);
        assertThat(get(b, "/office/review/" + held.id()).body()).contains("id=\"override\"")
                .contains("href=\"/office/issues/" + d.issue() + "\"");
        var refused = post(b, "/office/review/" + held.id() + "/accept", "comment", "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("The person has an open issue");
        assertThat(state(held.id()).state()).isEqualTo(ProcedureState.PENDING);

        var overridden = post(b, "/office/review/" + held.id() + "/accept", "comment", "twins, checked by phone",
                "override", "true");
        assertThat(overridden.statusCode()).isEqualTo(302);
        assertThat(state(held.id()).state()).isEqualTo(ProcedureState.ACCEPTED);
        assertThat(state(held.id()).overriddenIssues()).containsExactly(d.issue());
    }

    @Test
    void aReaderSeesNoReviewPageAndAForgedDecisionIsRefusedChangingNothing() {
        Procedure p = work.documentVerification();
        Browser reader = signIn(Role.REGISTRY_READ);
        var page = get(reader, "/office/review/" + p.id());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("id=\"accept\"");
        assertThat(get(reader, "/office/review").statusCode()).isEqualTo(403);
        for (String action : new String[] {"accept", "reject", "dismiss", "claim", "undo"}) {
            var forged = post(reader, "/office/review/" + p.id() + "/" + action, "comment", "forged");
            assertThat(forged.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(post(reader, "/office/review/next").statusCode()).isEqualTo(403);
        Procedure after = state(p.id());
        assertThat(after.state()).isEqualTo(ProcedureState.PENDING);
        assertThat(after.claimedBy()).isNull();
        assertThat(after.version()).isEqualTo(p.version());
    }

    @Test
    void aDecisionWithoutTheCsrfTokenIsRefusedChangingNothing() {
        Procedure p = work.documentVerification();
        Browser b = signIn(Role.REGISTRAR);
        var refused = postWithout(b, "/office/review/" + p.id() + "/accept", "comment", "ok");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(state(p.id()).state()).isEqualTo(ProcedureState.PENDING);
        var wrong = postWithout(b, "/office/review/" + p.id() + "/accept", "_csrf", "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(state(p.id()).state()).isEqualTo(ProcedureState.PENDING);
    }

    @Test
    void theQueueIsFilteredByTypeAndNextKeepsTheFilter() {
        Procedure p = work.documentVerification();
        Browser b = signIn(Role.REGISTRAR);
        String registrations = get(b, "/office/review?type=registration").body();
        assertThat(registrations).doesNotContain("href=\"/office/review/" + p.id() + "\"")
                .contains("<input type=\"hidden\" name=\"type\" value=\"registration\">");
        assertThat(get(b, "/office/review").body()).contains("href=\"/office/review/" + p.id() + "\"");
    }

    @Test
    void anOverlongCommentIsRefusedChangingNothing() {
        Procedure p = work.documentVerification();
        Browser b = signIn(Role.REGISTRAR);
        var refused = post(b, "/office/review/" + p.id() + "/reject", "comment", "x".repeat(10_001));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The comment is too long");
        assertThat(state(p.id()).state()).isEqualTo(ProcedureState.PENDING);
    }

    @Test
    void anUnknownTypeIsABadRequestAndClaimsNothing() {
        Browser b = signIn(Role.REGISTRAR);
        var list = get(b, "/office/review?type=nonsense");
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.body()).contains("There is no procedure type of that name");
        var next = post(b, "/office/review/next", "type", "nonsense");
        assertThat(next.statusCode()).isEqualTo(400);
        assertThat(reviews.pending(null, 500, 0)).noneMatch(i -> ("user:" + b.login()).equals(
                i.procedure().claimedBy()));
        assertThat(get(b, "/office/review?page=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownProcedureIsNotFound() {
        Browser b = signIn(Role.REGISTRAR);
        assertThat(get(b, "/office/review/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
        assertThat(post(b, "/office/review/" + Long.MAX_VALUE + "/accept").statusCode()).isEqualTo(404);
    }

    @Test
    void theQueueSpeaksSpanish() {
        Browser b = signIn(Role.REGISTRAR);
        var page = send(java.net.http.HttpRequest.newBuilder(uri("/office/review")).GET(), "Cookie", b.cookie(),
                "Accept-Language", "es");
        assertThat(page.body()).contains("Cola de revisión").contains("Atajos de teclado");
    }
}
