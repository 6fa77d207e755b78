package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.populus.access.ApiKey;
import org.populus.access.ApiKeys;
import org.populus.access.Role;
import org.populus.access.UserAccount;
import org.populus.api.office.OfficeHttpTest.Browser;
import org.populus.catalog.Catalog;
import org.populus.catalog.Gender;
import org.populus.catalog.GroupKind;
import org.populus.catalog.IdType;
import org.populus.scope.Scopes;
import org.springframework.beans.factory.annotation.Autowired;

/** The administration over HTTP: users, API keys, catalogues, the scope file, the configuration, and the role. */
class OfficeAdminHttpTest extends OfficePagesHttpTest {

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Catalog catalog;

    @Autowired
    Scopes scopes;

    UserAccount user(String login) {
        return accounts.find(login).orElseThrow();
    }

    @Test
    void anAdministratorCreatesAUserWithRoles() {
        Browser admin = signIn(Role.ADMIN);
        String login = "new-" + unique();
        var created = post(admin, "/office/admin/users", "login", login, "display_name", "Nora New", "password",
                "a-long-password", "roles", "registrar", "roles", "data");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(location(created)).isEqualTo("/office/admin/users?created=" + login);
        assertThat(user(login).roles()).containsExactlyInAnyOrder(Role.REGISTRAR, Role.DATA);
        assertThat(user(login).displayName()).isEqualTo("Nora New");
        assertThat(get(admin, "/office/admin/users?created=" + login).body()).contains("User " + login + " created.")
                .contains(">" + login + "<");
        signIn(login, "a-long-password");
    }

    @Test
    void aUserFormThatDoesNotFitIsRefusedWithAMessage() {
        Browser admin = signIn(Role.ADMIN);
        var shortPassword = post(admin, "/office/admin/users", "login", "x-" + unique(), "password", "short");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("a password at least 8 characters");
        var duplicate = post(admin, "/office/admin/users", "login", admin.login(), "password", "a-long-password");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("A user with that login already exists.");
        String login = "r-" + unique();
        var role = post(admin, "/office/admin/users", "login", login, "password", "a-long-password", "roles",
                "emperor");
        assertThat(role.statusCode()).isEqualTo(400);
        assertThat(accounts.find(login)).isEmpty();
    }

    @Test
    void aControlCharacterInADisplayNameIsRefusedAsInTheAdminApi() {
        Browser admin = signIn(Role.ADMIN);
        String login = "c-" + unique();
        var refused = post(admin, "/office/admin/users", "login", login, "display_name", "Nora\u0001New",
                "password", "a-long-password");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("A display name is one line of text, without control characters.");
        assertThat(accounts.find(login)).isEmpty();
    }

    @Test
    void disablingAUserEndsTheirOfficeSessionAndEnablingLetsThemBackIn() {
        Browser admin = signIn(Role.ADMIN);
        Browser registrar = signIn(Role.REGISTRAR);
        UserAccount before = user(registrar.login());
        var disabled = post(admin, "/office/admin/users/" + registrar.login() + "/disable", "version",
                String.valueOf(before.version()));
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(user(registrar.login()).disabled()).isTrue();
        var after = get(registrar, "/office");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(location(after)).startsWith("/office/sign-in");
        assertThat(post(admin, "/office/admin/users/" + registrar.login() + "/enable", "version",
                String.valueOf(user(registrar.login()).version())).statusCode()).isEqualTo(302);
        signIn(registrar.login(), "password-" + registrar.login());
    }

    @Test
    void anAdministratorReplacesAUsersRolesAndTheirSessionsEnd() {
        Browser admin = signIn(Role.ADMIN);
        Browser registrar = signIn(Role.REGISTRAR);
        assertThat(get(admin, "/office/admin/users").body()).contains("Change the roles of " + registrar.login());
        var set = post(admin, "/office/admin/users/" + registrar.login() + "/roles", "version",
                String.valueOf(user(registrar.login()).version()), "roles", "registry-read", "roles", "data");
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(location(set)).isEqualTo("/office/admin/users?roles=" + registrar.login());
        assertThat(user(registrar.login()).roles()).containsExactlyInAnyOrder(Role.REGISTRY_READ, Role.DATA);
        assertThat(location(get(registrar, "/office"))).startsWith("/office/sign-in");
    }

