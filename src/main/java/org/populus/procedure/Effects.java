package org.populus.procedure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.populus.history.Provenance;
import org.populus.person.CensusPersonData;
import org.populus.person.CensusStatus;
import org.populus.person.PersonEvent;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.springframework.stereotype.Component;

/**
 * What accepting or rejecting a procedure does to its person (the original's {@code Procedures::*#process_accept}
 * and {@code #process_reject}), and whether accepting is possible now.
 */
@Component
class Effects {

    private final Registrants registrants;

    Effects(Registrants registrants) {
        this.registrants = registrants;
    }

    /** Whether the procedure can be accepted for this person now. */
    boolean acceptable(Procedure p, Registrant person) {
        boolean enabled = person.status().state() == CensusStatus.State.ENABLED;
        return switch (p.type()) {
            case REGISTRATION -> person.may(PersonEvent.ACCEPT, registrants.today(), registrants.minimumAge());
            case PERSON_DATA_CHANGE, PHONE_VERIFICATION -> enabled;
            case CANCELLATION -> person.may(PersonEvent.CANCEL, registrants.today(), registrants.minimumAge());
            case MEMBERSHIP_LEVEL_CHANGE -> enabled && person.may(levelEvent(p), registrants.today(),
                    registrants.minimumAge());
            case DOCUMENT_VERIFICATION -> enabled && person.may(PersonEvent.VERIFY, registrants.today(),
                    registrants.minimumAge());
        };
    }

    /**
     * What an effect left: the procedure's information as it should be stored (a cancellation records the state it
     * cancelled from) and the person's version afterwards.
     */
    record Outcome(Map<String, Object> information, int personVersion) {
    }

    /** Applies the accepted procedure's effect. */
    Outcome accept(Procedure p, Registrant person, Provenance provenance) {
        long id = person.id();
        if (p.type() == ProcedureType.CANCELLATION) {
            Map<String, Object> info = new LinkedHashMap<>(p.information());
            info.put("from_state", person.status().state().code());
            return new Outcome(info, registrants.transition(id, provenance, PersonEvent.CANCEL).version());
        }
        Registrant after = switch (p.type()) {
            case REGISTRATION -> registrants.transition(id, provenance, PersonEvent.ACCEPT);
            case PERSON_DATA_CHANGE -> {
                Object data = p.information().get("person_data");
                CensusPersonData changes = data instanceof Map<?, ?> m ? PersonDataJson.fromMap(m)
                        : CensusPersonData.none();
                CensusPersonData current = CensusPersonData.of(person, registrants::idTypeName);
                boolean document = changes.documentType() != null || changes.documentId() != null
                        || changes.documentScopeCode() != null;
                boolean documentChanged = document && (!same(changes.documentType(), current.documentType())
                        || !same(changes.documentId(), current.documentId())
                        || !same(changes.documentScopeCode(), current.documentScopeCode()));
                boolean phoneChanged = changes.phone() != null && !changes.phone().equals(current.phone());
                java.util.List<PersonEvent> events = new java.util.ArrayList<>();
                if (documentChanged) {
                    events.add(PersonEvent.UNVERIFY);
                }
                if (phoneChanged) {
                    events.add(PersonEvent.UNVERIFY_PHONE);
                }
                yield registrants.changeCensusData(id, changes, provenance, events.toArray(PersonEvent[]::new));
            }
            case CANCELLATION -> throw new IllegalStateException("handled above");
            case MEMBERSHIP_LEVEL_CHANGE -> registrants.transition(id, provenance, levelEvent(p));
            case PHONE_VERIFICATION -> registrants.changeCensusData(id, phoneOnly((String) p.information().get("phone")),
                    provenance, PersonEvent.VERIFY_PHONE);
            case DOCUMENT_VERIFICATION -> registrants.transition(id, provenance, PersonEvent.VERIFY);
        };
        return new Outcome(p.information(), after.version());
    }

    /**
     * Rejecting a registration trashes the person; rejecting a document verification asks for another one.
     *
     * @return the person's version afterwards
     */
    int reject(Procedure p, Registrant person, Provenance provenance) {
        PersonEvent event = switch (p.type()) {
            case REGISTRATION -> PersonEvent.TRASH;
            case DOCUMENT_VERIFICATION -> PersonEvent.REQUEST_VERIFICATION;
            default -> null;
        };
        if (event != null && person.may(event, registrants.today(), registrants.minimumAge())) {
            return registrants.transition(person.id(), provenance, event).version();
        }
        return person.version();
    }

    private static PersonEvent levelEvent(Procedure p) {
        return "member".equals(p.information().get("to_membership_level")) ? PersonEvent.TO_MEMBER
                : PersonEvent.TO_FOLLOWER;
    }

    private static CensusPersonData phoneOnly(String phone) {
        return new CensusPersonData(null, null, null, null, null, null, null, null, null, null, null, null, null,
                phone);
    }

    private static boolean same(String changed, String current) {
        return changed == null || Objects.equals(changed, current);
    }
}
