package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.basic;
import static org.populus.support.Api.obj;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.populus.PopulusApplication;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Wrong passwords for {@code admin} from many addresses, on an instance of its own with the default limits behind a
 * reverse proxy on this host (the client's address comes from {@code X-Forwarded-For}): they slow the attackers
 * down, yet the real administrator still gets in from an address that has not failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedLoginAttackTest extends HttpTest {

    private static final int ADDRESSES = 40;
    private static final int GUESSES_PER_ADDRESS = 3;

    @Autowired
    DataSource dataSource;

    private ConfigurableApplicationContext proxied;
    private Api t;

    @BeforeAll
    void startInstance() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        proxied = new SpringApplicationBuilder(PopulusApplication.class).run(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--server.port=0", "--populus.data-dir=target/test-data/attacked-" + unique(),
                "--populus.security.bcrypt-strength=4", "--populus.procedures.enabled=false",
                "--populus.proxy.mode=x-forwarded", "--populus.proxy.trusted=127.0.0.1, ::1",
                "--populus.census.require-api-key=true",
                "--spring.main.banner-mode=off");
        t = new Api("http://127.0.0.1:" + proxied.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopInstance() {
        if (proxied != null) {
            proxied.close();
        }
    }

    /** A network of 254 addresses no other test uses, as {@code 10.x.y.}. */
    private static String network() {
        return "10." + ThreadLocalRandom.current().nextInt(0, 256) + "." + ThreadLocalRandom.current().nextInt(0, 256)
                + ".";
    }

    private Response login(String login, String password, String from) {
        return t.post("/session/auth/login", obj("login", login, "password", password), "X-Forwarded-For", from);
    }

    /** Wrong passwords for the login from many addresses; the number of them that were checked (answered 401). */
    private int attack(String login, String network) {
        int checked = 0;
        for (int a = 1; a <= ADDRESSES; a++) {
            for (int i = 0; i < GUESSES_PER_ADDRESS; i++) {
                int status = login(login, "guess-" + a + "-" + i, network + a).status();
                assertThat(status).isIn(401, 429);
                checked += status == 401 ? 1 : 0;
            }
        }
        return checked;
    }

    @Test
    void aDistributedAttackOnAdminDoesNotKeepTheRealAdminOut() {
        attack("admin", network());
        String clean = network() + 1;

        Response session = login("admin", ADMIN_PASSWORD, clean);
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        assertThat(t.get("/admin/api/users", "Authorization", basic("admin", ADMIN_PASSWORD)[1], "X-Forwarded-For", clean).status())
                .isEqualTo(200);
    }

    @Test
    void anAddressThatFailedAgainstAnAttackedLoginWaitsEvenWithTheRightPassword() {
        String login = "attacked-" + unique();
        accounts.create(login, null, "password-" + login, java.util.EnumSet.of(Role.REGISTRY_READ));
        String network = network();
        int checked = attack(login, network);
        assertThat(checked).as("each address gets one guess once the login is under attack")
                .isLessThan(ADDRESSES * GUESSES_PER_ADDRESS);

        Response refused = login(login, "password-" + login, network + ADDRESSES);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(login(login, "password-" + login, network() + 7).status()).as("from a clean address")
                .isEqualTo(200);
    }
}
