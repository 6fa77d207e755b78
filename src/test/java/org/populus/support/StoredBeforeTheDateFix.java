package org.populus.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives a person the dates the code before the date ranges (issue 20) let clients store, exactly as it stored them:
 * the row took what the JDBC driver made of the date ({@code -infinity} for {@code -999999999-01-01} and for any day
 * before 4713 BC, {@code infinity} for {@code +999999999-12-31}, the day itself otherwise) and history took the date
 * as Java wrote it ({@code "-999999999-01-01"}), as a new version of the person.
 *
 * <p>Today's database refuses such a write (the date-range check constraints): they are dropped for the write and put
 * back {@code NOT VALID}, all in one transaction — the state the migration leaves a database in that already held
 * such rows. Before the constraints existed, the same write simply happens.
 */
public final class StoredBeforeTheDateFix {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public StoredBeforeTheDateFix(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A date as the old code stored it: in the row (SQL literal) and in history (JSON text). */
    public record Stored(String row, String snapshot) {
    }

    public static final Stored MINUS_INFINITY = new Stored("-infinity", "-999999999-01-01");
    public static final Stored BEFORE_4713_BC = new Stored("-infinity", "-4713-01-01");
    public static final Stored PLUS_INFINITY = new Stored("infinity", "+999999999-12-31");
    public static final Stored YEAR_5000000 = new Stored("5000000-01-01", "+5000000-01-01");
    public static final Stored YEAR_1000_BC = new Stored("1000-06-01 BC", "-0999-06-01");

    /**
     * Writes the person's birthdate and the expiry date of their first identity document as a new version (null
     * leaves one as it is).
     */
    public void write(long personId, Stored birthdate, Stored expiry) {
        transaction.executeWithoutResult(status -> {
            record Check(String table, String name, String definition) {
            }
            List<Check> checks = jdbc.sql("""
                    select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
                    where contype = 'c' and conrelid in ('party'::regclass, 'party_identifier'::regclass)
                      and conname like '%\\_range'""")
                    .query((rs, n) -> new Check(rs.getString(1), rs.getString(2), rs.getString(3))).list();
            for (Check c : checks) {
                jdbc.sql("alter table " + c.table() + " drop constraint " + c.name()).update();
            }
            String latest = jdbc.sql("""
                    select snapshot::text from record_version where subject_type = 'registrant' and subject_id = ?
                    order by version desc limit 1""").param(personId).query(String.class).single();
            ObjectNode snapshot = (ObjectNode) Api.JSON.readTree(latest);
            int version = snapshot.get("version").asInt() + 1;
            snapshot.put("version", version);
            if (birthdate != null) {
                ((ObjectNode) snapshot.get("data")).put("birthdate", birthdate.snapshot());
                jdbc.sql("update party set birthdate = cast(? as date) where id = ?")
                        .params(birthdate.row(), personId).update();
            }
            if (expiry != null) {
                JsonNode first = snapshot.get("identifiers").get(0);
                ((ObjectNode) first).put("expiryDate", expiry.snapshot());
                jdbc.sql("update party_identifier set expiry_date = cast(? as date) where id = ?")
                        .params(expiry.row(), first.get("id").asLong()).update();
            }
            jdbc.sql("update party set version = ? where id = ?").params(version, personId).update();
            jdbc.sql("""
                    insert into record_version (subject_type, subject_id, version, recorded_at, actor, reason, snapshot)
                    values ('registrant', ?, ?, clock_timestamp(), 'test:before-the-fix',
                            'dates as the code before the fix stored them', cast(? as jsonb))""")
                    .params(personId, version, Api.JSON.writeValueAsString(snapshot)).update();
            // the deferred check that the row's version is in history runs now: a table with pending trigger
            // events cannot be altered
            jdbc.sql("set constraints all immediate").update();
            for (Check c : checks) {
                String definition = c.definition().replace(" NOT VALID", "");
                jdbc.sql("alter table " + c.table() + " add constraint " + c.name() + " " + definition
                        + " not valid").update();
            }
        });
    }

    /**
     * What an operator runs once the people are fixed (docs/dates.md): the migration's check, which reports what is
     * still outside the ranges and validates the constraints of the columns that are clean again; the number of
     * dates still outside. -1 before the check existed.
     */
    public int check() {
        boolean exists = jdbc.sql("select to_regproc('check_date_ranges') is not null").query(Boolean.class).single();
        return exists ? jdbc.sql("select check_date_ranges()").query(Integer.class).single() : -1;
    }
}
