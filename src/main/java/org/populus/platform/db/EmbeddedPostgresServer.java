package org.populus.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final Path pgDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final String databaseName;

    private EmbeddedPostgresServer(Path pgDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres,
            String databaseName) {
        this.pgDir = pgDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.databaseName = databaseName;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port, String databaseName) {
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
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
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
                        .start();
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(pgDir, channel, lock, postgres, databaseName);
                server.createDatabaseIfMissing();
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

    public String username() {
        return "postgres";
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

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + databaseName + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database \"" + databaseName + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + databaseName, e);
        }
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
