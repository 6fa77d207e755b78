/**
 * Technical platform shared by every module: the embedded PostgreSQL server used when no external
 * database is configured (package {@code db}: its data directory, password logins, recovery after a crash), the
 * clock, and other infrastructure that carries no domain knowledge.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Platform")
package org.populus.platform;
