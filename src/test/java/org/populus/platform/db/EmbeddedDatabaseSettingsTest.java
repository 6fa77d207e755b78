package org.populus.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's extra server settings reach the embedded PostgreSQL; its durability settings cannot be changed. */
class EmbeddedDatabaseSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void anExtraSettingIsInEffectInTheServer() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, "populus",
                Map.of("work_mem", "12MB", "track_io_timing", "on"));
                Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement s = c.createStatement()) {
            assertThat(single(s, "show work_mem")).isEqualTo("12MB");
            assertThat(single(s, "show track_io_timing")).isEqualTo("on");
        }
    }

    @Test
    void turningFsyncOffIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, "populus", Map.of("fsync", "off")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("populus.db-settings.fsync");
        assertThat(Files.exists(dataDir.resolve("pg"))).isFalse();
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
