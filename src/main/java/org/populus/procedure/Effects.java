package org.populus.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.populus.history.Provenance;
import org.populus.person.CensusPersonData;
import org.populus.person.CensusStatus;
import org.populus.person.PersonEvent;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.populus.procedure.ProcedureRequest.Cancellation;
import org.populus.procedure.ProcedureRequest.DataChange;
import org.populus.procedure.ProcedureRequest.DocumentVerification;
import org.populus.procedure.ProcedureRequest.MembershipLevelChange;
import org.populus.procedure.ProcedureRequest.PhoneVerification;
import org.populus.procedure.ProcedureRequest.Registration;
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
        return p.request().accept(new ProcedureRequest.Visitor<Boolean>() {
            @Override
            public Boolean registration(Registration registration) {
                return may(person, PersonEvent.ACCEPT);
            }

            @Override
            public Boolean dataChange(DataChange change) {
                return enabled;
            }

            @Override
            public Boolean cancellation(Cancellation cancellation) {
                return may(person, PersonEvent.CANCEL);
            }

            @Override
            public Boolean membershipLevelChange(MembershipLevelChange change) {
                return enabled && may(person, levelEvent(change));
            }

            @Override
            public Boolean documentVerification(DocumentVerification verification) {
                return enabled && may(person, PersonEvent.VERIFY);
            }

            @Override
            public Boolean phoneVerification(PhoneVerification verification) {
                return enabled;
            }
        });
    }

    /**
     * What an effect left: the request as it should be stored (a cancellation records the state it cancelled from)
     * and the person's version afterwards.
     */
    record Outcome(ProcedureRequest request, int personVersion) {
    }

    /** Applies the accepted procedure's effect. */
    Outcome accept(Procedure p, Registrant person, Provenance provenance) {
        long id = person.id();
        return p.request().accept(new ProcedureRequest.Visitor<Outcome>() {
            @Override
            public Outcome registration(Registration registration) {
                return unchanged(registrants.transition(id, provenance, PersonEvent.ACCEPT));
            }

            @Override
            public Outcome dataChange(DataChange change) {
                CensusPersonData changes = change.changes();
                CensusPersonData current = CensusPersonData.of(person, registrants::idTypeName);
                boolean document = changes.documentType() != null || changes.documentId() != null
                        || changes.documentScopeCode() != null;
                boolean documentChanged = document && (!same(changes.documentType(), current.documentType())
                        || !same(changes.documentId(), current.documentId())
                        || !same(changes.documentScopeCode(), current.documentScopeCode()));
                boolean phoneChanged = changes.phone() != null && !changes.phone().equals(current.phone());
                List<PersonEvent> events = new ArrayList<>();
                if (documentChanged) {
                    events.add(PersonEvent.UNVERIFY);
                }
                if (phoneChanged) {
                    events.add(PersonEvent.UNVERIFY_PHONE);
                }
                return unchanged(registrants.changeCensusData(id, changes, provenance,
                        events.toArray(PersonEvent[]::new)));
            }

            @Override
            public Outcome cancellation(Cancellation cancellation) {
                Cancellation done = cancellation.cancelledFrom(person.status().state());
                return new Outcome(done, registrants.transition(id, provenance, PersonEvent.CANCEL).version());
            }

            @Override
            public Outcome membershipLevelChange(MembershipLevelChange change) {
                return unchanged(registrants.transition(id, provenance, levelEvent(change)));
            }

            @Override
            public Outcome documentVerification(DocumentVerification verification) {
                return unchanged(registrants.transition(id, provenance, PersonEvent.VERIFY));
            }

            @Override
            public Outcome phoneVerification(PhoneVerification verification) {
                return unchanged(registrants.changeCensusData(id, phoneOnly(verification.phone()), provenance,
                        PersonEvent.VERIFY_PHONE));
            }

            private Outcome unchanged(Registrant after) {
                return new Outcome(p.request(), after.version());
            }
        });
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
            case PERSON_DATA_CHANGE, CANCELLATION, MEMBERSHIP_LEVEL_CHANGE, PHONE_VERIFICATION -> null;
        };
        if (event != null && may(person, event)) {
            return registrants.transition(person.id(), provenance, event).version();
        }
        return person.version();
    }

    private boolean may(Registrant person, PersonEvent event) {
        return person.may(event, registrants.today(), registrants.minimumAge());
    }

    private static PersonEvent levelEvent(MembershipLevelChange change) {
        return change.level() == CensusStatus.MembershipLevel.MEMBER ? PersonEvent.TO_MEMBER
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
