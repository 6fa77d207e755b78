package org.populus.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the embedded binaries, with its data kept under {@code <dataDir>/pg}.
 *
 * <p>Durability settings are PostgreSQL's own defaults ({@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on): an acknowledged write survives a crash of the JVM or of the machine.
 *
 * <p>Before starting it recovers from a previous crash: a JVM killed with {@code kill -9} leaves its postmaster
 * running (orphaned) and a {@code postmaster.pid} behind. Holding an exclusive lock on {@code <dataDir>/populus.lock}
 * proves no live Populus uses the directory, so a postmaster still running on it is an orphan and is shut down;
 * a stale pid file whose process is gone or is not PostgreSQL is removed. PostgreSQL then replays its WAL.
 *
 * <p>Only password (SCRAM) authentication is accepted, on loopback and on the local socket. The superuser
 * {@code postgres} gets a random password, generated on first start into {@code <dataDir>/db-superuser.password}
 * (owner-only, 600) and given to {@code initdb}; it is used only to prepare the database. The application connects
 * as the role {@code populus} (no superuser, no role or database creation), with its own random password in
 * {@code <dataDir>/db.password} (600); it owns the database and every object in its schema. A data directory
 * created by an earlier version (trust authentication, objects owned by {@code postgres}) is upgraded on start: the
 * passwords are set, {@code pg_hba.conf} rewritten and reloaded, the objects given to {@code populus}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);
    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "populus";
    static final String SUPERUSER_PASSWORD_FILE = "db-superuser.password";
    static final String APP_PASSWORD_FILE = "db.password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String PG_HBA = """
            # Written by Populus: password (SCRAM) authentication only.
            # TYPE  DATABASE     USER  ADDRESS        METHOD
            local   all          all                  scram-sha-256
            host    all          all   127.0.0.1/32   scram-sha-256
            host    all          all   ::1/128        scram-sha-256
            local   replication  all                  scram-sha-256
            host    replication  all   127.0.0.1/32   scram-sha-256
            host    replication  all   ::1/128        scram-sha-256
            """;

    private final Path pgDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final String databaseName;
    private final String superuserPassword;
    private final String appPassword;

    private EmbeddedPostgresServer(Path pgDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres,
            String databaseName, String superuserPassword, String appPassword) {
        this.pgDir = pgDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.databaseName = databaseName;
        this.superuserPassword = superuserPassword;
        this.appPassword = appPassword;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port, String databaseName) {
        return start(dataDir, port, databaseName, Map.of());
    }

    /** Server settings an operator may not change: durability, and who may connect how. */
    static final Set<String> FIXED_SETTINGS = Set.of("fsync", "synchronous_commit", "full_page_writes",
            "listen_addresses", "password_encryption", "data_directory", "port", "hba_file");

    /**
     * Starts the server with extra settings ({@code populus.db-settings.*}, e.g. {@code shared_preload_libraries}
     * or {@code work_mem}), on top of Populus's own.
     *
     * @throws IllegalArgumentException when a setting is one of {@link #FIXED_SETTINGS}
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, String databaseName,
            Map<String, String> settings) {
        settings.keySet().stream().filter(k -> FIXED_SETTINGS.contains(k.toLowerCase(java.util.Locale.ROOT)))
                .findFirst().ifPresent(k -> {
                    throw new IllegalArgumentException("populus.db-settings." + k + " cannot be changed: the "
                            + "embedded PostgreSQL keeps " + FIXED_SETTINGS.stream().sorted().toList()
                            + " as Populus sets them");
                });
        try {
            Path root = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve("populus.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("The data directory " + root
                        + " is in use by another running Populus; give this one its own POPULUS_DATA_DIR");
            }
            Path pgDir = root.resolve("pg");
            try {
                recoverFromCrash(pgDir);
                Path superuserPasswordFile = root.resolve(SUPERUSER_PASSWORD_FILE);
                if (Files.exists(pgDir.resolve("postgresql.conf")) && !Files.exists(superuserPasswordFile)
                        && onlyPasswords(pgDir.resolve("pg_hba.conf"))) {
                    throw new IllegalStateException("The embedded PostgreSQL in " + pgDir + " requires passwords but "
                            + superuserPasswordFile + " is missing: restore it from a backup of " + root);
                }
                String superuserPassword = password(superuserPasswordFile);
                String appPassword = password(root.resolve(APP_PASSWORD_FILE));
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (!Files.exists(pgDir.resolve("postgresql.conf"))) {
                    // a new cluster: initdb's options are passed as "locale" options; these come after its "-A
                    // trust" and win, so the cluster never accepts a connection without the superuser's password
                    builder.setLocaleConfig("auth", "scram-sha-256")
                            .setLocaleConfig("pwfile", superuserPasswordFile.toString());
                }
                settings.forEach(builder::setServerConfig);
                EmbeddedPostgres postgres = builder
                        .setDataDirectory(pgDir)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setPort(port == 0 ? freePort() : port)
                        .setPGStartupWait(Duration.ofSeconds(120))
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "256MB")
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setConnectConfig("password", superuserPassword)
                        .start();
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(pgDir, channel, lock, postgres, databaseName,
                        superuserPassword, appPassword);
                try {
                    server.requirePasswords();
                    server.prepareDatabase();
                } catch (RuntimeException e) {
                    postgres.close();
                    throw e;
                }
                log.info("Embedded PostgreSQL ready on 127.0.0.1:{}, data in {}", postgres.getPort(), pgDir);
                return server;
            } catch (RuntimeException | IOException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + databaseName;
    }

    /** The application's role: owns its database, is no superuser. */
    public String username() {
        return APP_ROLE;
    }

    public String password() {
        return appPassword;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    /**
     * Makes sure only passwords are accepted: a cluster initialised by an earlier version trusted every local
     * connection. The superuser gets its password before {@code pg_hba.conf} is rewritten and reloaded.
     */
    private void requirePasswords() throws IOException {
        Path hba = pgDir.resolve("pg_hba.conf");
        if (onlyPasswords(hba)) {
            return;
        }
        log.warn("Upgrading the embedded PostgreSQL in {} to password authentication (it trusted local connections)",
                pgDir);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter role " + SUPERUSER + " password " + literal(superuserPassword));
            Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
            s.execute("select pg_reload_conf()");
            // connections let in while it trusted everyone do not outlive the upgrade
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() "
                    + "and backend_type = 'client backend'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not require passwords on the embedded PostgreSQL", e);
        }
    }

    /** Whether every rule of this {@code pg_hba.conf} asks for a SCRAM password. */
    private static boolean onlyPasswords(Path hba) throws IOException {
        return Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .allMatch(l -> l.endsWith("scram-sha-256"));
    }

    /**
     * As the superuser: the application's role (password from its file), its database (owned by it), and every
     * object a previous version created in the database as {@code postgres} handed over to it.
     */
    private void prepareDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            boolean roleExists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'")) {
                roleExists = rs.next();
            }
            s.execute((roleExists ? "alter" : "create") + " role " + APP_ROLE
                    + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password "
                    + literal(appPassword));
            String owner = null;
            try (ResultSet rs = s.executeQuery("select pg_get_userbyid(datdba) from pg_database where datname = "
                    + literal(databaseName))) {
                if (rs.next()) {
                    owner = rs.getString(1);
                }
            }
            if (owner == null) {
                s.execute("create database " + identifier(databaseName) + " owner " + APP_ROLE);
                return;
            }
            if (!owner.equals(APP_ROLE)) {
                s.execute("alter database " + identifier(databaseName) + " owner to " + APP_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + databaseName, e);
        }
        try (Connection c = postgres.getDatabase(SUPERUSER, databaseName).getConnection();
                Statement s = c.createStatement()) {
            s.execute("""
                    do $$
                    declare o record;
                    begin
                      for o in select c.oid::regclass as name from pg_class c
                               join pg_namespace n on n.oid = c.relnamespace
                               where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                                 and pg_get_userbyid(c.relowner) <> 'populus'
                                 and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                                 and d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
                      loop
                        execute format('alter table %s owner to populus', o.name);
                      end loop;
                      for o in select p.oid::regprocedure as name from pg_proc p
                               join pg_namespace n on n.oid = p.pronamespace
                               where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> 'populus'
                                 and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                                                 and d.objid = p.oid and d.deptype = 'e')
                      loop
                        execute format('alter routine %s owner to populus', o.name);
                      end loop;
                      for o in select t.oid::regtype as name from pg_type t
                               join pg_namespace n on n.oid = t.typnamespace
                               where n.nspname = 'public' and t.typtype in ('e', 'd', 'r', 'm')
                                 and pg_get_userbyid(t.typowner) <> 'populus'
                                 and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
                                                 and d.objid = t.oid and d.deptype = 'e')
                      loop
                        execute format('alter type %s owner to populus', o.name);
                      end loop;
                    end $$""".replace("populus", APP_ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand the objects of " + databaseName + " to " + APP_ROLE, e);
        }
    }

    /** The password kept in this file, created (random, owner-only) when missing. */
    static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!stored.matches("[0-9a-f]{32,}")) {
                throw new IllegalStateException(file + " does not hold a password written by Populus");
            }
            return stored;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, password + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Makes the data directory startable after a crash; see the class comment. */
    static void recoverFromCrash(Path pgDir) throws IOException {
        if (!Files.isDirectory(pgDir)) {
            return;
        }
        if (!Files.exists(pgDir.resolve("postgresql.conf"))) {
            // initdb did not finish: nothing was ever stored here, start over
            log.warn("Removing the half-initialised database directory {}", pgDir);
            deleteRecursively(pgDir);
            return;
        }
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostgresOn(process.get(), pgDir)) {
            ProcessHandle orphan = process.get();
            List<ProcessHandle> children = orphan.descendants().toList();
            log.warn("Stopping the orphaned PostgreSQL (pid {}) left running on {} by a previous crash", orphan.pid(),
                    pgDir);
            orphan.destroy(); // SIGTERM: PostgreSQL shuts down cleanly once its dead clients' backends are gone
            if (!waitForExit(orphan, ORPHAN_STOP_WAIT)) {
                log.warn("The orphaned PostgreSQL did not stop in {}; killing it (WAL recovery follows)",
                        ORPHAN_STOP_WAIT);
                orphan.destroyForcibly();
                waitForExit(orphan, Duration.ofSeconds(10));
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                    waitForExit(child, Duration.ofSeconds(10));
                }
            }
        }
        if (Files.exists(pidFile)) {
            log.warn("Removing the stale {}", pidFile);
            Files.deleteIfExists(pidFile);
        }
    }

    /**
     * Only a PostgreSQL server started on this very directory is ours to stop; a pid reused by any other process
     * is left alone (its stale pid file is simply removed).
     */
    private static boolean isPostgresOn(ProcessHandle process, Path pgDir) {
        boolean postgres = process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
        String dir = pgDir.toString();
        boolean onOurDir = process.info().arguments()
                .map(args -> java.util.Arrays.stream(args).anyMatch(a -> a.equals(dir) || a.startsWith(dir + "/")))
                .orElseGet(() -> process.info().commandLine().map(c -> c.contains(dir)).orElse(false));
        return postgres && onOurDir;
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
