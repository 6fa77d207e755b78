package org.populus.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL lets no local process in without a password, and the application works as a role that is
 * no superuser and owns its database; a data directory of an earlier version (trust, everything owned by
 * {@code postgres}) is upgraded on start.
 */
class EmbeddedDatabaseSecurityTest {

    @TempDir
    Path dataDir;

    @Test
    void noConnectionIsAcceptedWithoutThePassword() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus")) {
            assertRefused(server, "postgres", "");
            assertRefused(server, "postgres", "wrong");
            assertRefused(server, server.username(), "");
            assertThat(Files.readString(dataDir.resolve("db.password")).strip()).isEqualTo(server.password());
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db.password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db-superuser.password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void theApplicationRoleIsNoSuperuserAndOwnsItsDatabase() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus");
                Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select rolsuper, rolcreaterole, rolcreatedb from pg_roles "
                    + "where rolname = current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("superuser").isFalse();
                assertThat(rs.getBoolean(2)).as("may create roles").isFalse();
                assertThat(rs.getBoolean(3)).as("may create databases").isFalse();
            }
            assertThat(single(s, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"))
                    .isEqualTo(server.username());
            s.execute("create extension if not exists pg_trgm"); // trusted: the database owner may
            s.execute("create table owned_here (x int)");
            assertThatThrownBy(() -> s.execute("create role intruder superuser")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void thePasswordsAreKeptAcrossRestarts() throws Exception {
        String first;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus")) {
            first = server.password();
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus");
                Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            assertThat(server.password()).isEqualTo(first);
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void aLostSuperuserPasswordFileStopsStartUpWithAClearMessage() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus")) {
            assertThat(server.port()).isPositive();
        }
        Files.delete(dataDir.resolve("db-superuser.password"));
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, "populus").close())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("db-superuser.password");
    }

    @Test
    void aTrustingDataDirectoryOfAnEarlierVersionIsUpgraded() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // what earlier versions left: initdb with trust, the database and its objects created as postgres
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).setPort(port).start()) {
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database populus");
            }
            try (Connection c = old.getDatabase("postgres", "populus").getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create extension pg_trgm");
                s.execute("create table legacy (id bigserial primary key, value text)");
                s.execute("insert into legacy (value) values ('kept')");
                s.execute("create view legacy_view as select value from legacy");
                s.execute("create function legacy_fn() returns int language sql as 'select 1'");
            }
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus")) {
            assertRefused(server, "postgres", "");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                    Statement s = c.createStatement()) {
                assertThat(single(s, "select value from legacy")).isEqualTo("kept");
                assertThat(single(s, "select string_agg(tablename || ':' || tableowner, ',') from pg_tables "
                        + "where schemaname = 'public'")).isEqualTo("legacy:populus");
                assertThat(single(s, "select viewowner from pg_views where viewname = 'legacy_view'"))
                        .isEqualTo("populus");
                assertThat(single(s, "select pg_get_userbyid(proowner) from pg_proc where proname = 'legacy_fn'"))
                        .isEqualTo("populus");
                s.execute("insert into legacy (value) values ('new')"); // its sequence followed the table
                s.execute("alter table legacy add column extra text");
                s.execute("drop function legacy_fn()");
            }
        }
    }

    private static void assertRefused(EmbeddedPostgresServer server, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), user, password).close())
                .as("%s with password '%s'", user, password)
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
