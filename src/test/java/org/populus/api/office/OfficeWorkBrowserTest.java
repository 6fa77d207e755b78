package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.populus.access.Role;
import org.populus.access.UserAccount;
import org.populus.catalog.Catalog;
import org.populus.catalog.MemberKind;
import org.populus.person.CensusStatus;
import org.populus.person.Registrants;
import org.populus.procedure.Issues;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureState;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Procedures;
import org.populus.procedure.ReviewItem;
import org.populus.procedure.ReviewRefused;
import org.populus.procedure.Reviews;
import org.populus.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registrar's and the administrator's daily work in a real browser, every page checked with axe-core: the
 * review queue (with its keyboard shortcuts), an issue settled side by side, a user administered.
 */
class OfficeWorkBrowserTest extends BrowserTest {

    @Autowired
    Procedures procedures;

    @Autowired
    Registrants registrants;

    @Autowired
    Issues issues;

    @Autowired
    Reviews reviews;

    @Autowired
    Catalog catalog;

    OfficeWork work;

    @BeforeEach
    void work() {
        work = new OfficeWork(procedures, registrants, issues);
    }

    /** As {@link BrowserTest#signInAs}, waiting for the dashboard (the form's navigation may still be under way). */
    @Override
    protected String signInAs(Role... roles) {
        String login = userWith(roles);
        signIn(login, password(login));
        awaitPath("/office");
        return login;
    }

    void press(String key) {
        new Actions(browser).sendKeys(key).perform();
    }

