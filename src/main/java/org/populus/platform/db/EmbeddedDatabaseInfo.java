package org.populus.platform.db;

/** Where the embedded PostgreSQL listens; logged at start-up. */
public record EmbeddedDatabaseInfo(String jdbcUrl, int port) {
}
