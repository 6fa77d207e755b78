package org.populus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.populus.access.Role;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Base of the back-office browser tests: the shared test application ({@link HttpTest}) driven through Debian's
 * headless Chromium ({@value #CHROMIUM}) and its driver ({@value #CHROMEDRIVER}) with Selenium — both named
 * explicitly, so Selenium Manager never downloads a browser or driver ({@code .ci/run} installs the two packages
 * when missing). Each test gets a fresh browser with an empty profile at 1280×800 ({@link #phone()} for 390 px);
 * after each test the last page is saved as {@code target/screenshots/<class>.<test>.png}.
 *
 * <p>Helpers: {@link #open} a path, {@link #signInAs} a new user with given roles, find a form field by its label
 * ({@link #field}) and a button by its text ({@link #button}), and {@link #assertAccessible()}: axe-core (from its
 * webjar) run on the current page, failing on any serious or critical violation, listed.
 */
public abstract class BrowserTest extends HttpTest {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static String axeSource;

    protected ChromeDriver browser;
    private ChromeDriverService service;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("populus-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2)).scriptTimeout(Duration.ofSeconds(30));
        desktop();
    }

    @AfterEach
    void stopBrowser(TestInfo test) {
        try {
            if (browser != null) {
                screenshot(test.getTestClass().map(Class::getSimpleName).orElse("test") + "."
                        + test.getTestMethod().map(m -> m.getName()).orElse("page"));
            }
        } finally {
            if (browser != null) {
                browser.quit();
            }
            if (service != null) {
                service.stop();
            }
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    /** The window at 1280×800 (the default). */
    protected void desktop() {
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    /** The window at a phone's 390×844. */
    protected void phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Opens a path of the application, e.g. {@code /office}. */
    protected void open(String path) {
        browser.get(url(path));
    }

    /** The path of the current page (without query string). */
    protected String currentPath() {
        return java.net.URI.create(browser.getCurrentUrl()).getPath();
    }

    /** Creates a user with these roles (password {@code password-<login>}) and returns the login. */
    protected String userWith(Role... roles) {
        String login = "office-" + unique();
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        accounts.create(login, null, password(login), set);
        return login;
    }

    protected static String password(String login) {
        return "password-" + login;
    }

    /** Creates a user with these roles and signs them in through the sign-in form; returns the login. */
    protected String signInAs(Role... roles) {
        String login = userWith(roles);
        signIn(login, password(login));
        assertThat(currentPath()).as("signed in").isEqualTo("/office");
        return login;
    }

    /** Fills and sends the sign-in form (in English). */
    protected void signIn(String login, String password) {
        open("/office/sign-in?lang=en");
        field("Username").sendKeys(login);
        field("Password").sendKeys(password);
        // the answer is a new page (the dashboard, or the form again)
        clickToLeaveThePage(button("Sign in"));
    }

    /** Clicks something that loads a new page, and waits until the old page has gone (not just been asked to). */
    protected void clickToLeaveThePage(WebElement element) {
        element.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(element));
    }

    /** The form field labelled {@code label} (a {@code <label for>} with exactly that text). */
    protected WebElement field(String label) {
        WebElement l = browser.findElement(By.xpath("//label[normalize-space()=" + xpathText(label) + "]"));
        return browser.findElement(By.id(l.getDomAttribute("for")));
    }

    /** The button whose text is exactly {@code text}. */
    protected WebElement button(String text) {
        return browser.findElement(By.xpath("//button[normalize-space()=" + xpathText(text) + "]"));
    }

    /** The link whose text is exactly {@code text}. */
    protected WebElement link(String text) {
        return browser.findElement(By.xpath("//a[normalize-space()=" + xpathText(text) + "]"));
    }

    /** The visible texts of the elements {@code css} selects. */
    protected List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /**
     * Runs axe-core on the current page and fails on any violation of impact {@code serious} or {@code critical},
     * listing each (rule, impact, help and the elements).
     */
    protected void assertAccessible() {
        browser.executeScript(axe());
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(function (r) { done(JSON.stringify(r.violations)); })
                    .catch(function (e) { done('axe failed: ' + e); });
                """);
        String json = String.valueOf(result);
        assertThat(json).as("axe-core ran on " + browser.getCurrentUrl()).startsWith("[");
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : Api.JSON.readTree(json)) {
            String impact = violation.path("impact").asString();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(violation.path("id").asString() + " (" + impact + "): " + violation.path("help").asString()
                        + " at " + targets);
            }
        }
        assertThat(serious).as("serious or critical accessibility violations on " + browser.getCurrentUrl())
                .isEmpty();
    }

    /** Saves the current page as {@code target/screenshots/<name>.png}. */
    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = BrowserTest.class.getClassLoader().getResourceAsStream(AXE)) {
                assertThat(in).as(AXE + " on the test classpath").isNotNull();
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    private static String xpathText(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
