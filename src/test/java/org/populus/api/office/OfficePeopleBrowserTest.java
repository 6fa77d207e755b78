package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.populus.access.Role;
import org.populus.history.Provenance;
import org.populus.person.PersonEvent;
import org.populus.person.Registrants;
import org.populus.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Finding people, reading a person's history as of an earlier instant, and a household, in a real browser. */
class OfficePeopleBrowserTest extends BrowserTest {

    @Autowired
    Registrants registrants;

    OfficePeopleData data;

    @BeforeEach
    void data() {
        data = new OfficePeopleData(api, adminSession());
    }

    /** Clicks a link or button that loads a new page, and waits until the old page has left. */
    void go(WebElement element) {
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(element));
    }

    @Test
    void aReaderFindsAPersonByAPartialAccentedNameAndOpensTheirPage() {
        String family = "García" + OfficePeopleData.letters();
        long id = data.individual("given_name", "José", "family_name", family);
        signInAs(Role.REGISTRY_READ);
        go(link("People"));
        assertAccessible();
        field("Search").sendKeys("jose " + family.substring(0, 9).toLowerCase().replace('í', 'i'));
        go(button("Search"));
        assertThat(texts(".results a")).containsExactly("José " + family);
        assertAccessible();
        go(link("José " + family));
        assertThat(currentPath()).isEqualTo("/office/people/" + id);
        assertThat(browser.findElement(By.cssSelector("h1 span")).getText()).isEqualTo("José " + family);
        assertAccessible();
    }

    @Test
    void aReaderFindsAPersonByTheirDocumentId() {
        String nid = "NID" + unique();
        long id = data.individual("given_name", "Nuria", "family_name", "Document" + OfficePeopleData.letters(),
                "ids", List.of(OfficePeopleData.nationalId(nid)));
        signInAs(Role.REGISTRY_READ);
        open("/office/people");
        field("Search").sendKeys(nid);
        go(button("Search"));
        assertThat(browser.findElement(By.id("results-summary")).getText()).isEqualTo("1 person holds this value.");
        assertThat(browser.findElement(By.cssSelector(".results a")).getDomAttribute("href"))
                .isEqualTo("/office/people/" + id);
        assertAccessible();
    }

    @Test
    void aRegistrarReadsTheTimelineAndSeesAnOlderVersionThroughTheAsOfPicker() throws InterruptedException {
        String family = "Olmo" + OfficePeopleData.letters();
        long id = data.individual("given_name", "Inés", "family_name", family);
        Instant first = registrants.versions(id).get(0).recordedAt();
        Instant between = first.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        while (Instant.now().isBefore(between.plusMillis(50))) {
            Thread.sleep(50);
        }
        registrants.setAdditionalInformation(id, "note", "\"moved house\"", new Provenance("user:clerk",
                "phone call"));
        signInAs(Role.REGISTRAR);
        open("/office/people/" + id);
        assertThat(texts(".timeline > li h3 span")).containsExactly("Version 2", "Version 1");
        assertThat(browser.findElement(By.cssSelector("#version-2 .reason")).getText()).isEqualTo("phone call");
        assertThat(browser.findElement(By.cssSelector("#version-2 .changes td.after")).getText())
                .contains("moved house");
        assertAccessible();

        var picker = field("Show the record as of");
        assertThat(picker.getDomAttribute("type")).isEqualTo("datetime-local");
        browser.executeScript("arguments[0].value = arguments[1]", picker,
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(between));
        go(button("Show"));
        assertThat(browser.findElement(By.id("as-of-note")).getText()).contains("(version 1)");
        assertThat(browser.findElement(By.cssSelector("#person-data dd:last-of-type")).getText()).isEqualTo("1");
        assertAccessible();
        go(link("Back to now"));
        assertThat(browser.findElements(By.id("as-of-note"))).isEmpty();
    }

    @Test
    void aReaderOpensAPersonsHouseholdAndGoesBackToAMember() {
        String family = "Casa" + OfficePeopleData.letters();
        long[] household = data.household("Hogar " + family, "Marta", family);
        signInAs(Role.REGISTRY_READ);
        open("/office/people/" + household[1]);
        go(link("Hogar " + family));
        assertThat(currentPath()).isEqualTo("/office/households/" + household[0]);
        assertThat(texts("#members tbody td")).contains("Marta " + family, "Head");
        assertAccessible();
        go(link("Marta " + family));
        assertThat(currentPath()).isEqualTo("/office/people/" + household[1]);
    }

    @Test
    void theDashboardChartAndAnErrorPageAreAccessible() {
        data.individual("given_name", "Dalia", "family_name", "Chart" + OfficePeopleData.letters());
        signInAs(Role.REGISTRAR);
        assertThat(browser.findElement(By.cssSelector("figure.chart svg")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("rect.bar"))).hasSize(2 * DashboardFigures.DAYS);
        assertAccessible();
        screenshot("OfficePeopleBrowserTest.dashboard");
        open("/office/no-such-page");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertAccessible();
    }

    @Test
    void onAPhoneThePersonPageNeedsNoSidewaysScrolling() {
        phone();
        long[] household = data.household("Hogar " + OfficePeopleData.letters(), "Teo",
                "Telefono" + OfficePeopleData.letters());
        registrants.transition(household[1], Provenance.system("test"), PersonEvent.CANCEL);
        signInAs(Role.DATA);
        open("/office/people/" + household[1]);
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(((Number) browser.executeScript("return window.innerWidth")).intValue());
        assertAccessible();
    }
}
