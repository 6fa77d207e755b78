package org.populus.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.Registrants;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A procedure whose processing fails is rolled back alone and rescheduled with its error; the others taken with it
 * are processed.
 */
class ProcedureQueueFailureTest extends HttpTest {

    @Autowired
    Procedures procedures;

    @Autowired
    Registrants registrants;

    @Test
    void aFailingProcedureIsRescheduledAndTheRestOfItsBatchIsProcessed() {
        String run = unique();
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(procedures.register(TwoInstancesQueueTest.input(run, i), null, "origin_qualified_id", null,
                    Provenance.system("test")));
        }
        long broken = people.get(2);
        // a data change whose stored information cannot be read (as a bug or a bad manual edit would leave it)
        long bad = jdbc.sql("""
                insert into procedure (party_id, type, state, information, created_at, updated_at, version)
                values (?, 'person_data_change', 'pending', '{"person_data":{"born_at":"not a date"}}',
                        clock_timestamp(), clock_timestamp(), 1) returning id""").param(broken).query(Long.class)
                .single();
        jdbc.sql("insert into procedure_task (procedure_id, available_at) values (?, clock_timestamp())").param(bad)
                .update();

        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until && (people.stream().anyMatch(id -> !enabled(id)) || attempts(bad) == 0)) {
            procedures.processQueued();
        }
        assertThat(people).allMatch(this::enabled);
        var task = jdbc.sql("""
                select attempts, last_error, available_at > clock_timestamp() as later from procedure_task
                where procedure_id = ?""").param(bad).query((rs, i) -> new Object[] {rs.getInt(1), rs.getString(2),
                        rs.getBoolean(3)}).single();
        assertThat((Integer) task[0]).isGreaterThanOrEqualTo(1);
        assertThat((String) task[1]).contains("not a date");
        assertThat((Boolean) task[2]).isTrue();
        assertThat(procedures.find(bad).orElseThrow().state()).isEqualTo(ProcedureState.PENDING);
        // nothing of the failed attempt stayed: the person has their registration's two versions only
        assertThat(registrants.versions(broken)).hasSize(2);
        // each further failure counts, and waits longer
        int before = attempts(bad);
        jdbc.sql("update procedure_task set available_at = clock_timestamp() where procedure_id = ?").param(bad)
                .update();
        long again = System.currentTimeMillis() + 10_000;
        while (attempts(bad) == before && System.currentTimeMillis() < again) {
            procedures.processQueued();
        }
        assertThat(attempts(bad)).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                select available_at - clock_timestamp() > interval '3 seconds' from procedure_task
                where procedure_id = ?""").param(bad).query(Boolean.class).single()).isTrue();
        jdbc.sql("delete from procedure_task where procedure_id = ?").param(bad).update();
    }

    /** The failed attempts recorded on the procedure's task (0 while a worker has not tried it yet). */
    private int attempts(long procedureId) {
        return jdbc.sql("select attempts from procedure_task where procedure_id = ?").param(procedureId)
                .query(Integer.class).optional().orElse(0);
    }

    private boolean enabled(long id) {
        return registrants.find(id).orElseThrow().status().state() == CensusStatus.State.ENABLED;
    }
}