    @Test
    void rolesWithAnUnknownOneAreRefusedAndChangeNothing() {
        Browser admin = signIn(Role.ADMIN);
        Browser registrar = signIn(Role.REGISTRAR);
        var refused = post(admin, "/office/admin/users/" + registrar.login() + "/roles", "version",
                String.valueOf(user(registrar.login()).version()), "roles", "data", "roles", "emperor");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Unknown role.");
        assertThat(user(registrar.login()).roles()).containsExactly(Role.REGISTRAR);
    }

    @Test
    void aChangeWithAStaleVersionIsRefusedAndChangesNothing() {
        Browser admin = signIn(Role.ADMIN);
        Browser other = signIn(Role.REGISTRAR);
        int version = user(other.login()).version();
        post(admin, "/office/admin/users/" + other.login() + "/password", "version", String.valueOf(version),
                "password", "first-new-password");
        var stale = post(admin, "/office/admin/users/" + other.login() + "/disable", "version",
                String.valueOf(version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("The user changed meanwhile");
        assertThat(user(other.login()).disabled()).isFalse();
        assertThat(post(admin, "/office/admin/users/nobody-" + unique() + "/disable", "version", "0").statusCode())
                .isEqualTo(404);
    }

    @Test
    void resettingAPasswordLetsTheUserSignInWithTheNewOneOnly() {
        Browser admin = signIn(Role.ADMIN);
        Browser other = signIn(Role.REGISTRAR);
        var reset = post(admin, "/office/admin/users/" + other.login() + "/password", "version",
                String.valueOf(user(other.login()).version()), "password", "brand-new-password");
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(accounts.authenticate(other.login(), "brand-new-password")).isPresent();
        assertThat(accounts.authenticate(other.login(), "password-" + other.login())).isEmpty();
        assertThat(location(get(other, "/office"))).startsWith("/office/sign-in");
    }

    @Test
    void anApiKeysSecretIsShownOnceOnCreationAndTheKeyCanBeRevoked() {
        Browser admin = signIn(Role.ADMIN);
        String name = "app-" + unique();
        var created = post(admin, "/office/admin/api-keys", "name", name);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher secret = Pattern.compile("id=\"secret\">(populus_[^<]+)<").matcher(created.body());
        assertThat(secret.find()).isTrue();
        assertThat(apiKeys.authenticate(secret.group(1))).map(ApiKey::name).hasValue(name);
        String list = get(admin, "/office/admin/api-keys").body();
        assertThat(list).contains(name).doesNotContain(secret.group(1));

        ApiKey key = apiKeys.list().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
        var revoked = post(admin, "/office/admin/api-keys/" + key.id() + "/revoke");
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(apiKeys.find(key.id()).orElseThrow().active()).isFalse();
        assertThat(post(admin, "/office/admin/api-keys", "name", "").statusCode()).isEqualTo(400);
        assertThat(post(admin, "/office/admin/api-keys/" + Long.MAX_VALUE + "/revoke").statusCode()).isEqualTo(404);
    }

    @Test
    void aGenderIsAddedAndChangedAndADuplicateIsRefused() {
        Browser admin = signIn(Role.ADMIN);
        String code = "g" + unique();
        assertThat(post(admin, "/office/admin/catalogues/genders", "code", code, "value", "Label " + code, "active",
                "true").statusCode()).isEqualTo(302);
        Gender gender = catalog.genders().stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
        assertThat(get(admin, "/office/admin/catalogues").body()).contains("Label " + code);
        assertThat(post(admin, "/office/admin/catalogues/genders", "id", String.valueOf(gender.id()), "version",
                String.valueOf(gender.version()), "code", code, "value", "Changed " + code).statusCode())
                .isEqualTo(302);
        Gender changed = catalog.genders().stream().filter(g -> g.id() == gender.id()).findFirst().orElseThrow();
        assertThat(changed.value()).isEqualTo("Changed " + code);
        assertThat(changed.active()).isFalse();
        var duplicate = post(admin, "/office/admin/catalogues/genders", "code", code, "value", "Again");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("An entry with that name already exists.");
        var stale = post(admin, "/office/admin/catalogues/genders", "id", String.valueOf(gender.id()), "version",
                String.valueOf(gender.version()), "code", code, "value", "Stale");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(post(admin, "/office/admin/catalogues/id-types", "name", "t" + unique(), "regex", "[")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aControlCharacterInACatalogueNameIsRefusedAsInTheAdminApi() {
        Browser admin = signIn(Role.ADMIN);
        String name = "k" + unique();
        assertThat(post(admin, "/office/admin/catalogues/group-kinds", "name", name + "\u0001").statusCode())
                .isEqualTo(400);
        assertThat(post(admin, "/office/admin/catalogues/genders", "code", "g" + unique(), "value", "A\nB")
                .statusCode()).isEqualTo(400);
        assertThat(catalog.groupKinds().stream().noneMatch(k -> k.name().startsWith(name))).isTrue();
    }

    @Test
    void aCatalogueEntryIsDeletedOnceTheAdministratorConfirms() {
        Browser admin = signIn(Role.ADMIN);
        GroupKind kind = catalog.createGroupKind("k" + unique());
        var unconfirmed = post(admin, "/office/admin/catalogues/group-kinds/" + kind.id() + "/delete");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("Tick the box to confirm the deletion.");
        assertThat(catalog.groupKind(kind.id())).isPresent();

        var deleted = post(admin, "/office/admin/catalogues/group-kinds/" + kind.id() + "/delete", "confirm", "true");
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(location(deleted)).isEqualTo("/office/admin/catalogues?deleted");
        assertThat(catalog.groupKind(kind.id())).isEmpty();
        assertThat(get(admin, "/office/admin/catalogues?deleted").body()).contains("Deleted.")
                .doesNotContain(">" + kind.name() + "<");
    }

    @Test
    void aCatalogueEntryInUseIsNotDeletedAndTheRefusalSaysWhy() {
        Browser admin = signIn(Role.ADMIN);
        IdType type = catalog.createIdType("t" + unique(), "", false);
        new OfficePeopleData(api, adminSession()).individual("name", "In Use", "given_name", "In", "family_name",
                "Use", "ids", List.of(obj("id_type", type.name(), "value", "V" + unique())));
        var inUse = post(admin, "/office/admin/catalogues/id-types/" + type.id() + "/delete", "confirm", "true");
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(inUse.body()).contains("The entry is in use: people, documents, groups, members or programme "
                + "memberships refer to it, so it cannot be deleted (nor can a gender&#39;s code change).");
        assertThat(catalog.idType(type.id())).contains(type);
    }

    @Test
    void deletingAMissingOrUnknownCatalogueEntryAnswersNotFound() {
        Browser admin = signIn(Role.ADMIN);
        assertThat(post(admin, "/office/admin/catalogues/programmes/" + Long.MAX_VALUE + "/delete", "confirm",
                "true").statusCode()).isEqualTo(404);
        assertThat(post(admin, "/office/admin/catalogues/colours/1/delete", "confirm", "true").statusCode())
                .isEqualTo(404);
        assertThat(post(admin, "/office/admin/catalogues/genders/x/delete", "confirm", "true").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aScopeFileIsLoadedAndABadLineIsReportedChangingNothing() {
        Browser admin = signIn(Role.ADMIN);
        String p = "Z" + unique().substring(0, 9).toUpperCase(Locale.ROOT);
        String header = "UID\tType\tname_es\tname_en\tmapping:INE-PROV\n";
        var loaded = upload(admin, "spain.tsv", header + p + "\tcountry\tPaís " + p + "\tCountry " + p + "\t\n"
                + p + "-R1\tregion\tRegión uno\tRegion one\t\n");
        assertThat(loaded.statusCode()).isEqualTo(200);
        assertThat(loaded.body()).contains("Loaded spain.tsv: 2 scopes (2 created, 0 updated, 0 unchanged).");
        assertThat(scopes.find(p + "-R1")).isPresent();

        String q = "Y" + unique().substring(0, 9).toUpperCase(Locale.ROOT);
        var bad = upload(admin, "bad.tsv", header + q + "\tcountry\tPaís\tCountry\t\n" + q + "-R1\tregion\tR\tR\t\tx\textra\n");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("The file was not loaded").contains("<td>3</td>").contains("line 3");
        assertThat(scopes.find(q)).isEmpty();

        assertThat(upload(admin, "empty.tsv", "").statusCode()).isEqualTo(400);
    }

    HttpResponse<String> upload(Browser b, String filename, String content) {
        String boundary = "office-" + unique();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + b.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/office/admin/scopes"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "Cookie", b.cookie(),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    @Test
    void theConfigurationIsShownWithSecretsMasked() {
        Browser admin = signIn(Role.ADMIN);
        var page = get(admin, "/office/admin/configuration");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("populus.data-dir").contains("populus.http.max-body-size")
                .contains("populus.admin.password").contains(OfficeAdminController.MASK)
                .doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void credentialsInsideValuesAreMasked() {
        assertThat(OfficeAdminController.masked("spring.rabbitmq.addresses", "amqp://bob:s3cret@mq:5672/vh"))
                .isEqualTo("amqp://******@mq:5672/vh");
        assertThat(OfficeAdminController.masked("spring.datasource.url",
                "jdbc:postgresql://db/populus?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/populus?user=app&password=******&ssl=true");
        assertThat(OfficeAdminController.masked("POPULUS_FILES_KEY", "abc")).isEqualTo("******");
        assertThat(OfficeAdminController.masked("populus.sms.gateway.token", "abc")).isEqualTo("******");
        assertThat(OfficeAdminController.masked("populus.data-dir", "data")).isEqualTo("data");
    }

    @Test
    void onlyAnAdministratorMayAdminister() {
        GroupKind kind = catalog.createGroupKind("k" + unique());
        for (Role role : new Role[] {Role.REGISTRY_READ, Role.REGISTRY_WRITE, Role.REGISTRAR, Role.DATA}) {
            Browser b = signIn(role);
            for (String path : new String[] {"/office/admin", "/office/admin/users", "/office/admin/api-keys",
                "/office/admin/catalogues", "/office/admin/scopes", "/office/admin/configuration"}) {
                assertThat(get(b, path).statusCode()).as(role.code() + " " + path).isEqualTo(403);
            }
            String login = "forged-" + unique();
            assertThat(post(b, "/office/admin/users", "login", login, "password", "a-long-password", "roles",
                    "admin").statusCode()).isEqualTo(403);
            assertThat(accounts.find(login)).isEmpty();
            assertThat(post(b, "/office/admin/users/" + b.login() + "/disable", "version",
                    String.valueOf(user(b.login()).version())).statusCode()).isEqualTo(403);
            assertThat(user(b.login()).disabled()).isFalse();
            assertThat(post(b, "/office/admin/users/" + b.login() + "/roles", "version",
                    String.valueOf(user(b.login()).version()), "roles", "admin").statusCode()).isEqualTo(403);
            assertThat(user(b.login()).roles()).containsExactly(role);
            String name = "forged-" + unique();
            assertThat(post(b, "/office/admin/api-keys", "name", name).statusCode()).isEqualTo(403);
            assertThat(apiKeys.list()).noneMatch(k -> k.name().equals(name));
            assertThat(post(b, "/office/admin/catalogues/group-kinds/" + kind.id() + "/delete", "confirm", "true")
                    .statusCode()).isEqualTo(403);
            assertThat(catalog.groupKind(kind.id())).isPresent();
        }
    }

    @Test
    void anAdministrationChangeWithoutTheCsrfTokenIsRefused() {
        Browser admin = signIn(Role.ADMIN);
        String login = "nocsrf-" + unique();
        assertThat(postWithout(admin, "/office/admin/users", "login", login, "password", "a-long-password")
                .statusCode()).isEqualTo(403);
        assertThat(accounts.find(login)).isEmpty();
    }
}
