package org.populus.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.history.Provenance;
import org.populus.person.CensusStatus;
import org.populus.procedure.Decision;
import org.populus.procedure.PersonDataInput;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Reviews;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact {@code information} JSON of each procedure type, as the Census procedures list and the Admin API
 * render it (both put the procedure's information into their bodies unchanged): keys, key order, nulls.
 */
class ProcedureInformationJsonTest extends ReviewHttpTest {

    private static final Provenance TEST = Provenance.system("test");

    @Autowired
    JsonMapper json;

    @Autowired
    Reviews reviews;

    private String information(Procedure p) {
        return json.writeValueAsString(p.information());
    }

    private String information(long personId, ProcedureType type) {
        return information(procedureOf(personId, type));
    }

    private static String letters() {
        return unique().chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
                .collect(java.util.stream.Collectors.joining());
    }

    @Test
    void aRegistrationHoldsItsPersonDataWithTheCallersExternalId() {
        String name = "Pin" + letters();
        String dni = dni();
        String email = "pin-" + unique() + "@example.org";
        int origin = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        String system = "test-" + unique();
        long id = procedures.register(new PersonDataInput(name, "Json", "Second", "dni", dni, "ES", "1980-01-01",
                "female", "Calle Mayor 1", "ES", "28001", email, "ES", null), origin + "@" + system,
                "origin_qualified_id", null, TEST);
        assertThat(information(id, ProcedureType.REGISTRATION)).isEqualTo("{\"person_data\":{\"email\":\"" + email
                + "\",\"gender\":\"female\",\"address\":\"Calle Mayor 1\",\"born_at\":\"1980-01-01\","
                + "\"first_name\":\"" + name + "\",\"last_name1\":\"Json\",\"last_name2\":\"Second\","
                + "\"scope_code\":\"ES\",\"document_id\":\"" + dni + "\",\"postal_code\":\"28001\","
                + "\"external_ids\":{\"" + system + "\":" + origin + "},\"document_type\":\"dni\","
                + "\"address_scope_code\":\"ES\",\"document_scope_code\":\"ES\"}}");
    }

    @Test
    void aDataChangeHoldsOnlyTheChangedFieldsMergedWithThePendingOnes() {
        long id = register(dni(), "x-" + unique() + "@mailinator.com");
        awaitOpenIssues(id); // holds the person's procedures pending, so the second change merges into the first
        procedures.requestDataChange(id, new PersonDataInput(null, null, null, null, null, null, null, null,
                "Calle Nueva 2", null, null, null, null, null), false, null, TEST);
        procedures.requestDataChange(id, new PersonDataInput(null, null, null, null, null, null, null, null,
                null, null, "28002", null, null, null), false, null, TEST);
        assertThat(information(id, ProcedureType.PERSON_DATA_CHANGE))
                .isEqualTo("{\"person_data\":{\"address\":\"Calle Nueva 2\",\"postal_code\":\"28002\"}}");
    }

    @Test
    void aPendingCancellationHoldsChannelAndReasonEvenWhenNull() {
        long id = register();
        awaitState(id, CensusStatus.State.ENABLED);
        jdbc.sql("insert into issue (type, key, state, information, created_at, version) values "
                + "('untrusted_email', ?, 'open', '{}', clock_timestamp(), 1)").param("pin-" + unique()).update();
        long issue = jdbc.sql("select max(id) from issue").query(Long.class).single();
        jdbc.sql("insert into issue_person (issue_id, party_id) values (?, ?)").params(issue, id).update();
        procedures.requestCancellation(id, "decidim", null, null, TEST);
        assertThat(information(id, ProcedureType.CANCELLATION)).isEqualTo("{\"reason\":null,\"channel\":\"decidim\"}");
    }

    @Test
    void anAcceptedCancellationAlsoHoldsTheStateItCancelled() {
        long id = enabledPerson();
        procedures.requestCancellation(id, "decidim", "moved away", null, TEST);
        awaitState(id, CensusStatus.State.CANCELLED);
        assertThat(information(id, ProcedureType.CANCELLATION))
                .isEqualTo("{\"reason\":\"moved away\",\"channel\":\"decidim\",\"from_state\":\"enabled\"}");
    }

    @Test
    void aMembershipLevelChangeHoldsTheLevelAskedFor() {
        long id = enabledPerson();
        procedures.requestMembershipLevel(id, "member", null, TEST);
        assertThat(information(id, ProcedureType.MEMBERSHIP_LEVEL_CHANGE))
                .isEqualTo("{\"to_membership_level\":\"member\"}");
    }

    @Test
    void aDocumentVerificationHoldsNoInformationOrTheFilesItWasStoredWith() {
        long id = enabledPerson();
        long stored = pendingDocumentVerification(id, null);
        assertThat(information(procedures.find(stored).orElseThrow())).isEqualTo("{\"files\":[]}");
        jdbc.sql("update procedure set information = '{}' where id = ?").param(stored).update();
        assertThat(information(procedures.find(stored).orElseThrow())).isEqualTo("{}");
    }

    @Test
    void aPhoneVerificationHoldsThePhoneVerified() throws Exception {
        long id = enabledPerson();
        String digits = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
        String phone = "+346" + digits;
        procedures.sendPhoneCode(id, phone, "es");
        procedures.verifyPhone(id, phone, lastCode(digits), null, TEST);
        assertThat(information(id, ProcedureType.PHONE_VERIFICATION)).isEqualTo("{\"phone\":\"" + phone + "\"}");
    }

    @Test
    void anAcceptanceOverOpenIssuesRecordsTheIssuesOverridden() {
        long id = register(dni(), "x-" + unique() + "@mailinator.com");
        long issue = awaitOpenIssues(id).get(0).id();
        Staff alice = staff(Role.REGISTRAR);
        Procedure registration = procedureOf(id, ProcedureType.REGISTRATION);
        String before = information(registration);
        Procedure accepted = reviews.decide(registration.id(), Decision.ACCEPT, alice.actor(), "checked", true);
        assertThat(information(accepted)).isEqualTo(before.substring(0, before.length() - 1)
                + ",\"overridden_issues\":[" + issue + "]}");
        assertThat(information(procedures.find(registration.id()).orElseThrow())).isEqualTo(information(accepted));
    }

    private static String lastCode(String phoneDigits) throws Exception {
        List<String> lines = Files.exists(SMS_FILE) ? Files.readAllLines(SMS_FILE) : List.of();
        String found = null;
        for (String line : lines) {
            if (line.contains(phoneDigits)) {
                Matcher m = Pattern.compile("(\\d{7})").matcher(line.substring(line.indexOf("\"body\"")));
                if (m.find()) {
                    found = m.group(1);
                }
            }
        }
        return found;
    }
}
