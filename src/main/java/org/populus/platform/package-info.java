/**
 * Technical platform shared by every module: the embedded PostgreSQL server used when no external
 * database is configured (package {@code db}: its data directory, password logins, recovery after a crash), the
 * one helper every module takes PostgreSQL advisory locks through ({@link org.populus.platform.db.AdvisoryLocks}),
 * the clock, and other infrastructure that carries no domain knowledge.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Platform")
package org.populus.platform;
