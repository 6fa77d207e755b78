package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.populus.access.Role;
import org.populus.support.BrowserTest;

/** Signing in and out of the back office in a real browser, each page checked with axe-core. */
class OfficeBrowserTest extends BrowserTest {

    @Test
    void aRegistrarSignsInSeesTheSectionsTheirRoleAllowsAndSignsOut() {
        open("/office");
        assertThat(currentPath()).as("an anonymous visitor is sent to the sign-in form").isEqualTo("/office/sign-in");
        assertAccessible();

        String login = signInAs(Role.REGISTRAR);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(texts(".main-nav a")).containsExactly("Dashboard", "People", "Review queue", "Issues");
        assertThat(browser.executeScript("return typeof htmx")).as("htmx served from its webjar").isEqualTo("object");
        assertThat(browser.findElement(By.cssSelector(".user")).getText()).isEqualTo("Signed in as " + login);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertAccessible();

        clickToLeaveThePage(button("Sign out"));
        assertThat(currentPath()).isEqualTo("/office/sign-in");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("You have signed out.");
        assertAccessible();
        open("/office");
        assertThat(currentPath()).as("the session ended").isEqualTo("/office/sign-in");
    }

    @Test
    void aWrongPasswordShowsAnErrorAndSignsNobodyIn() {
        String login = userWith(Role.REGISTRY_READ);
        signIn(login, "not-the-password");
        assertThat(currentPath()).isEqualTo("/office/sign-in");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("Wrong username or password.");
        assertAccessible();
        open("/office");
        assertThat(currentPath()).isEqualTo("/office/sign-in");
    }

    @Test
    void anAdministratorSeesAdministrationAndNotTheReviewSections() {
        signInAs(Role.ADMIN, Role.REGISTRY_READ);
        assertThat(texts(".main-nav a")).containsExactly("Dashboard", "People", "Administration");
    }

    @Test
    void theLanguageSwitchShowsThePagesInSpanishAndKeepsTheChoice() {
        signInAs(Role.REGISTRY_READ);
        link("Español").click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Panel");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        open("/office");
        assertThat(texts(".main-nav a")).containsExactly("Panel", "Personas");
        assertThat(button("Cerrar sesión").isDisplayed()).isTrue();
        assertAccessible();
    }

    @Test
    void onAPhoneTheHeaderWrapsAndEverythingStaysReachable() {
        phone();
        signInAs(Role.REGISTRAR, Role.ADMIN);
        assertThat(((Number) browser.executeScript(
                "return document.documentElement.scrollWidth")).intValue()).as("no sideways scrolling")
                .isLessThanOrEqualTo(((Number) browser.executeScript("return window.innerWidth")).intValue());
        assertThat(button("Sign out").isDisplayed()).isTrue();
        assertThat(link("Administration").isDisplayed()).isTrue();
        assertAccessible();
    }

    @Test
    void theSkipLinkIsTheFirstStopOfTheKeyboardAndLeadsToTheContent() {
        signInAs(Role.REGISTRY_READ);
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("content");
    }
}
