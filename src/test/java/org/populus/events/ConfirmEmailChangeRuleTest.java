package org.populus.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which e-mail changes ask Decidim for a confirmation ({@code census.people.confirm_email_change}). */
class ConfirmEmailChangeRuleTest {

    @Test
    void aRegistrarOrAdministratorChangingTheEmailAsksForConfirmation() {
        assertThat(CensusNotifications.staffChangedEmail("old@example.org", "new@example.org", "user:registrar"))
                .isTrue();
        assertThat(CensusNotifications.staffChangedEmail(null, "new@example.org", "user:admin")).isTrue();
    }

    @Test
    void thePersonThroughTheCensusApiDoesNot() {
        assertThat(CensusNotifications.staffChangedEmail("old@example.org", "new@example.org", "anonymous"))
                .isFalse();
        assertThat(CensusNotifications.staffChangedEmail("old@example.org", "new@example.org", "client:decidim"))
                .isFalse();
    }

    @Test
    void aQueueWorkerProcessingThePersonsOwnRequestDoesNot() {
        assertThat(CensusNotifications.staffChangedEmail("old@example.org", "new@example.org", "system:procedures"))
                .isFalse();
        assertThat(CensusNotifications.staffChangedEmail("old@example.org", "new@example.org", "system")).isFalse();
    }

    @Test
    void anUnchangedOrRemovedEmailDoesNot() {
        assertThat(CensusNotifications.staffChangedEmail("same@example.org", "same@example.org", "user:registrar"))
                .isFalse();
        assertThat(CensusNotifications.staffChangedEmail("old@example.org", null, "user:registrar")).isFalse();
    }
}
