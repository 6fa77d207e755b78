package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.populus.access.Role;
import org.populus.api.office.OfficeHttpTest.Browser;
import org.populus.person.Registrants;
import org.populus.procedure.Issues;
import org.populus.procedure.Procedures;
import org.populus.procedure.Reviews;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Base of the tests of the office's work pages over plain HTTP: a signed-in browser's GETs and form POSTs. */
abstract class OfficePagesHttpTest extends HttpTest {

    @Autowired
    Procedures procedures;

    @Autowired
    Registrants registrants;

    @Autowired
    Issues issues;

    @Autowired
    Reviews reviews;

    OfficeWork work;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void work() {
        work = new OfficeWork(procedures, registrants, issues);
    }

    HttpResponse<String> get(Browser b, String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), "Cookie", b.cookie());
    }

    HttpResponse<byte[]> getBytes(Browser b, String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", b.cookie()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form POST of this browser, with its CSRF token. */
    HttpResponse<String> post(Browser b, String path, String... pairs) {
        List<String> all = new ArrayList<>(List.of(pairs));
        all.addAll(List.of("_csrf", b.csrf()));
        return postWithout(b, path, all.toArray(String[]::new));
    }

    /** A form POST of this browser with exactly these fields (no CSRF token unless given). */
    HttpResponse<String> postWithout(Browser b, String path, String... pairs) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(
                OfficeHttpTest.form(pairs))), "Cookie", b.cookie(), "Content-Type",
                "application/x-www-form-urlencoded");
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
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new user with these roles, signed in through the form. */
    Browser signIn(Role... roles) {
        String login = "office-" + unique();
        accounts.create(login, null, "password-" + login, EnumSet.of(roles[0], roles));
        return signIn(login, "password-" + login);
    }

    Browser signIn(String login, String password) {
        var form = send(HttpRequest.newBuilder(uri("/office/sign-in")).GET());
        String anonymous = OfficeHttpTest.sessionCookie(form);
        var signedIn = send(HttpRequest.newBuilder(uri("/office/sign-in")).POST(HttpRequest.BodyPublishers.ofString(
                OfficeHttpTest.form("username", login, "password", password, "_csrf", OfficeHttpTest.csrf(form)))),
                "Cookie", anonymous, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String cookie = OfficeHttpTest.sessionCookie(signedIn);
        var dashboard = send(HttpRequest.newBuilder(uri("/office")).GET(), "Cookie", cookie);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        return new Browser(cookie, OfficeHttpTest.csrf(dashboard), login);
    }

    static String location(HttpResponse<?> response) {
        return OfficeHttpTest.location(response);
    }
}
