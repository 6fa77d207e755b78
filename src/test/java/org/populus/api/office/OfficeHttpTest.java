package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.access.UserAccount;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/** The back office over plain HTTP: the way in, the session cookie, CSRF, sign-out and roles on the server. */
class OfficeHttpTest extends HttpTest {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    WebApplicationContext context;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    HttpResponse<String> post(String path, String form, String... headers) {
        List<String> all = new java.util.ArrayList<>(List.of(headers));
        all.addAll(List.of("Content-Type", "application/x-www-form-urlencoded"));
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(form)),
                all.toArray(String[]::new));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sessionCookie(HttpResponse<?> response) {
        return setCookie(response).map(c -> c.substring(0, c.indexOf(';'))).orElse(null);
    }

    static java.util.Optional<String> setCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("populus_office="))
                .findFirst();
    }

    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF_FIELD.matcher(page.body());
        assertThat(m.find()).as("a CSRF field in " + page.body()).isTrue();
        return m.group(1);
    }

    static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(b.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** A browser's session: the cookie of a signed-in user and a CSRF token of its pages. */
    record Browser(String cookie, String csrf, String login) {
    }

    Browser signIn(Role... roles) {
        String login = "office-http-" + unique();
        accounts.create(login, null, "password-" + login, EnumSet.of(roles[0], roles));
        return signIn(login, "password-" + login);
    }

    Browser signIn(String login, String password) {
        var form = get("/office/sign-in");
        String anonymous = sessionCookie(form);
        var signedIn = post("/office/sign-in", form("username", login, "password", password, "_csrf", csrf(form)),
                "Cookie", anonymous);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).isEqualTo("/office");
        String cookie = sessionCookie(signedIn);
        assertThat(cookie).as("a new session id at sign-in").isNotNull().isNotEqualTo(anonymous);
        var dashboard = get("/office", "Cookie", cookie);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        return new Browser(cookie, csrf(dashboard), login);
    }

    /** The path and query the response redirects to. */
    static String location(HttpResponse<?> response) {
        URI to = URI.create(response.headers().firstValue("Location").orElseThrow());
        return to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery());
    }

    String sessionId(String cookie) {
        return new String(java.util.Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)),
                StandardCharsets.UTF_8);
    }

    /** The sum of the numbers of the dashboard table with this id. */
    long total(String dashboard, String table) {
        String body = dashboard.substring(dashboard.indexOf("id=\"" + table + "\""));
        body = body.substring(0, body.indexOf("</table>"));
        Matcher m = Pattern.compile("<td class=\"number\">([0-9.,]+)</td>").matcher(body);
        long sum = 0;
        int rows = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1).replaceAll("[.,]", ""));
            rows++;
        }
        assertThat(rows).as("rows of " + table).isPositive();
        return sum;
    }

    @Test
    void theDashboardCountsPeopleByStateAndPendingProceduresByType() {
        Browser b = signIn(Role.REGISTRY_READ);
        var before = get("/office", "Cookie", b.cookie()).body();
        assertThat(before).contains("Document verification").contains("Enabled");
        api.post("/api/v1/registry/individual/", org.populus.support.Api.obj("given_name", "Dana",
                "family_name", "Dashboard" + unique()), org.populus.support.Api.session(adminSession()));
        var after = get("/office", "Cookie", b.cookie()).body();
        assertThat(total(after, "people-by-state")).isEqualTo(total(before, "people-by-state") + 1);
        assertThat(total(after, "pending-by-type")).isEqualTo(jdbc.sql(
                "select count(*) from procedure where state = 'pending'").query(Long.class).single());
    }

    @Test
    void aBrowserAskingForTheRootIsSentToTheOffice() {
        var r = get("/", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/office");
    }

    @Test
    void theRootWithoutAskingForHtmlStaysClosedLikeEveryUnknownPath() {
        assertThat(get("/", "Accept", "*/*").statusCode()).isEqualTo(401);
    }

    @Test
    void anAnonymousOfficeRequestIsSentToTheSignInForm() {
        var r = get("/office/people/12");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/office/sign-in");
        assertThat(setCookie(r)).as("no session for an anonymous visitor").isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictLimitedToTheOfficeAndNotSecureOverPlainHttp() {
        var form = get("/office/sign-in");
        assertThat(form.statusCode()).isEqualTo(200);
        String cookie = setCookie(form).orElseThrow();
        assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/office")
                .doesNotContain("Secure");
    }

    @Test
    void theSessionIdlesOutAfterThirtyMinutes() {
        Browser b = signIn(Role.REGISTRY_READ);
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
                .param(sessionId(b.cookie())).query(Integer.class).single()).isEqualTo(30 * 60);
    }

    @Test
    void theThrottledAlertShowsTheWaitGivenInSecondsAsWholeMinutes() {
        var page = get("/office/sign-in?throttled=61", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Too many failed sign-ins. Try again in 2 minutes.");
    }

    @Test
    void aThrottledParameterThatIsNotANumberOfSecondsIsIgnored() {
        for (String value : List.of("Call+0800+123+456+to+unlock+your+account", "%3Cb%3Ebold%3C%2Fb%3E", "-5", "1e3",
                "12abc", "99999999999999999999", "")) {
            var page = get("/office/sign-in?throttled=" + value, "Accept-Language", "en");
            assertThat(page.statusCode()).as(value).isEqualTo(200);
            assertThat(page.body()).as(value).doesNotContain("Too many failed sign-ins").doesNotContain("0800")
                    .doesNotContain("bold").doesNotContain("abc");
        }
    }

    @Test
    void aWrongPasswordIsSentBackToTheFormWithAnErrorAndNoSignedInSession() {
        String login = "office-http-" + unique();
        accounts.create(login, null, "password-" + login, EnumSet.of(Role.REGISTRY_READ));
        var form = get("/office/sign-in");
        String cookie = sessionCookie(form);
        var r = post("/office/sign-in", form("username", login, "password", "wrong-password", "_csrf", csrf(form)),
                "Cookie", cookie);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(location(r)).isEqualTo("/office/sign-in?error");
        assertThat(get("/office", "Cookie", cookie).statusCode()).isEqualTo(302);
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefusedBackToTheFormAndSignsNobodyIn() {
        String login = "office-http-" + unique();
        accounts.create(login, null, "password-" + login, EnumSet.of(Role.REGISTRY_READ));
        var form = get("/office/sign-in");
        String cookie = sessionCookie(form);
        var r = post("/office/sign-in", form("username", login, "password", "password-" + login), "Cookie", cookie);
        // an anonymous visitor refused by the CSRF check is sent to the form, like any refused anonymous request
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(location(r)).isEqualTo("/office/sign-in");
        assertThat(get("/office", "Cookie", cookie).statusCode()).isEqualTo(302);
    }

    @Test
    void aSignOutWithoutTheCsrfTokenIsRefusedAndTheSessionLivesOn() {
        Browser b = signIn(Role.REGISTRY_READ);
        var r = post("/office/sign-out", "", "Cookie", b.cookie());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("Not allowed");
        var wrongToken = post("/office/sign-out", form("_csrf", "forged"), "Cookie", b.cookie());
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(get("/office", "Cookie", b.cookie()).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(sessionId(b.cookie())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void signingOutDeletesTheSessionOnTheServer() {
        Browser b = signIn(Role.REGISTRY_READ);
        var r = post("/office/sign-out", form("_csrf", b.csrf()), "Cookie", b.cookie());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(location(r)).isEqualTo("/office/sign-in?signed-out");
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(sessionId(b.cookie())).query(Integer.class).single()).isZero();
        var replayed = get("/office", "Cookie", b.cookie());
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location").orElseThrow()).endsWith("/office/sign-in");
    }

    @Test
    void aChangeOfTheUsersRolesEndsTheirOfficeSession() {
        Browser b = signIn(Role.REGISTRY_READ);
        UserAccount user = accounts.find(b.login()).orElseThrow();
        accounts.setRoles(b.login(), EnumSet.of(Role.REGISTRY_READ, Role.REGISTRAR), user.version());
        assertThat(get("/office", "Cookie", b.cookie()).statusCode()).isEqualTo(302);
    }

    @Test
    void aSectionNeedsItsRoleOnTheServer() {
        Browser reader = signIn(Role.REGISTRY_READ);
        for (String path : List.of("/office/review", "/office/review/next", "/office/issues/1", "/office/admin",
                "/office/admin/users")) {
            var r = get(path, "Cookie", reader.cookie());
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).contains("Not allowed");
        }
        var forged = post("/office/review/1/accept", form("_csrf", reader.csrf()), "Cookie", reader.cookie());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aUserWithoutAnyRoleCannotEnter() {
        String login = "office-http-" + unique();
        accounts.create(login, null, "password-" + login, EnumSet.noneOf(Role.class));
        var form = get("/office/sign-in");
        var signedIn = post("/office/sign-in", form("username", login, "password", "password-" + login, "_csrf",
                csrf(form)), "Cookie", sessionCookie(form));
        assertThat(get("/office", "Cookie", sessionCookie(signedIn)).statusCode()).isEqualTo(403);
    }

    @Test
    void theBrowsersLanguagePicksSpanish() {
        var r = get("/office/sign-in", "Accept-Language", "es-ES,es;q=0.9,en;q=0.5");
        assertThat(r.body()).contains("<html lang=\"es\"").contains(">Usuario<").contains(">Contraseña<");
        var english = get("/office/sign-in", "Accept-Language", "fr-FR,de;q=0.9");
        assertThat(english.body()).contains("<html lang=\"en\"").contains(">Username<").contains(">Sign in<");
    }

    @Test
    void theLanguageChosenWithLangIsKeptInACookieOfTheOffice() {
        var r = get("/office/sign-in?lang=es", "Accept-Language", "en");
        assertThat(r.body()).contains(">Usuario<");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("populus_lang="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Path=/office").contains("HttpOnly");
        var again = get("/office/sign-in", "Accept-Language", "en", "Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(again.body()).contains(">Usuario<");
    }

    @Test
    void theApisKeepTheirErrorTextsWhateverTheBrowsersLanguage() {
        var r = get("/admin/api/users", "Accept-Language", "es");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Log in first");
    }

    @Test
    void pagesForbidScriptsAndStylesFromOtherOrigins() {
        var r = get("/office/sign-in");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
    }

    @Test
    void htmxIsServedFromItsWebjarWithoutSigningIn() {
        var r = get("/webjars/htmx.org/dist/htmx.min.js");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("htmx");
        assertThat(get("/office/assets/office.css").statusCode()).isEqualTo(200);
    }

    @Test
    void springSessionsFilterServesTheOfficePathsOnly() {
        var registration = context.getServletContext().getFilterRegistration(OfficeWebConfiguration.FILTER_NAME);
        assertThat(registration).isNotNull();
        assertThat(registration.getUrlPatternMappings()).containsExactly("/office/*");
        var api = get("/api/v1/registry/individual/1", "Cookie", "populus_office=bm9uZQ==");
        assertThat(setCookie(api)).isEmpty();
    }
}
