package org.populus.bench.minimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * The smallest Java server that does the work of Populus's {@code GET /api/v1/registry/individual/{id}}, as the
 * yardstick the benchmark compares Populus with (it is never part of the product): the JDK's
 * {@code com.sun.net.httpserver} with one virtual thread per request, HikariCP + pgjdbc, Jackson 3 — the versions
 * the product uses. Per request it does what Populus does: check the session id header (here in memory; Populus
 * keeps resolved sessions in memory too, re-checking them in the database every 30 s), run the same SQL
 * statement (the registrant with its identifiers, phones and programme memberships aggregated as three JSON
 * texts), parse those three texts, map to the OpenG2P individual document (ID type names and gender labels from a
 * catalogue read at start, age from the birth date) and write the same JSON bytes. Nothing else: no filters, no
 * framework dispatch, no observation.
 *
 * <pre>
 * MINIMAL_DB_PASSWORD=… MINIMAL_SESSION=&lt;token&gt;[,&lt;token&gt;…] \
 *   java -cp populus-bench.jar org.populus.bench.minimal.MinimalServer \
 *     --port 18081 --db-url jdbc:postgresql://127.0.0.1:15432/populus --db-user populus [--pool-size 24]
 * </pre>
 *
 * <p>A missing or unknown {@code X-Openerp-Session-Id} is 401, an unknown or discarded individual (or a group) 400
 * {@code G2P-REQ-010}, a non-numeric id 400, each with Populus's body. It prints {@code READY port=N} on standard
 * output once it listens.
 */
public final class MinimalServer {

    static final String PATH = "/api/v1/registry/individual/";
    static final String SESSION_HEADER = "X-Openerp-Session-Id";

    /**
     * What Populus runs for this GET ({@code Registrants.find} → {@code History.latestSnapshot}): the registrant's
     * newest version in history, word for word.
     */
    static final String SELECT = """
            select snapshot::text from record_version where subject_type = ? and subject_id = ?
            order by version desc limit 1""";

    // ---- the registrant as history stores it (the fields this GET needs) ------------------------------------

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Snapshot(long id, String kind, Data data, List<Identifier> identifiers, List<Phone> phones,
            List<ProgrammeEnrolment> programmes, Instant discardedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String name, String givenName, String familyName, String additionalName, String gender,
            LocalDate birthdate, String birthPlace, String email, String address, LocalDate registrationDate,
            String notificationPreference, String additionalInfo) {
    }

    record Identifier(Long id, long idTypeId, String value, LocalDate expiryDate, boolean primaryDocument) {
    }

    record Phone(Long id, String number, String e164, LocalDate collected, LocalDate disabled) {
    }

    record ProgrammeEnrolment(Long id, long programmeId, String state, LocalDate enrollmentDate, LocalDate exitDate) {
    }

