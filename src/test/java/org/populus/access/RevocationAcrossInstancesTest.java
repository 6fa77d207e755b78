package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.basic;
import static org.populus.support.Api.obj;
import static org.populus.support.Api.session;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.populus.PopulusApplication;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one database (this test's context is instance A, a second full application on its
 * database is instance B). Whatever A does to a user or a session takes effect on B by the time A has answered:
 * B's caches of checked passwords and sessions are told through PostgreSQL, and a session only works while its
 * user is unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationAcrossInstancesTest extends HttpTest {

    /** A path every registry reader may GET successfully. */
    private String probe;

    @Autowired
    DataSource dataSource;

    @Autowired
    Sessions sessionsOfA;

    private ConfigurableApplicationContext second;
    private Api b;

    @BeforeAll
    void startSecondInstance() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        second = new SpringApplicationBuilder(PopulusApplication.class).run(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--server.port=0", "--populus.data-dir=target/test-data/second-" + unique(),
                "--populus.security.bcrypt-strength=4", "--populus.procedures.enabled=false",
                "--populus.security.login.max-failures-per-login=1000000",
                "--populus.security.login.max-failures-per-address=1000000",
                "--spring.main.banner-mode=off");
        b = new Api("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port"));
        long id = b.post("/api/v1/registry/individual/", obj("given_name", "Probe", "family_name", "P" + unique()),
                admin()).json().get("id").asLong();
        probe = "/api/v1/registry/individual/" + id;
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    private String[] admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    private String newReader(String login) {
        String password = "password-" + login;
        accounts.create(login, null, password, EnumSet.of(Role.REGISTRY_READ));
        return password;
    }

    private int version(String login) {
        return accounts.find(login).orElseThrow().version();
    }

    @Test
    void aDisabledUserIsRefusedOnAnotherInstanceAtOnce() {
        String login = "revoked-" + unique();
        String password = newReader(login);
        String sid = b.login(login, password);
        assertThat(b.get(probe, basic(login, password)).status()).isEqualTo(200);
        assertThat(b.get(probe, session(sid)).status()).isEqualTo(200);

        assertThat(api.post("/admin/api/users/" + login + "/disable", obj("version", version(login)), admin())
                .status()).isEqualTo(200);

        assertThat(b.get(probe, basic(login, password)).status()).isEqualTo(401);
        assertThat(b.get(probe, session(sid)).status()).isEqualTo(401);
    }

    @Test
    void aRemovedRoleStopsWorkingOnAnotherInstanceAtOnce() {
        String login = "demoted-" + unique();
        String password = newReader(login);
        String sid = b.login(login, password);
        assertThat(b.get(probe, basic(login, password)).status()).isEqualTo(200);
        assertThat(b.get(probe, session(sid)).status()).isEqualTo(200);

        assertThat(api.put("/admin/api/users/" + login + "/roles", obj("roles", List.of(), "version", version(login)),
                admin()).status()).isEqualTo(200);

        assertThat(b.get(probe, basic(login, password)).status()).isEqualTo(403);
        assertThat(b.get(probe, session(sid)).status()).isEqualTo(401);
    }

    @Test
    void aResetPasswordStopsTheOldOneOnAnotherInstanceAtOnce() {
        String login = "reset-" + unique();
        String password = newReader(login);
        String sid = b.login(login, password);
        assertThat(b.get(probe, basic(login, password)).status()).isEqualTo(200);
        assertThat(b.get(probe, session(sid)).status()).isEqualTo(200);

        assertThat(api.post("/admin/api/users/" + login + "/password",
                obj("password", "another-password-1", "version", version(login)), admin()).status()).isEqualTo(200);

        assertThat(b.get(probe, basic(login, password)).status()).isEqualTo(401);
        assertThat(b.get(probe, session(sid)).status()).isEqualTo(401);
        assertThat(b.get(probe, basic(login, "another-password-1")).status()).isEqualTo(200);
    }

    @Test
    void aLogoutOnOneInstanceIsRefusedOnTheOtherByTheTimeItIsAnswered() {
        String login = "logout-" + unique();
        String password = newReader(login);
        List<Integer> late = new ArrayList<>();
        for (int trial = 0; trial < 100; trial++) {
            String sid = api.login(login, password);
            assertThat(b.get(probe, session(sid)).status()).isEqualTo(200); // now in B's cache
            assertThat(api.post("/session/auth/logout", null, session(sid)).status()).isEqualTo(200);
            if (b.get(probe, session(sid)).status() != 401) {
                late.add(trial);
            }
        }
        assertThat(late).as("trials where B still accepted the ended session").isEmpty();
    }

    @Test
    void aSessionOpenedWithTheAccountReadBeforeADisableDoesNotWork() {
        String login = "racing-" + unique();
        String password = newReader(login);
        // the login's password check has read the account...
        UserAccount checked = accounts.authenticate(login, password).orElseThrow();
        // ...an administrator disables the user and their sessions end...
        accounts.setDisabled(login, true, checked.version());
        // ...and only then the login saves its session, with what it read
        String sid = sessionsOfA.open(checked).sid();

        assertThat(api.get(probe, session(sid)).status()).isEqualTo(401);
        assertThat(b.get(probe, session(sid)).status()).isEqualTo(401);
    }

    @Test
    void aSessionOpenedWithTheRolesReadBeforeARoleChangeDoesNotWork() {
        String login = "racing-roles-" + unique();
        String password = newReader(login);
        UserAccount checked = accounts.authenticate(login, password).orElseThrow();
        accounts.setRoles(login, EnumSet.noneOf(Role.class), checked.version());
        String sid = sessionsOfA.open(checked).sid();

        assertThat(api.get(probe, session(sid)).status()).isEqualTo(401);
        assertThat(b.get(probe, session(sid)).status()).isEqualTo(401);
    }
}
