package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.populus.support.Api.obj;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.support.Api;
import org.populus.support.HttpTest;
import org.populus.support.StoredBeforeTheDateFix;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The back office and dates at the edges (issue 20, point 1): an "as of" the database cannot hold is a 400 page,
 * and a person whose dates were stored before the date ranges existed is found and shown without a 5xx.
 */
class OfficeExtremeDatesHttpTest extends HttpTest {

    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Autowired
    PlatformTransactionManager transactions;

    OfficeClient office;
    OfficePeopleData data;

    @BeforeEach
    void clients() {
        office = new OfficeClient(port, accounts);
        data = new OfficePeopleData(api, adminSession());
    }

    @Test
    void anAsOfTheDatabaseCannotHoldIsA400PageAndAnAncientOneFindsNobodyYet() {
        long id = data.individual("given_name", "Ada", "family_name", "Asof" + OfficePeopleData.letters());
        String cookie = office.signIn(Role.REGISTRAR);
        for (String at : List.of("-999999999-01-01T00:00", "-9999999-01-01T00:00", "+300000-01-01T00:00",
                "+999999999-12-31T23:59:59")) {
            var r = office.get("/office/people/" + id + "?at=" + OfficeClient.encode(at), cookie);
            assertThat(r.statusCode()).as(at).isEqualTo(400);
            assertThat(r.body()).as(at).contains("Give the date and time as YYYY-MM-DDTHH:MM (UTC).");
        }
        for (String at : List.of("0001-01-01T00:00", "1000-06-01T00:00")) {
            var r = office.get("/office/people/" + id + "?at=" + OfficeClient.encode(at), cookie);
            assertThat(r.statusCode()).as(at).isEqualTo(200);
            assertThat(r.body()).as(at).contains("The person did not exist yet");
        }
    }

    @Test
    void aPersonWhoseDatesWereStoredBeforeTheFixIsFoundAndShown() {
        String family = "Stored" + OfficePeopleData.letters();
        long id = data.individual("given_name", "Olga", "family_name", family, "birthdate", "1975-03-01", "ids",
                List.of(obj("id_type", "National ID", "value", "NID" + unique(), "expiry_date", "2031-12-31")));
        Instant before = Instant.now();
        StoredBeforeTheDateFix stored = new StoredBeforeTheDateFix(jdbc, transactions);
        stored.write(id, StoredBeforeTheDateFix.PLUS_INFINITY,
                StoredBeforeTheDateFix.MINUS_INFINITY);
        String cookie = office.signIn(Role.DATA);
        try {
            var search = office.get("/office/people?q=" + OfficeClient.encode(family), cookie);
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(search.body()).contains("href=\"/office/people/" + id + "\"");
            var page = office.get("/office/people/" + id, cookie);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains(family);
            var now = office.get("/office/people/" + id + "?at=" + PICKER.format(Instant.now().plusSeconds(1)),
                    cookie);
            assertThat(now.statusCode()).as(now.body()).isEqualTo(200);
            var then = office.get("/office/people/" + id + "?at=" + PICKER.format(before), cookie);
            assertThat(then.statusCode()).as(then.body()).isEqualTo(200);
            assertThat(then.body()).contains("1975-03-01");
        } finally {
            var fixed = api.patch("/api/v1/registry/individual/updateIdentification", obj("id_type", "National ID",
                    "value", "NID" + unique(), "expiry_date", "2032-01-31", "partner_id", id),
                    Api.session(adminSession()));
            assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        }
        assertThat(stored.check()).isZero();
    }
}
