package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.populus.history.Provenance;
import org.populus.history.RecordVersion;
import org.populus.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The person module on its own with the modules it depends on (no HTTP adapters, no procedures), on the real
 * PostgreSQL: registrants are created, changed through their state machines and read as of an instant.
 */
// scope too: its Java migration (V6.1) is part of the schema, which the slice shares with the whole suite on an
// external database
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {"platform", "scope"})
class PersonModuleTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("populus.data-dir", () -> "target/test-data/person-module-" + RUN);
    }

    @Autowired
    Registrants registrants;

    private static String unique() {
        return RUN + "-" + SEQUENCE.incrementAndGet();
    }

    private static RegistrantDraft individual(String family) {
        return new RegistrantDraft(RegistrantKind.INDIVIDUAL, new PersonalData(null, "Marta", family, null, null,
                "female", LocalDate.of(1980, 5, 17), null, null, null, null, null, null, null, null, null, null),
                List.of(new RegistrantDraft.IdentifierDraft("National ID", "PM" + unique(), null, true)), List.of(),
                List.of(), null, CensusStatus.enabled());
    }

    @Test
    void aCreatedRegistrantIsReadBackAndItsHistoryHoldsVersionOneWithTheProvenance() {
        String family = "Module " + unique();
        Registrant created = registrants.create(individual(family), new Provenance("user:clerk", "registration desk"));

        Registrant read = registrants.find(created.id()).orElseThrow();
        assertThat(read.data().familyName()).isEqualTo(family);
        assertThat(read.identifiers()).isEqualTo(created.identifiers());
        assertThat(read.status()).isEqualTo(CensusStatus.enabled());
        List<RecordVersion> versions = registrants.versions(created.id());
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).version()).isEqualTo(1);
        assertThat(versions.get(0).actor()).isEqualTo("user:clerk");
        assertThat(versions.get(0).reason()).isEqualTo("registration desk");
    }

    @Test
    void aTransitionWithAnEventNotAllowedLeavesThePersonAndTheirHistoryUnchanged() {
        Registrant created = registrants.create(individual("Unverified " + unique()), Provenance.system("test"));

        // requesting verification is allowed; becoming a member is not for an unverified person: neither happens
        assertThatThrownBy(() -> registrants.transition(created.id(), Provenance.system("test"),
                PersonEvent.REQUEST_VERIFICATION, PersonEvent.TO_MEMBER)).isInstanceOf(RuleViolation.class);

        Registrant after = registrants.find(created.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(created.status());
        assertThat(after.version()).isEqualTo(created.version());
        assertThat(registrants.versions(created.id())).hasSize(1);
    }

    @Test
    void asOfAnInstantBeforeAChangeReturnsTheEarlierState() throws InterruptedException {
        Registrant created = registrants.create(individual("Changing " + unique()), Provenance.system("test"));
        Instant beforeChange = registrants.versions(created.id()).get(0).recordedAt();
        Thread.sleep(5);

        Registrant changed = registrants.transition(created.id(), Provenance.system("test"),
                PersonEvent.REQUEST_VERIFICATION);

        assertThat(changed.status().verification()).isEqualTo(CensusStatus.Verification.VERIFICATION_REQUESTED);
        assertThat(registrants.asOf(created.id(), beforeChange).orElseThrow().status().verification())
                .isEqualTo(CensusStatus.Verification.NOT_VERIFIED);
        assertThat(registrants.asOf(created.id(), Instant.now()).orElseThrow().status().verification())
                .isEqualTo(CensusStatus.Verification.VERIFICATION_REQUESTED);
        assertThat(registrants.asOf(created.id(), beforeChange.minusSeconds(1))).isEmpty();
    }
}
