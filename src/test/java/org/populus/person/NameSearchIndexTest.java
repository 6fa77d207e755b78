package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/** Name search uses the trigram index, never a sequential scan of the registrant table. */
class NameSearchIndexTest extends HttpTest {

    @Autowired
    Registrants registrants;

    @Autowired
    TransactionTemplate tx;

    @Test
    void nameSearchUsesTheTrigramIndex() {
        // enough rows, with statistics, for the planner to choose for real; rolled back afterwards
        tx.executeWithoutResult(status -> {
            // skip the history trigger for the bulk rows (as the table's owner: the application is no superuser)
            jdbc.sql("alter table party disable trigger party_versioned").update();
            jdbc.sql("""
                    insert into party (is_group, name, search_name, registration_date, state, verification,
                      membership_level, phone_verification, created_at, updated_at, version)
                    select false, 'Person ' || g, 'person ' || md5(g::text), current_date, 'enabled', 'not_verified',
                      'follower', 'not_verified', now(), now(), 1
                    from generate_series(1, 30000) g""").update();
            jdbc.sql("analyze party").update();
            List<String> plan = jdbc.sql("""
                    explain select p.id from party p where p.is_group = false and p.id > 0
                    and p.discarded_at is null and p.search_name like '%garcia lopez%' escape '\\'
                    limit 301""").query(String.class).list();
            assertThat(String.join("\n", plan)).contains("party_search_name_trgm").doesNotContain("Seq Scan on party");
            status.setRollbackOnly();
        });
    }

    @Test
    void searchMatchesSubstringsIgnoringCaseAndAccents() {
        assertThat(RegistrantRepository.likeEscape("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
        var query = RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, "  ÁNGEL  Núñez ");
        assertThat(query.normalizedName()).isEqualTo("angel nunez");
    }
}
