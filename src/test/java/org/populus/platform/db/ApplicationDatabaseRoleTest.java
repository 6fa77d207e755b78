package org.populus.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.populus.support.HttpTest;

/**
 * On its embedded PostgreSQL the running application works as a role that is no superuser (with
 * {@code SPRING_DATASOURCE_URL} the role is whatever the operator configured, so this does not apply).
 */
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+")
class ApplicationDatabaseRoleTest extends HttpTest {

    @Test
    void theApplicationIsNoSuperuserOnItsEmbeddedDatabase() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("populus");
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class)
                .single()).isFalse();
    }
}
