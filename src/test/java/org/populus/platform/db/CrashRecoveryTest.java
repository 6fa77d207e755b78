package org.populus.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM running the embedded PostgreSQL is killed with SIGKILL right after committing a row: its postmaster is
 * left running (orphaned) with its postmaster.pid. Starting again on the same data directory must stop the orphan,
 * start cleanly and still have the row.
 */
class CrashRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void startsAgainAfterKillMinus9WithoutLosingCommittedData() throws Exception {
        Process victim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedPostgresVictim.class.getName(),
                dataDir.toString()).redirectErrorStream(true).start();
        long orphanPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream()))) {
            String line;
            String ready = null;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    ready = line;
                    break;
                }
            }
            assertThat(ready).as("the victim committed its row").isNotNull();
            victim.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no pg_ctl stop
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Path pidFile = dataDir.resolve("pg/postmaster.pid");
        assertThat(pidFile).exists();
        orphanPid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("postgres orphaned").contains(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus");
                Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                ResultSet rs = c.createStatement().executeQuery("select value from crash_probe")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("acknowledged");
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void aStalePidFileOfADeadProcessIsCleared() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus")) {
            assertThat(server.port()).isPositive();
        }
        Path pidFile = dataDir.resolve("pg/postmaster.pid");
        Files.writeString(pidFile, "999999\n" + dataDir.resolve("pg") + "\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus");
                Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void aHalfInitialisedDirectoryStartsOver() throws Exception {
        Files.createDirectories(dataDir.resolve("pg"));
        Files.writeString(dataDir.resolve("pg/PG_VERSION"), "17\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus");
                Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }
}
