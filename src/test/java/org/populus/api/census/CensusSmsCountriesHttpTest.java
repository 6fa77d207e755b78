package org.populus.api.census;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.populus.PopulusApplication;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.person.PersonalData;
import org.populus.person.RegistrantDraft;
import org.populus.person.RegistrantKind;
import org.populus.person.Registrants;
import org.populus.support.Api;
import org.populus.support.Api.Response;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code POPULUS_SMS_ALLOWED_COUNTRY_CODES} through the Census API: an instance of its own (on the shared test
 * database) that texts Spanish numbers only.
 */
class CensusSmsCountriesHttpTest extends HttpTest {

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    Registrants registrants;

    @Test
    void aNumberOutsideTheAllowedCountriesIsAnInvalidPhoneAndNothingIsSent() throws Exception {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        Path dir = Path.of("target/test-data/sms-countries-" + unique());
        Path smsFile = dir.resolve("sms.jsonl");
        try (ConfigurableApplicationContext spanishOnly = new SpringApplicationBuilder(PopulusApplication.class).run(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--server.port=0", "--populus.data-dir=" + dir, "--populus.procedures.enabled=false",
                "--populus.sms.sender=file", "--populus.sms.file=" + smsFile,
                "--populus.sms.allowed-country-codes=34", "--spring.main.banner-mode=off",
                // keyless callers trusted with every origin, as in HttpTest: the person is made directly
                "--populus.census.network-origin=*")) {
            int port = ((WebServerApplicationContext) spanishOnly).getWebServer().getPort();
            Api other = new Api("http://127.0.0.1:" + port);
            long id = registrants.create(new RegistrantDraft(RegistrantKind.INDIVIDUAL, new PersonalData(null, "Sms",
                    "Country" + unique(), null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null), java.util.List.of(), java.util.List.of(), java.util.List.of(), null,
                    CensusStatus.enabled()), Provenance.system("test")).id();
            String path = "/api/v1/people/" + id + "@census/phone_verifications/new?phone=";

            Response french = other.get(path + "%2B33612345678");
            assertThat(french.status()).as(french.toString()).isEqualTo(422);
            assertThat(french.body()).isEqualTo("{\"phone\":[{\"error\":\"invalid\"}]}");
            assertThat(Files.exists(smsFile)).isFalse();
            assertThat(jdbc.sql("select count(*) from sms_sent where party_id = ?").param(id).query(Long.class)
                    .single()).isZero();

            Response spanish = other.get(path + "0034699" + (100000 + (int) (Math.random() * 800000)));
            assertThat(spanish.status()).as(spanish.toString()).isEqualTo(202);
            assertThat(Files.readAllLines(smsFile)).hasSize(1);
        }
    }
}
