package org.populus.platform.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL server.
 *
 * @param dataDir where Populus keeps its data ({@code POPULUS_DATA_DIR}); the database lives in {@code pg/} under it
 * @param dbPort TCP port of the embedded server on loopback ({@code POPULUS_DB_PORT}); 0 picks a free port
 * @param dbName name of the database created inside the embedded server
 * @param dbSettings extra settings of the embedded server ({@code populus.db-settings.work_mem=16MB}, say); the
 *     durability and connection settings cannot be changed
 */
@ConfigurationProperties("populus")
public record EmbeddedDatabaseProperties(Path dataDir, Integer dbPort, String dbName,
        java.util.Map<String, String> dbSettings) {

    public EmbeddedDatabaseProperties {
        dbSettings = dbSettings == null ? java.util.Map.of() : java.util.Map.copyOf(dbSettings);
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        dbPort = dbPort == null ? 0 : dbPort;
        dbName = dbName == null || dbName.isBlank() ? "populus" : dbName;
    }
}