    // ---- the OpenG2P individual document, fields in Populus's order -----------------------------------------

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RegIdOut(long id, String idTypeAsStr, String value, LocalDate expiryDate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PhoneOut(long id, String phoneNo, String phoneSanitized, LocalDate dateCollected, LocalDate disabled) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ProgramMembershipOut(long programId, String state, LocalDate enrollmentDate, LocalDate exitDate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record IndividualOut(long id, String name, List<RegIdOut> regIds, boolean isGroup, LocalDate registrationDate,
            List<PhoneOut> phoneNumberIds, String email, String address, String additionalG2pInfo,
            List<ProgramMembershipOut> programMembershipIds, String notificationPreference, String givenName,
            String addlName, String familyName, String gender, LocalDate birthdate, String age,
            String birthPlace) {
    }

    record ErrorEnvelope(String errorCode, String errorMessage, String errorDescription) {
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectReader SNAPSHOT = JSON.readerFor(Snapshot.class);
    private static final ObjectWriter INDIVIDUAL = JSON.writerFor(IndividualOut.class);
    private static final byte[] UNAUTHORIZED = JSON.writeValueAsBytes(new ErrorEnvelope("401", "Session expired or "
            + "missing. Log in at /session/auth/login and send the session id as header X-Openerp-Session-Id.", ""));
    private static final byte[] NOT_PRESENT = JSON.writeValueAsBytes(new ErrorEnvelope("G2P-REQ-010",
            "ID/Name not present.", "Record is not present in the database."));

    private final HikariDataSource db;
    /** Session ids accepted, filled at start; looked up on every request. */
    private final Map<String, Boolean> sessions = new ConcurrentHashMap<>();
    private volatile Map<Long, String> idTypeNames = Map.of();
    private volatile Map<String, String> genderLabels = Map.of();

    MinimalServer(HikariDataSource db, List<String> sessionIds) throws SQLException {
        this.db = db;
        sessionIds.forEach(s -> sessions.put(s, Boolean.TRUE));
        loadCatalogue();
    }

    /** ID type names and gender labels, once (and again when an unknown ID type shows up). */
    private synchronized void loadCatalogue() throws SQLException {
        Map<Long, String> types = new HashMap<>();
        Map<String, String> genders = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id, name from id_type")) {
                while (rs.next()) {
                    types.put(rs.getLong(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("select code, value from gender")) {
                while (rs.next()) {
                    genders.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                }
            }
        }
        idTypeNames = Map.copyOf(types);
        genderLabels = Map.copyOf(genders);
    }

    private String idTypeName(long id) {
        String name = idTypeNames.get(id);
        if (name == null && !idTypeNames.containsKey(id)) {
            try {
                loadCatalogue();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            name = idTypeNames.get(id);
        }
        return name;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String sid = exchange.getRequestHeaders().getFirst(SESSION_HEADER);
            if (sid == null || sessions.get(sid) == null) {
                send(exchange, 401, UNAUTHORIZED);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, new byte[0]);
                return;
            }
            String rest = exchange.getRequestURI().getRawPath().substring(PATH.length());
            long id;
            try {
                id = Long.parseLong(rest);
            } catch (NumberFormatException e) {
                send(exchange, 400, JSON.writeValueAsBytes(new ErrorEnvelope("G2P-REQ-012", "Required field.",
                        "Parameter 'id' must be an integer.")));
                return;
            }
            byte[] body;
            try {
                body = individual(id);
            } catch (SQLException | RuntimeException e) {
                send(exchange, 500, JSON.writeValueAsBytes(new ErrorEnvelope("500", "Internal Server Error", "")));
                return;
            }
            if (body == null) {
                send(exchange, 400, NOT_PRESENT);
            } else {
                send(exchange, 200, body);
            }
        }
    }

    /** The individual's JSON, or null when there is no such individual (or it is a group, or discarded). */
    byte[] individual(long id) throws SQLException {
        String snapshot;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, "registrant");
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                snapshot = rs.getString(1);
            }
        }
        Snapshot r = SNAPSHOT.readValue(snapshot);
        if (!"INDIVIDUAL".equalsIgnoreCase(r.kind()) || r.discardedAt() != null) {
            return null;
        }
        Data d = r.data();
        LocalDate birthdate = d.birthdate();
        String gender = d.gender();
        IndividualOut out = new IndividualOut(r.id(), d.name(),
                r.identifiers().stream().map(i -> new RegIdOut(i.id(), idTypeName(i.idTypeId()), i.value(),
                        i.expiryDate())).toList(),
                false, d.registrationDate(),
                r.phones().stream().map(p -> new PhoneOut(p.id(), p.number(), p.e164(), p.collected(),
                        p.disabled())).toList(),
                d.email(), d.address(), d.additionalInfo(),
                r.programmes().stream().map(m -> new ProgramMembershipOut(m.programmeId(), m.state(),
                        m.enrollmentDate(), m.exitDate())).toList(),
                d.notificationPreference(), d.givenName(), d.additionalName(), d.familyName(),
                gender == null ? null : genderLabels.getOrDefault(gender.toLowerCase(Locale.ROOT), gender),
                birthdate,
                birthdate == null ? null : String.valueOf(Period.between(birthdate, LocalDate.now()).getYears()),
                d.birthPlace());
        return INDIVIDUAL.writeValueAsBytes(out);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Map<String, String> o = new HashMap<>(Map.of("port", "18081", "db-url",
                "jdbc:postgresql://127.0.0.1:15432/populus", "db-user", "populus", "pool-size", "24",
                "min-idle", "24"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length || !o.containsKey(a.substring(2))) {
                log.println("minimal: usage: MINIMAL_DB_PASSWORD=… MINIMAL_SESSION=token[,token…] java -cp "
                        + "populus-bench.jar " + MinimalServer.class.getName() + " [--port P] [--db-url URL] "
                        + "[--db-user U] [--pool-size N] [--min-idle N]");
                System.exit(64);
            }
            o.put(a.substring(2), args[++i]);
        }
        String tokens = System.getenv("MINIMAL_SESSION");
        if (tokens == null || tokens.isBlank()) {
            log.println("minimal: MINIMAL_SESSION (the session id(s) to accept) is not set");
            System.exit(64);
        }
        // Tomcat (Populus) sets TCP_NODELAY; the JDK server does not unless told, and would then wait for the
        // client's delayed ACK between the headers and the body.
        System.setProperty("sun.net.httpserver.nodelay", "true");

        // the pool as Populus configures it (spring.datasource.hikari.*: maximum-pool-size 24, minimum-idle 24)
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(o.get("db-url"));
        hc.setUsername(o.get("db-user"));
        hc.setPassword(System.getenv("MINIMAL_DB_PASSWORD"));
        hc.setPoolName("minimal");
        hc.setMaximumPoolSize(Integer.parseInt(o.get("pool-size")));
        hc.setMinimumIdle(Integer.parseInt(o.get("min-idle")));
        HikariDataSource db = new HikariDataSource(hc);
        MinimalServer server = new MinimalServer(db, List.of(tokens.split(",")));

        int port = Integer.parseInt(o.get("port"));
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext(PATH, server::handle);
        http.createContext("/", exchange -> {
            try (exchange) {
                send(exchange, 404, new byte[0]);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            db.close();
        }));
        http.start();
        System.out.println("READY port=" + port);
        System.out.flush();
        log.printf("minimal: listening on 127.0.0.1:%d, database %s as %s, pool %s, %d session id(s)%n", port,
                o.get("db-url"), o.get("db-user"), o.get("pool-size"), server.sessions.size());
    }
}
