package org.populus.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.populus.person.CensusPersonData;
import org.populus.person.CensusStatus;

/** The information JSON of each request, written and read back, without a database. */
class ProcedureInformationTest {

    private static final CensusPersonData DATA = new CensusPersonData("Ana", "Ruiz", null, "dni", "00000001R", "ES",
            LocalDate.of(1980, 1, 1), "female", "Calle Mayor 1", "ES", "28001", "ana@example.org", "ES", null);

    private static ProcedureRequest roundTrip(ProcedureRequest request) {
        ProcedureInformation.Decoded decoded = ProcedureInformation.decode(request.type(),
                ProcedureInformation.encode(request, List.of()));
        assertThat(decoded.overriddenIssues()).isEmpty();
        return decoded.request();
    }

    @Test
    void everyKindOfRequestReadsBackAsWritten() {
        List<ProcedureRequest> requests = List.of(
                new ProcedureRequest.Registration(DATA, Map.of("decidim-1", 8926202L)),
                new ProcedureRequest.DataChange(new CensusPersonData(null, null, null, null, null, null, null, null,
                        "Calle Nueva 2", null, "28002", null, null, null)),
                new ProcedureRequest.Cancellation("decidim", null, null),
                new ProcedureRequest.Cancellation("decidim", "moved", CensusStatus.State.ENABLED),
                new ProcedureRequest.MembershipLevelChange(CensusStatus.MembershipLevel.MEMBER),
                new ProcedureRequest.MembershipLevelChange(CensusStatus.MembershipLevel.FOLLOWER),
                ProcedureRequest.DocumentVerification.WITH_ATTACHMENTS,
                new ProcedureRequest.DocumentVerification(List.of()),
                new ProcedureRequest.PhoneVerification("+34600000001"));
        for (ProcedureRequest request : requests) {
            assertThat(roundTrip(request)).isEqualTo(request);
        }
    }

    @Test
    void keysComeInJsonbOrderShorterFirstThenBytewise() {
        Map<String, Object> information = ProcedureInformation.encode(
                new ProcedureRequest.Cancellation("decidim", "moved", CensusStatus.State.ENABLED), List.of(3L));
        assertThat(information.keySet()).containsExactly("reason", "channel", "from_state", "overridden_issues");
        @SuppressWarnings("unchecked")
        Map<String, Object> personData = (Map<String, Object>) ProcedureInformation.encode(
                new ProcedureRequest.Registration(DATA, Map.of()), List.of()).get("person_data");
        assertThat(personData.keySet()).containsExactly("email", "gender", "address", "born_at", "first_name",
                "last_name1", "scope_code", "document_id", "postal_code", "document_type", "address_scope_code",
                "document_scope_code");
    }

    @Test
    void aCancellationKeepsANullReason() {
        assertThat(ProcedureInformation.encode(new ProcedureRequest.Cancellation("decidim", null, null), List.of()))
                .containsEntry("reason", null).containsOnlyKeys("channel", "reason");
    }

    @Test
    void theIssuesOverriddenReadBackBesideTheRequest() {
        var request = new ProcedureRequest.PhoneVerification("+34600000001");
        Map<String, Object> stored = new LinkedHashMap<>(ProcedureInformation.encode(request, List.of(4L, 9L)));
        stored.put("overridden_issues", List.of(4, 9)); // as JSON numbers come back from the database
        ProcedureInformation.Decoded decoded = ProcedureInformation.decode(ProcedureType.PHONE_VERIFICATION, stored);
        assertThat(decoded.request()).isEqualTo(request);
        assertThat(decoded.overriddenIssues()).containsExactly(4L, 9L);
    }

    @Test
    void externalIdsReadBackAsLongsWhateverTheirJsonNumberType() {
        Map<String, Object> personData = new LinkedHashMap<>();
        personData.put("first_name", "Ana");
        personData.put("external_ids", Map.of("decidim-1", 8926202));
        var decoded = (ProcedureRequest.Registration) ProcedureInformation.decode(ProcedureType.REGISTRATION,
                Map.of("person_data", personData)).request();
        assertThat(decoded.externalIds()).containsExactly(Map.entry("decidim-1", 8926202L));
    }

    @Test
    void unreadableInformationIsKeptAsStoredAndRefusesToBeActedOn() {
        Map<String, Object> stored = Map.of("person_data", Map.of("born_at", "not a date"));
        ProcedureRequest request = ProcedureInformation.decode(ProcedureType.PERSON_DATA_CHANGE, stored).request();
        assertThat(request).isInstanceOf(ProcedureRequest.Unreadable.class);
        assertThat(request.type()).isEqualTo(ProcedureType.PERSON_DATA_CHANGE);
        assertThat(ProcedureInformation.encode(request, List.of())).isEqualTo(stored);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Effects.acceptance(request))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a date");
    }
}
