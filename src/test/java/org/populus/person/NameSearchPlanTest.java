package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.platform.db.PlannedQueries;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The name searches cannot switch to a plan that walks the table for a rare name: run many times on one
 * connection, their statements are still planned with their values (never server-prepared), and that plan reads
 * the word-prefix index.
 */
class NameSearchPlanTest extends HttpTest {

    @Autowired
    Registrants registrants;

    @Autowired
    PlannedQueries planned;

    @Autowired
    RegistrantRepository repository;

    @Autowired
    TransactionTemplate tx;

    /** Named (server-side) prepared statements of this connection that read the word-prefix lexemes. */
    int preparedPrefixStatements() {
        return jdbc.sql("select count(*) from pg_prepared_statements where statement like '%name_prefixes @@%'")
                .query(Integer.class).single();
    }

    String plan(String sql, Object... params) {
        return String.join("\n", planned.query("explain " + sql, (rs, n) -> rs.getString(1), params));
    }

    @Test
    void searchesRunTenTimesOnOneConnectionAreStillPlannedWithTheirValuesThroughTheIndex() {
        String rare = "zq" + unique().replaceAll("[0-9]", "x");
        // enough rows, with statistics, for the planner to choose for real (garcia in most names); rolled back
        tx.executeWithoutResult(status -> {
            jdbc.sql("alter table party disable trigger party_versioned").update();
            jdbc.sql("""
                    insert into party (is_group, name, search_name, registration_date, state, verification,
                      membership_level, phone_verification, created_at, updated_at, version)
                    select false, n, n, current_date, 'enabled', 'not_verified', 'follower', 'not_verified',
                      now(), now(), 1
                    from (select (array['maria', 'jose', 'juan', 'ana', 'carmen', 'antonio', 'laura', 'pedro'])[1 + g % 8]
                            || ' ' || (array['garcia', 'garcia', 'garcia', 'lopez', 'perez', 'sanchez', 'diallo',
                                             'martin', 'gomez', 'ruiz'])[1 + (g * 7) % 10]
                            || ' ' || (array['garcia', 'fernandez', 'lopez', 'diaz', 'moreno'])[1 + (g * 3) % 5]
                            || ' ' || g as n
                          from generate_series(1, 30000) g) names""").update();
            jdbc.sql("""
                    insert into party (is_group, name, search_name, registration_date, state, verification,
                      membership_level, phone_verification, created_at, updated_at, version)
                    select false, n, n, current_date, 'enabled', 'not_verified', 'follower', 'not_verified',
                      now(), now(), 1 from (values ('zurine ' || ?::text || ' etxeberria')) v(n)""").param(rare)
                    .update();
            jdbc.sql("analyze party").update();

            PeopleSearch rareSearch = PeopleSearch.of("zurine " + rare.substring(0, 6), false);
            PeopleSearch commonSearch = PeopleSearch.of("garcia", false);
            RegistrantQuery rareSubstring = RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "ne " + rare);
            RegistrantQuery commonSubstring = RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "garcia");
            for (int i = 0; i < 10; i++) {
                assertThat(registrants.find(rareSearch, 0, 20).people()).hasSize(1);
                assertThat(registrants.find(commonSearch, 0, 20).totalCapped()).isTrue();
                assertThat(registrants.search(rareSubstring, 0, 0, 20)).hasSize(1);
                assertThat(registrants.search(commonSubstring, 0, 0, 20)).hasSize(20);
            }
            assertThat(preparedPrefixStatements()).as("server-prepared search statements").isZero();

            var people = RegistrantRepository.conditions(rareSearch);
            String peoplePlan = plan(RegistrantRepository.NAME_CANDIDATES + people.where() + " limit ?",
                    people.with(PeopleSearch.MAX_TOTAL + 1));
            assertThat(peoplePlan).contains("party_name_prefixes").doesNotContain("Seq Scan on party")
                    .doesNotContain("party_pkey");
            var substring = RegistrantRepository.conditions(rareSubstring, 0);
            String substringPlan = plan(RegistrantRepository.NAME_CANDIDATES + substring.where() + " limit ?",
                    substring.with(RegistrantRepository.RARE_NAME_MATCHES + 1));
            assertThat(substringPlan).containsAnyOf("party_name_prefixes", "party_search_name_trgm")
                    .doesNotContain("Seq Scan on party").doesNotContain("party_pkey");

            // the check sees server-prepared statements: the same statement through a plain JdbcClient is one
            for (int i = 0; i < 10; i++) {
                jdbc.sql(RegistrantRepository.NAME_CANDIDATES + people.where() + " limit ?")
                        .params(List.of(people.with(PeopleSearch.MAX_TOTAL + 1))).query(Long.class).list();
            }
            assertThat(preparedPrefixStatements()).as("a plain JdbcClient statement, for comparison").isPositive();
            status.setRollbackOnly();
        });
    }

    @Test
    void theStatisticsTellACommonWordFromARareOne() {
        String rare = "zq" + unique().replaceAll("[0-9]", "x");
        try {
            tx.executeWithoutResult(status -> {
                jdbc.sql("alter table party disable trigger party_versioned").update();
                jdbc.sql("""
                        insert into party (is_group, name, search_name, registration_date, state, verification,
                          membership_level, phone_verification, created_at, updated_at, version)
                        select false, n, n, current_date, 'enabled', 'not_verified', 'follower', 'not_verified',
                          now(), now(), 1
                        from (select 'ana garcia ' || (array['lopez', 'perez', 'ruiz'])[1 + g % 3] || ' ' || g as n
                              from generate_series(1, 20000) g) names""").update();
                jdbc.sql("analyze party").update();
                repository.forgetPrefixStatistics();
                assertThat(repository.fewCandidates(List.of("garcia"))).as("garcia").isFalse();
                assertThat(repository.fewCandidates(List.of("garcia", "lopez"))).as("garcia lopez").isFalse();
                assertThat(repository.fewCandidates(List.of(rare))).as("a rare word").isTrue();
                status.setRollbackOnly();
            });
        } finally {
            repository.forgetPrefixStatistics();
        }
    }
}
