package org.populus.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.populus.PopulusApplication;
import org.populus.history.Provenance;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one database process one queue: every procedure is processed exactly once. The
 * second instance is a full application context on the first one's database; both run their queue workers, and
 * the test drains the queue from both at once on top.
 */
class TwoInstancesQueueTest extends HttpTest {

    @Autowired
    Procedures procedures;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.populus.person.Registrants registrants;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void noProcedureIsProcessedTwice() throws Exception {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PopulusApplication.class).run(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--server.port=0", "--populus.data-dir=target/test-data/second-" + unique(),
                "--populus.procedures.workers=3", "--spring.main.banner-mode=off")) {
            Procedures other = second.getBean(Procedures.class);
            String run = unique();
            // pending people with queued registrations, all committed at once, so only the queue processes them
            // (a registration through the API is processed by its own request right after the commit)
            List<Long> people = new ArrayList<>();
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < 60; i++) {
                    PersonDataInput in = input(run, i);
                    long person = registrants.registerCensus(new org.populus.person.CensusPersonData(in.firstName(),
                            in.lastName1(), null, "dni", in.documentId(), "ES", java.time.LocalDate.of(1980, 1, 1),
                            "male", "Calle 1", "ES", "28001", in.email(), "ES", null), java.util.Map.of(),
                            Provenance.system("test")).id();
                    long procedure = jdbc.sql("""
                            insert into procedure (party_id, type, state, information, created_at, updated_at, version)
                            values (?, 'registration', 'pending', '{}', clock_timestamp(), clock_timestamp(), 1)
                            returning id""").param(person).query(Long.class).single();
                    jdbc.sql("insert into procedure_task (procedure_id, available_at) values (?, clock_timestamp())")
                            .param(procedure).update();
                    people.add(person);
                }
            });
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> drains = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    Procedures p = i % 2 == 0 ? procedures : other;
                    drains.add(pool.submit(p::processQueued));
                }
                for (Future<Integer> f : drains) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            long until = System.currentTimeMillis() + 20_000;
            while (accepted(people) < people.size() && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            assertThat(accepted(people)).isEqualTo(people.size());
            for (long person : people) {
                // created, then accepted once: two versions, one of them by the queue
                assertThat(jdbc.sql("""
                        select count(*) from record_version where subject_type = 'registrant' and subject_id = ?""")
                        .param(person).query(Long.class).single()).isEqualTo(2);
                assertThat(jdbc.sql("select version from procedure where party_id = ? and type = 'registration'")
                        .param(person).query(Integer.class).single()).isEqualTo(2);
            }
        }
    }

    private long accepted(List<Long> people) {
        return jdbc.sql("select count(*) from procedure where party_id = any(?) and state = 'accepted'")
                .param(people.toArray(Long[]::new)).query(Long.class).single();
    }

    static PersonDataInput input(String run, int i) {
        int n = Math.abs((run + i).hashCode() % 90_000_000) + 10_000_000;
        String dni = n + "" + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23);
        return new PersonDataInput("Twice", "Instance" + run + i, null, "dni", dni, "ES", "1980-01-01", "male",
                "Calle 1", "ES", "28001", "twice" + i + "@example.org", "ES", null);
    }
}
