package org.populus.procedure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.populus.person.CensusPersonData;
import org.populus.person.CensusStatus;
import org.populus.procedure.ProcedureRequest.Cancellation;
import org.populus.procedure.ProcedureRequest.DataChange;
import org.populus.procedure.ProcedureRequest.DocumentVerification;
import org.populus.procedure.ProcedureRequest.MembershipLevelChange;
import org.populus.procedure.ProcedureRequest.PhoneVerification;
import org.populus.procedure.ProcedureRequest.Registration;

/**
 * A procedure's {@code information} JSON (as a map, stored as {@code jsonb}): its {@link ProcedureRequest} with the
 * Census attribute names, plus the issues a reviewer accepted it over ({@code overridden_issues}). The only place
 * that knows these keys. Keys come in the order PostgreSQL's {@code jsonb} keeps them (shorter first, then by
 * bytes), so a procedure shows the same JSON whether it was just made or read back.
 */
final class ProcedureInformation {

    private static final String PERSON_DATA = "person_data";
    private static final String EXTERNAL_IDS = "external_ids";
    private static final String CHANNEL = "channel";
    private static final String REASON = "reason";
    private static final String FROM_STATE = "from_state";
    private static final String TO_MEMBERSHIP_LEVEL = "to_membership_level";
    private static final String FILES = "files";
    private static final String PHONE = "phone";
    private static final String OVERRIDDEN_ISSUES = "overridden_issues";

    /** {@code jsonb}'s order of object keys: shorter first, then bytewise. */
    private static final Comparator<String> JSONB_ORDER = Comparator.<String>comparingInt(
            k -> k.getBytes(StandardCharsets.UTF_8).length)
            .thenComparing((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));

    private ProcedureInformation() {
    }

    /** A stored information read back: the request and the issues it was accepted over. */
    record Decoded(ProcedureRequest request, List<Long> overriddenIssues) {
    }

    static Map<String, Object> encode(ProcedureRequest request, List<Long> overriddenIssues) {
        Map<String, Object> information = request.accept(new ProcedureRequest.Visitor<Map<String, Object>>() {
            @Override
            public Map<String, Object> registration(Registration registration) {
                Map<String, Object> personData = PersonDataJson.toMap(registration.personData());
                if (!registration.externalIds().isEmpty()) {
                    personData.put(EXTERNAL_IDS, ordered(registration.externalIds()));
                }
                return single(PERSON_DATA, ordered(personData));
            }

            @Override
            public Map<String, Object> dataChange(DataChange change) {
                return single(PERSON_DATA, ordered(PersonDataJson.toMap(change.changes())));
            }

            @Override
            public Map<String, Object> cancellation(Cancellation cancellation) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(CHANNEL, cancellation.channel());
                m.put(REASON, cancellation.reason());
                if (cancellation.fromState() != null) {
                    m.put(FROM_STATE, cancellation.fromState().code());
                }
                return m;
            }

            @Override
            public Map<String, Object> membershipLevelChange(MembershipLevelChange change) {
                return single(TO_MEMBERSHIP_LEVEL, change.level().code());
            }

            @Override
            public Map<String, Object> documentVerification(DocumentVerification verification) {
                return verification.files() == null ? new LinkedHashMap<>() : single(FILES, verification.files());
            }

            @Override
            public Map<String, Object> phoneVerification(PhoneVerification verification) {
                return single(PHONE, verification.phone());
            }

            @Override
            public Map<String, Object> unreadable(ProcedureRequest.Unreadable request) {
                return new LinkedHashMap<>(request.information());
            }
        });
        if (!overriddenIssues.isEmpty()) {
            information.put(OVERRIDDEN_ISSUES, List.copyOf(overriddenIssues));
        }
        return ordered(information);
    }

    /**
     * The request and issues overridden the information holds; information that cannot be read gives an
     * {@link ProcedureRequest.Unreadable} request holding it as it is.
     */
    static Decoded decode(ProcedureType type, Map<String, Object> information) {
        try {
            return read(type, information);
        } catch (RuntimeException e) {
            return new Decoded(new ProcedureRequest.Unreadable(type, information, e.getMessage()), List.of());
        }
    }

    private static Decoded read(ProcedureType type, Map<String, Object> information) {
        ProcedureRequest request = switch (type) {
            case REGISTRATION -> {
                Map<?, ?> personData = information.get(PERSON_DATA) instanceof Map<?, ?> m ? m : Map.of();
                Map<String, Long> externalIds = new LinkedHashMap<>();
                if (personData.get(EXTERNAL_IDS) instanceof Map<?, ?> ids) {
                    ids.forEach((system, id) -> externalIds.put(system.toString(), ((Number) id).longValue()));
                }
                yield new Registration(PersonDataJson.fromMap(personData), externalIds);
            }
            case PERSON_DATA_CHANGE -> new DataChange(information.get(PERSON_DATA) instanceof Map<?, ?> m
                    ? PersonDataJson.fromMap(m) : CensusPersonData.none());
            case CANCELLATION -> new Cancellation(text(information, CHANNEL), text(information, REASON),
                    information.get(FROM_STATE) == null ? null
                            : CensusStatus.State.valueOf(text(information, FROM_STATE).toUpperCase(Locale.ROOT)));
            case MEMBERSHIP_LEVEL_CHANGE -> new MembershipLevelChange(
                    CensusStatus.MembershipLevel.MEMBER.code().equals(information.get(TO_MEMBERSHIP_LEVEL))
                            ? CensusStatus.MembershipLevel.MEMBER : CensusStatus.MembershipLevel.FOLLOWER);
            case DOCUMENT_VERIFICATION -> new DocumentVerification(
                    information.get(FILES) instanceof List<?> files
                            ? java.util.Collections.unmodifiableList(new java.util.ArrayList<Object>(files)) : null);
            case PHONE_VERIFICATION -> new PhoneVerification(text(information, PHONE));
        };
        List<Long> overridden = information.get(OVERRIDDEN_ISSUES) instanceof List<?> ids
                ? ids.stream().map(id -> ((Number) id).longValue()).toList() : List.of();
        return new Decoded(request, overridden);
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        Map<String, V> sorted = new TreeMap<>(JSONB_ORDER);
        sorted.putAll(m);
        return new LinkedHashMap<>(sorted);
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }
}
