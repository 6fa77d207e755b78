package org.populus.platform.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a separate JVM by {@link CrashRecoveryTest}: commits a row, says so, then waits to be killed. */
public final class EmbeddedPostgresVictim {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, "populus");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            c.createStatement().execute("create table crash_probe (value text)");
            c.createStatement().execute("insert into crash_probe values ('acknowledged')");
        }
        System.out.println("COMMITTED " + server.port());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
