/**
 * Technical platform shared by every module: the embedded PostgreSQL server used when no external
 * database is configured, and other infrastructure that carries no domain knowledge.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Platform")
package org.populus.platform;