    void awaitPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> currentPath().equals(path));
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** Waits until an element {@code css} selects reads {@code expected} (the page may still be loading). */
    void awaitText(String css, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(b -> b.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().equals(expected)));
    }

    /** Every pending document verification ahead of this one in the review order is being reviewed by a colleague. */
    void aheadClaimedByAColleague(long mine) {
        for (ReviewItem item : reviews.pending(ProcedureType.DOCUMENT_VERIFICATION, 500, 0)) {
            if (item.procedure().id() == mine) {
                return;
            }
            try {
                reviews.claim(item.procedure().id(), "user:colleague-" + unique());
            } catch (ReviewRefused alreadyClaimed) {
                // someone holds it already: Next passes it by all the same
            }
        }
    }

    @Test
    void aRegistrarClaimsTheNextDocumentVerificationViewsItsAttachmentAcceptsUndoesAndAcceptsAgain() {
        Procedure mine = work.documentVerification();
        aheadClaimedByAColleague(mine.id());
        signInAs(Role.REGISTRAR);
        link("Review queue").click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Review queue");
        assertThat(texts(".shortcuts li")).hasSize(5);
        assertAccessible();

        press("n");
        awaitPath("/office/review/" + mine.id());
        assertThat(text("#comparison caption")).isEqualTo("The person's current data");
        assertThat(texts(".attachments a")).containsExactly("front.png", "back.pdf", "note.rtf");
        assertAccessible();

        press("v");
        String attachment = procedures.attachments(mine.id()).get(0).id() + "";
        awaitPath("/office/review/" + mine.id() + "/attachments/" + attachment);
        WebElement image = browser.findElement(By.id("attachment-image"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> Boolean.TRUE.equals(
                browser.executeScript("return arguments[0].complete", image)));
        assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", image)).intValue())
                .as("the decrypted image shown").isEqualTo(40);
        assertAccessible();

        press("b");
        awaitPath("/office/review/" + mine.id());
        press("a");
        awaitText("#state", "Accepted");
        assertThat(reviews.find(mine.id()).orElseThrow().state()).isEqualTo(ProcedureState.ACCEPTED);
        assertAccessible();

        button("Undo").click();
        awaitText("#state", "Pending");
        assertThat(reviews.find(mine.id()).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);
        assertAccessible();

        button("Accept").click();
        awaitText("#state", "Accepted");
        assertThat(reviews.find(mine.id()).orElseThrow().state()).isEqualTo(ProcedureState.ACCEPTED);
        assertAccessible();
    }

    @Test
    void rejectingWithoutACommentShowsWhyAndChangesNothing() {
        Procedure mine = work.documentVerification();
        signInAs(Role.REGISTRAR);
        open("/office/review/" + mine.id());
        press("r");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("the comment asked for first")
                .isEqualTo("comment");
        button("Reject").click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(b -> !b.findElements(By.id("refusal")).isEmpty());
        assertThat(text("#refusal")).contains("Write a comment");
        assertThat(reviews.find(mine.id()).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);
        assertAccessible();
    }

    @Test
    void onAPhoneTheProcedureAndIssuePagesNeedNoSidewaysScrolling() {
        Procedure mine = work.documentVerification();
        OfficeWork.Duplicates d = work.duplicatedDocument();
        phone();
        signInAs(Role.REGISTRAR);
        for (String path : new String[] {"/office/review", "/office/review/" + mine.id(),
            "/office/issues/" + d.issue()}) {
            open(path);
            assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .as("no sideways scrolling on " + path)
                    .isLessThanOrEqualTo(((Number) browser.executeScript("return window.innerWidth")).intValue());
            assertAccessible();
        }
    }

    @Test
    void aReaderCannotReachADecision() {
        Procedure mine = work.documentVerification();
        signInAs(Role.REGISTRY_READ);
        assertThat(texts(".main-nav a")).doesNotContain("Review queue", "Issues");
        open("/office/review/" + mine.id());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.findElements(By.id("accept"))).isEmpty();
        assertAccessible();
    }

    @Test
    void aRegistrarResolvesADuplicatedDocumentChoosingTheGenuinePerson() {
        OfficeWork.Duplicates d = work.duplicatedDocument();
        signInAs(Role.REGISTRAR);
        link("Issues").click();
        assertAccessible();
        link("#" + d.issue()).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Duplicated document #" + d.issue());
        assertThat(browser.findElements(By.cssSelector("#people td.shared"))).as("the shared document marked")
                .isNotEmpty();
        assertAccessible();

        browser.findElement(By.cssSelector("label[for='resolution-fraud']")).click();
        browser.findElement(By.cssSelector("label[for='chosen-" + d.genuine() + "']")).click();
        field("Comment").sendKeys("The document belongs to the first person");
        button("Resolve").click();
        awaitText("#issue-state", "Resolved");
        awaitText("#resolution", "Fraud");
        assertAccessible();
        assertThat(work.person(d.copy()).status().state()).isEqualTo(CensusStatus.State.TRASHED);
        assertThat(work.person(d.genuine()).status().state()).isEqualTo(CensusStatus.State.ENABLED);
    }

    @Test
    void aRegistrarSeesAPossibleDuplicateSideBySideWithItsScoreAndEachFieldThenSaysTheyAreNotTheSamePerson() {
        long first = work.register(OfficeWork.dni());
        long second = work.register(OfficeWork.dni());
        // the shared test context raises no possible duplicates (its people are alike on purpose): the issue the
        // matching would raise is stored as it would be
        long issue = jdbc.sql("""
                insert into issue (type, key, state, information, created_at, version)
                values ('possible_duplicate', ?, 'open', cast(? as jsonb), now(), 1) returning id""")
                .params(first + "|" + second, """
                        {"score": 22.47, "threshold": 14.5, "fields": [
                          {"field": "given_name", "level": "exact", "weight": 7.8},
                          {"field": "family_name", "level": "similar (Jaro-Winkler 0.96)", "weight": 4.81},
                          {"field": "birthdate", "level": "exact", "weight": 14.94}]}""")
                .query(Long.class).single();
        for (long person : new long[] {first, second}) {
            jdbc.sql("insert into issue_person (issue_id, party_id) values (?, ?)").params(issue, person).update();
        }
        signInAs(Role.REGISTRAR);
        open("/office/issues/" + issue);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Possible duplicate #" + issue);
        assertThat(browser.findElement(By.cssSelector("#match caption")).getText())
                .isEqualTo("Score 22.47 (possible duplicate from 14.5)");
        assertThat(browser.findElements(By.cssSelector("#match tbody tr")).stream().map(WebElement::getText))
                .containsExactly("Given name exact 7.8", "Family name similar (Jaro-Winkler 0.96) 4.81",
                        "Birth date exact 14.94");
        assertThat(browser.findElements(By.cssSelector("#people thead th a")).stream().map(WebElement::getText))
                .containsExactly("#" + first, "#" + second);
        assertAccessible();

        browser.findElement(By.cssSelector("label[for='resolution-not_duplicate']")).click();
        button("Resolve").click();
        awaitText("#issue-state", "Resolved");
        awaitText("#resolution", "Not a duplicate");
        assertAccessible();
    }

    @Test
    void anAdministratorCreatesAUserChangesTheirRolesDisablesThemAndResetsTheirPassword() {
        signInAs(Role.ADMIN);
        link("Administration").click();
        assertAccessible();
        link("Users and roles").click();
        assertAccessible();
        String login = "clerk-" + unique();
        field("Login").sendKeys(login);
        field("Display name").sendKeys("Clara Clerk");
        field("Password").sendKeys("first-password");
        browser.findElement(By.cssSelector("label[for='role-registrar']")).click();
        button("Create user").click();
        awaitText("[role=status]", "User " + login + " created.");
        assertThat(accounts.find(login).map(UserAccount::roles).orElseThrow()).containsExactly(Role.REGISTRAR);
        assertAccessible();

        long id = accounts.find(login).orElseThrow().id();
        browser.findElement(By.cssSelector("#user-" + id + " details.roles-editor summary")).click();
        browser.findElement(By.cssSelector("label[for='roles-" + id + "-data']")).click();
        browser.findElement(By.cssSelector("#user-" + id + " details.roles-editor button")).click();
        awaitText("[role=status]", "Roles of " + login + " set: their sessions have ended.");
        assertThat(accounts.find(login).map(UserAccount::roles).orElseThrow())
                .containsExactlyInAnyOrder(Role.REGISTRAR, Role.DATA);
        assertAccessible();

        browser.findElement(By.cssSelector("#user-" + id + " button.danger")).click();
        awaitText("[role=status]", "User " + login + " disabled: their sessions have ended.");
        awaitText("#user-" + id + " .user-state", "Disabled");
        assertThat(accounts.find(login).orElseThrow().disabled()).isTrue();
        assertAccessible();

        field("New password of " + login).sendKeys("second-password");
        browser.findElement(By.cssSelector("#user-" + id + " form:last-of-type button")).click();
        awaitText("[role=status]", "New password of " + login + " set: their sessions have ended.");
        assertThat(accounts.authenticate(login, "second-password")).as("disabled: no sign-in").isEmpty();
        assertAccessible();
    }

    @Test
    void anAdministratorAddsACatalogueEntryAndDeletesItOnceConfirmed() {
        signInAs(Role.ADMIN);
        open("/office/admin/catalogues");
        assertAccessible();
        String name = "Carer " + unique();
        browser.findElement(By.id("new-member-kind-name")).sendKeys(name);
        browser.findElement(By.cssSelector("#new-member-kind button")).click();
        awaitText("[role=status]", "Saved.");
        MemberKind kind = catalog.memberKinds().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow();

        browser.findElement(By.xpath("//table[@id='member-kinds']//tr[th='" + name + "']//summary")).click();
        assertAccessible();
        browser.findElement(By.cssSelector("label[for='member-kinds-delete-" + kind.id() + "']")).click();
        browser.findElement(By.cssSelector("button[aria-label='Delete " + name + "']")).click();
        awaitText("[role=status]", "Deleted.");
        assertThat(catalog.memberKind(kind.id())).isEmpty();
        assertThat(browser.findElements(By.xpath("//table[@id='member-kinds']//th[text()='" + name + "']")))
                .isEmpty();
        assertAccessible();
    }

    @Test
    void anAdministratorUploadsAScopeFileAndSeesTheLineAtFault() throws java.io.IOException {
        signInAs(Role.ADMIN);
        open("/office/admin/scopes");
        assertAccessible();
        String p = "W" + unique().substring(0, 9).toUpperCase(java.util.Locale.ROOT);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("populus-scopes-");
        java.nio.file.Path good = java.nio.file.Files.writeString(dir.resolve("good.tsv"),
                "UID\tType\tname_es\tname_en\n" + p + "\tcountry\tPaís\tCountry\n");
        java.nio.file.Path bad = java.nio.file.Files.writeString(dir.resolve("bad.tsv"),
                "UID\tType\tname_es\tname_en\n" + p + "-B\tcountry\tPaís\tCountry\textra\tmore\n");
        browser.executeScript("window.samePage = true");
        field("File").sendKeys(good.toAbsolutePath().toString());
        button("Load").click();
        awaitText("#scope-summary p", "Loaded good.tsv: 1 scopes (1 created, 0 updated, 0 unchanged).");
        assertThat(browser.executeScript("return window.samePage === true")).as("loaded by htmx, in the page")
                .isEqualTo(true);
        assertAccessible();

        field("File").sendKeys(bad.toAbsolutePath().toString());
        button("Load").click();
        awaitText("#scope-errors td", "2");
        assertThat(text("#scope-problem")).contains("The file was not loaded");
        assertAccessible();
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }
}
