package org.populus.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.populus.household.GroupView;
import org.populus.household.Households;
import org.populus.household.MemberDraft;
import org.populus.person.CensusStatus;
import org.populus.person.PersonalData;
import org.populus.person.Registrant;
import org.populus.person.RegistrantDraft;
import org.populus.person.RegistrantKind;
import org.populus.person.Registrants;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/** "This record as of instant T" is exact: before, between, exactly on and after every version. */
class HistoryAsOfTest extends HttpTest {

    @Autowired
    Registrants registrants;

    @Autowired
    Households households;

    static RegistrantDraft individual(String family, String nid) {
        return new RegistrantDraft(RegistrantKind.INDIVIDUAL, new PersonalData(null, "Hanna", family, null, null,
                "female", java.time.LocalDate.of(1970, 1, 1), null, null, null, null, null, null, null, null, null,
                "{\"note\": \"v1\"}"), List.of(new RegistrantDraft.IdentifierDraft("National ID", nid, null, true)),
                List.of(new RegistrantDraft.PhoneDraft("+34612345678", null)), List.of(), null,
                CensusStatus.enabled());
    }

    @Test
    void aRecordChangedThreeTimesReadsExactlyAtEveryInstant() throws Exception {
        Provenance who = new Provenance("user:tester", "test");
        Registrant created = registrants.create(individual("Hist" + unique(), "NID" + unique()), who);
        long id = created.id();
        String[] values = {"A" + unique(), "B" + unique(), "C" + unique()};
        for (String v : values) {
            Thread.sleep(5);
            registrants.putIdentifier(id, "Passport", v, null, new Provenance("user:tester", "change " + v));
        }
        List<RecordVersion> versions = registrants.versions(id);
        assertThat(versions).hasSize(4);
        assertThat(versions).extracting(RecordVersion::reason).containsExactly("test", "change " + values[0],
                "change " + values[1], "change " + values[2]);

        Instant first = versions.get(0).recordedAt();
        assertThat(registrants.asOf(id, first.minus(1, ChronoUnit.MICROS))).isEmpty();
        assertThat(registrants.asOf(id, first.minusSeconds(3600))).isEmpty();
        assertThat(passport(id, first)).isNull();
        for (int i = 1; i < versions.size(); i++) {
            Instant on = versions.get(i).recordedAt();
            Instant justBefore = on.minus(1, ChronoUnit.MICROS);
            Instant between = versions.get(i - 1).recordedAt().plus(
                    java.time.Duration.between(versions.get(i - 1).recordedAt(), on).dividedBy(2));
            String previous = i == 1 ? null : values[i - 2];
            assertThat(passport(id, justBefore)).isEqualTo(previous);
            assertThat(passport(id, between)).isEqualTo(previous);
            assertThat(passport(id, on)).isEqualTo(values[i - 1]);
            assertThat(registrants.asOf(id, on).orElseThrow().version()).isEqualTo(i + 1);
        }
        Registrant latest = registrants.asOf(id, Instant.now().plusSeconds(3600)).orElseThrow();
        assertThat(passport(id, Instant.now())).isEqualTo(values[2]);
        // the whole record is there: attributes, documents, phones, additional information
        Registrant current = registrants.find(id).orElseThrow();
        assertThat(latest.data()).isEqualTo(current.data());
        assertThat(latest.identifiers()).isEqualTo(current.identifiers());
        assertThat(latest.phones()).isEqualTo(current.phones());
        assertThat(latest.status()).isEqualTo(current.status());
        assertThat(latest.data().additionalInfo()).isEqualTo("{\"note\": \"v1\"}");
    }

    @Test
    void aGroupsMemberListIsVersionedToo() {
        GroupView g = households.create(new RegistrantDraft(RegistrantKind.GROUP, new PersonalData("Casa " + unique(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                null, null, null, null, null), "Family", true,
                List.of(new MemberDraft(individual("Mem" + unique(), "NID" + unique()), List.of("Head"))),
                new Provenance("user:tester", "group test"));
        var version = households.asOf(g.group().id(), g.group().updatedAt()).orElseThrow();
        assertThat(version.members()).hasSize(1);
        assertThat(version.partialGroup()).isTrue();
        assertThat(households.asOf(g.group().id(), g.group().updatedAt().minusSeconds(1))).isEmpty();
    }

    @Test
    void historyRowsAreImmutableAndWritesWithoutAVersionAreRefused() {
        Registrant r = registrants.create(individual("Imm" + unique(), "NID" + unique()), Provenance.system("t"));
        assertThatThrownBy(() -> jdbc.sql("update record_version set actor = 'me' where subject_id = ?")
                .param(r.id()).update()).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from record_version where subject_id = ?").param(r.id()).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("update party set name = 'behind its back', version = version + 1 "
                + "where id = ?").param(r.id()).update()).hasMessageContaining("without its history version");
        assertThat(registrants.find(r.id()).orElseThrow().data().name()).isNotEqualTo("behind its back");
    }

    private String passport(long id, Instant at) {
        return registrants.asOf(id, at).flatMap(r -> r.identifiers().stream()
                .filter(i -> i.idTypeId() == passportTypeId()).findFirst()).map(i -> i.value()).orElse(null);
    }

    private long passportTypeId() {
        return jdbc.sql("select id from id_type where name = 'Passport'").query(Long.class).single();
    }
}
