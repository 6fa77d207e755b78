package org.populus.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.populus.access.Role;
import org.populus.access.UserAccounts;
import org.populus.search.DuplicateCandidates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full HTTP tests: the whole application on a random port, on a real PostgreSQL — the embedded one
 * in a fresh data directory, or the server named by {@code SPRING_DATASOURCE_URL}. Every test class shares one
 * application context; tests make their own uniquely named data, so they also run against a database that
 * already holds data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpTest {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Where the test context's SMS go: one JSON line {@code {"to","body"}} each (the {@code file} sender). */
    public static final Path SMS_FILE = Path.of("target/test-data/run-" + RUN + "/sms.jsonl");

    /**
     * The test RabbitMQ (127.0.0.1:5672) as the shared application reaches it: through a proxy a test can shut to
     * play a broker that is down, then open again.
     */
    public static final TcpProxy BROKER = new TcpProxy(BrokerQueue.PORT);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // the tests read the dashboard right after their changes; OfficeDashboardHttpTest checks the cache itself
        registry.add("populus.office.dashboard-cache", () -> "0s");
        registry.add("populus.data-dir", () -> "target/test-data/run-" + RUN);
        registry.add("populus.admin.password", () -> ADMIN_PASSWORD);
        registry.add("populus.http.max-body-size", () -> "64KB");
        registry.add("populus.http.max-upload-size", () -> "256KB");
        registry.add("populus.security.bcrypt-strength", () -> "4");
        // the suite logs in (and fails to, on purpose) far more often than a person: LoginThrottleTest checks the
        // limits on an instance of its own
        registry.add("populus.security.login.max-failures-per-login", () -> "1000000");
        registry.add("populus.security.login.max-failures-per-address", () -> "1000000");
        // the suite's Census tests call from loopback without a key as the operator's trusted caller of every origin
        // (they read people made by other tests and directly); the default isolates keyless callers as origin
        // "local", and the isolation tests use API keys (CensusClientIsolationHttpTest) or a context of their own
        registry.add("populus.census.network-origin", () -> "*");
        registry.add("populus.sms.sender", () -> "file");
        registry.add("populus.sms.file", SMS_FILE::toString);
        registry.add("populus.events.rabbitmq-uri", () -> "amqp://guest:guest@127.0.0.1:" + BROKER.port() + "/%2f");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected UserAccounts accounts;

    @Autowired
    private DuplicateCandidates matching;

    protected Api api;

    @BeforeEach
    void api() {
        api = new Api("http://127.0.0.1:" + port);
        // as a load balancer waits for readiness: a new context builds its search index from the whole test
        // database, and until then registrations wait for duplicate matching (their procedures are retried later)
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(matching::ready);
    }

    /** A session id of the bootstrap administrator (roles admin, registry-read, registry-write). */
    protected String adminSession() {
        return api.login("admin", ADMIN_PASSWORD);
    }

    /** Creates a user with these roles and returns a session id for it. */
    protected String sessionWith(Role... roles) {
        String login = "user-" + unique();
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        accounts.create(login, null, "password-" + login, set);
        return api.login(login, "password-" + login);
    }

    /** A short string unique to this call, for names and ID values. */
    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
