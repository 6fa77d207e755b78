package org.populus.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.Registrants;
import org.populus.search.DuplicateCandidates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The procedure module on its own with the modules it depends on (no HTTP adapters), on the real PostgreSQL: a
 * registration is queued, processed and accepted.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class ProcedureModuleTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("populus.data-dir", () -> "target/test-data/module-" + RUN);
        registry.add("populus.procedures.process-on-commit", () -> "false");
        registry.add("populus.procedures.enabled", () -> "false");
    }

    @Autowired
    Procedures procedures;

    @Autowired
    Registrants registrants;

    @Autowired
    DuplicateCandidates matching;

    @Test
    void aRegistrationIsQueuedAndAcceptedByTheQueue() {
        // this context's search index is new: it is built from the whole test database before matching can answer
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(matching::ready);
        long id = procedures.register(TwoInstancesQueueTest.input("module-" + RUN, 0), null, "origin_qualified_id",
                null, Provenance.system("test"));
        assertThat(procedures.find(procedures.pending(id).get(0).id()).orElseThrow().pending()).isTrue();
        procedures.processQueued();
        assertThat(registrants.find(id).orElseThrow().status().state()).isEqualTo(CensusStatus.State.ENABLED);
        assertThat(procedures.pending(id)).isEmpty();
    }
}
