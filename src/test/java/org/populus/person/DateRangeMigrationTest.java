package org.populus.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.populus.support.Api.obj;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.populus.support.StoredBeforeTheDateFix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database's own guard on dates (migration V17): check constraints no write path can skip, and the check the
 * migration runs — which reports the rows a database already held outside the ranges instead of failing, and
 * validates the constraints once they are fixed.
 */
class DateRangeMigrationTest extends HttpTest {

    /** Every date column clients set, with its constraint. */
    static final List<String[]> COLUMNS = List.of(
            new String[] {"party", "birthdate"}, new String[] {"party", "registration_date"},
            new String[] {"party_identifier", "expiry_date"}, new String[] {"party_phone", "date_collected"},
            new String[] {"party_phone", "disabled"}, new String[] {"programme_membership", "enrollment_date"},
            new String[] {"programme_membership", "exit_date"}, new String[] {"group_membership", "start_date"},
            new String[] {"group_membership", "ended_date"});

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private long person(String family) {
        Api.Response r = api.post("/api/v1/registry/individual", obj("given_name", "Mia", "family_name", family,
                "birthdate", "1990-01-01", "ids", List.of(obj("id_type", "National ID", "value", "NID" + unique(),
                        "expiry_date", "2030-06-30")), "phone_numbers", List.of(obj("phone_no", "+919876543210"))),
                Api.session(adminSession()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("id").asLong();
    }

    private boolean validated(String constraint) {
        return jdbc.sql("select convalidated from pg_constraint where conname = ?").param(constraint)
                .query(Boolean.class).single();
    }

    @Test
    void everyDateColumnHasARangeConstraintThatRefusesAnyWriteOutsideIt() {
        long id = person("Guard" + unique());
        for (String[] c : COLUMNS) {
            assertThat(jdbc.sql("select count(*) from pg_constraint where conname = ?")
                    .param(c[0] + "_" + c[1] + "_range").query(Integer.class).single()).as(c[1]).isOne();
        }
        for (String value : List.of("-infinity", "infinity", "1899-12-31", "10000-01-01", "4713-06-01 BC")) {
            assertThatThrownBy(() -> jdbc.sql("update party set birthdate = cast(? as date) where id = ?")
                    .params(value, id).update()).as(value).isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("party_birthdate_range");
            assertThatThrownBy(() -> jdbc.sql(
                    "update party_identifier set expiry_date = cast(? as date) where party_id = ?")
                    .params(value, id).update()).as(value).isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("party_identifier_expiry_date_range");
            assertThatThrownBy(() -> jdbc.sql(
                    "update party_phone set date_collected = cast(? as date) where party_id = ?")
                    .params(value, id).update()).as(value).isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("party_phone_date_collected_range");
        }
    }

    private Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration")
                .target(target).load();
    }

    @Test
    void theMigrationOnADatabaseAlreadyHoldingImpossibleDatesSucceedsAndReportsThem() {
        // the schema as it stood before V17, in a schema of its own, with a row the code of then let clients store
        String schema = "before_v17_" + unique();
        try {
            flyway(schema, "16").migrate();
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("set local search_path = " + schema + ", public").update();
                jdbc.sql("""
                        insert into record_version (subject_type, subject_id, version, recorded_at, actor, reason,
                          snapshot)
                        values ('registrant', 1, 1, now(), 'test', 'before V17', '{}')""").update();
                jdbc.sql("""
                        insert into party (id, is_group, name, search_name, birthdate, registration_date, state,
                          verification, membership_level, phone_verification, created_at, updated_at, version)
                        values (1, false, 'Old Row', 'old row', '-infinity', date '2020-01-01', 'enabled',
                          'not_verified', 'follower', 'not_verified', now(), now(), 1)""").update();
                jdbc.sql("""
                        insert into party_identifier (party_id, id_type_id, value, expiry_date)
                        values (1, (select id from id_type where name = 'National ID'), 'N1', '5000000-01-01')""")
                        .update();
            });

            var result = flyway(schema, "17").migrate();
            assertThat(result.success).isTrue();
            assertThat(result.targetSchemaVersion).isEqualTo("17");
            assertThat(jdbc.sql("select table_name || '.' || column_name || ' ' || row_id || ' ' || value from "
                    + schema + ".date_out_of_range order by table_name").query(String.class).list())
                    .containsExactly("party.birthdate 1 -infinity", "party_identifier.expiry_date 1 5000000-01-01");
            String validated = "select convalidated from pg_constraint where conname = ? and conrelid = cast(? as regclass)";
            assertThat(jdbc.sql(validated).params("party_birthdate_range", schema + ".party").query(Boolean.class)
                    .single()).isFalse();
            assertThat(jdbc.sql(validated).params("party_identifier_expiry_date_range", schema + ".party_identifier")
                    .query(Boolean.class).single()).isFalse();
            assertThat(jdbc.sql(validated).params("party_registration_date_range", schema + ".party")
                    .query(Boolean.class).single()).isTrue();
            // yet no new write may store such a date
            assertThatThrownBy(() -> jdbc.sql("update " + schema + ".party set registration_date = '-infinity'")
                    .update()).isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    @Test
    void theMigrationsCheckReportsDatesOutsideTheRangeAndValidatesTheConstraintsOnceTheyAreFixed() {
        StoredBeforeTheDateFix before = new StoredBeforeTheDateFix(jdbc, transactions);
        long id = person("Report" + unique());
        long document = jdbc.sql("select id from party_identifier where party_id = ?").param(id).query(Long.class)
                .single();
        before.write(id, StoredBeforeTheDateFix.MINUS_INFINITY, StoredBeforeTheDateFix.YEAR_5000000);
        assertThat(validated("party_birthdate_range")).isFalse();

        assertThat(before.check()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("""
                select table_name || '.' || column_name || ' ' || value from date_out_of_range
                where (table_name = 'party' and row_id = ?) or (table_name = 'party_identifier' and row_id = ?)
                order by table_name""").params(id, document).query(String.class).list())
                .containsExactly("party.birthdate -infinity", "party_identifier.expiry_date 5000000-01-01");
        assertThat(validated("party_birthdate_range")).isFalse();
        assertThat(validated("party_identifier_expiry_date_range")).isFalse();
        assertThat(validated("party_phone_date_collected_range")).isTrue();

        Api.Response fixed = api.patch("/api/v1/registry/individual/updateIdentification", obj("id_type",
                "National ID", "value", "NID" + unique(), "expiry_date", "2031-01-31", "partner_id", id),
                Api.session(adminSession()));
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(before.check()).isZero();
        assertThat(jdbc.sql("select count(*) from date_out_of_range").query(Integer.class).single()).isZero();
        for (String[] c : COLUMNS) {
            assertThat(validated(c[0] + "_" + c[1] + "_range")).as(c[1]).isTrue();
        }
    }
}
