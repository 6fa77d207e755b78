package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;

/** The administrator created on first start gets what the README says: administration and the registry roles. */
class BootstrapAdminTest extends HttpTest {

    @Test
    void theFirstAdministratorGetsAdministrationAndTheRegistryRolesButNoReviewNorHistory() {
        String login = "boot-" + unique();
        new BootstrapAdmin(accounts, login, "password-" + login).run(null);
        assertThat(accounts.find(login).orElseThrow().roles())
                .isEqualTo(Set.of(Role.ADMIN, Role.REGISTRY_READ, Role.REGISTRY_WRITE));
    }

    @Test
    void anExistingAdministratorIsLeftAsItIs() {
        String login = "boot-" + unique();
        accounts.create(login, null, "password-" + login, Set.of(Role.ADMIN, Role.REGISTRAR));
        new BootstrapAdmin(accounts, login, "another-password").run(null);
        assertThat(accounts.find(login).orElseThrow().roles()).isEqualTo(Set.of(Role.ADMIN, Role.REGISTRAR));
    }
}
