package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** How a registrant's children reach their tables (each case rolled back). */
class RegistrantChildrenSyncTest extends HttpTest {

    @Autowired
    RegistrantRepository repository;

    @Autowired
    TransactionTemplate tx;

    private static final LocalDate COLLECTED = LocalDate.of(2024, 1, 1);

    @Test
    void savingChildrenDeletesTheMissingUpdatesTheKeptAndInsertsTheNewInOrder() {
        tx.executeWithoutResult(status -> {
            long id = repository.insert(individual(List.of(new Phone(null, "600000001", null, COLLECTED, null),
                    new Phone(null, "600000002", null, COLLECTED, null)))).id();
            Registrant loaded = repository.find(id).orElseThrow();
            Phone kept = loaded.phones().get(1);
            loaded.assignIds(loaded.identifiers(), List.of(new Phone(kept.id(), "600000003", null, COLLECTED, null),
                    new Phone(null, "600000004", null, COLLECTED, null)), loaded.programmes());

            Registrant saved = repository.update(loaded);

            long added = saved.phones().get(1).id();
            assertThat(added).isNotEqualTo(kept.id());
            assertThat(jdbc.sql("select id || ':' || position || ':' || phone_no from party_phone where party_id = ?"
                    + " order by position").param(id).query(String.class).list())
                    .containsExactly(kept.id() + ":0:600000003", added + ":1:600000004");
            status.setRollbackOnly();
        });
    }

    @Test
    void anUpdateThatKeepsTheLoadedChildrenRewritesNoChildRow() {
        tx.executeWithoutResult(status -> {
            long id = repository.insert(individual(List.of(new Phone(null, "600000001", null, COLLECTED, null))))
                    .id();
            List<String> before = phoneTuples(id);

            repository.update(repository.find(id).orElseThrow());

            assertThat(phoneTuples(id)).isEqualTo(before).hasSize(1);
            status.setRollbackOnly();
        });
    }

    /** Where each phone row physically is: an update writes a new tuple elsewhere. */
    private List<String> phoneTuples(long partyId) {
        return jdbc.sql("select ctid::text from party_phone where party_id = ? order by id").param(partyId)
                .query(String.class).list();
    }

    private static Registrant individual(List<Phone> phones) {
        return new Registrant(null, 0, RegistrantKind.INDIVIDUAL, RegistrantTest.data(null), List.of(), phones,
                List.of(), Map.of(), CensusStatus.enabled(), null, null, null);
    }
}
