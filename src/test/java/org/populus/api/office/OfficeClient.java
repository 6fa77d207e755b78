package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.populus.access.Role;
import org.populus.access.UserAccounts;
import org.populus.support.HttpTest;

/** A browser's requests to the back office over plain HTTP: sign in with roles, then GET pages with the cookie. */
final class OfficeClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final UserAccounts accounts;

    OfficeClient(int port, UserAccounts accounts) {
        this.port = port;
        this.accounts = accounts;
    }

    /** The cookie header of a new user with these roles, signed in through the form. */
    String signIn(Role... roles) {
        String login = "office-people-" + HttpTest.unique();
        accounts.create(login, null, "password-" + login, roles.length == 0 ? EnumSet.noneOf(Role.class)
                : EnumSet.of(roles[0], roles));
        var form = get("/office/sign-in", null);
        String anonymous = cookie(form);
        Matcher csrf = CSRF_FIELD.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        var signedIn = send(HttpRequest.newBuilder(uri("/office/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", anonymous)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(login) + "&password="
                        + encode("password-" + login) + "&_csrf=" + encode(csrf.group(1)))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return cookie(signedIn);
    }

    /** GET a path, signed in with this cookie (null: anonymous), in English. */
    HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept-Language", "en")
                .header("Accept", "text/html");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.GET());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("populus_office="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
