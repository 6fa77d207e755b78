package org.populus.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.populus.history.Provenance;
import org.populus.person.CensusPersonData;
import org.populus.person.CensusStatus;
import org.populus.person.LockedPerson;
import org.populus.person.MembershipPolicy;
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
    private final MembershipPolicy policy;

    Effects(Registrants registrants, MembershipPolicy policy) {
        this.registrants = registrants;
        this.policy = policy;
    }

    /** Whether the procedure can be accepted for this person now. */
    boolean acceptable(Procedure p, Registrant person) {
        Acceptance needed = acceptance(p.request());
        return (!needed.enabledPerson() || person.status().state() == CensusStatus.State.ENABLED)
                && (needed.event() == null || may(person, needed.event()));
    }

    /**
     * What accepting a request asks of its person: to be enabled already, and to allow the state-machine event the
     * acceptance fires ({@code null}: none; a data change's events depend on what it changes, see
     * {@link #dataChangeEvents}).
     */
    record Acceptance(boolean enabledPerson, PersonEvent event) {
    }

    static Acceptance acceptance(ProcedureRequest request) {
        return request.accept(new ProcedureRequest.Visitor<Acceptance>() {
            @Override
            public Acceptance registration(Registration registration) {
                return new Acceptance(false, PersonEvent.ACCEPT);
            }

            @Override
            public Acceptance dataChange(DataChange change) {
                return new Acceptance(true, null);
            }

            @Override
            public Acceptance cancellation(Cancellation cancellation) {
                return new Acceptance(false, PersonEvent.CANCEL);
            }

            @Override
            public Acceptance membershipLevelChange(MembershipLevelChange change) {
                return new Acceptance(true, levelEvent(change));
            }

            @Override
            public Acceptance documentVerification(DocumentVerification verification) {
                return new Acceptance(true, PersonEvent.VERIFY);
            }

            @Override
            public Acceptance phoneVerification(PhoneVerification verification) {
                return new Acceptance(true, null);
            }

            @Override
            public Acceptance unreadable(ProcedureRequest.Unreadable request) {
                throw request.failure();
            }
        });
    }

    /**
     * What an effect left: the request as it should be stored (a cancellation records the state it cancelled from)
     * and the person's version afterwards.
     */
    record Outcome(ProcedureRequest request, int personVersion) {
    }

    /** Applies the accepted procedure's effect to its (locked) person. */
    Outcome accept(Procedure p, LockedPerson person, Provenance provenance) {
        return p.request().accept(new ProcedureRequest.Visitor<Outcome>() {
            @Override
            public Outcome registration(Registration registration) {
                return unchanged(registrants.change(person, provenance, PersonEvent.ACCEPT));
            }

            @Override
            public Outcome dataChange(DataChange change) {
                CensusPersonData changes = change.changes();
                CensusPersonData current = CensusPersonData.of(person.person(), registrants::idTypeName);
                return unchanged(registrants.changeCensusData(person, changes, provenance,
                        dataChangeEvents(changes, current).toArray(PersonEvent[]::new)));
            }

            @Override
            public Outcome cancellation(Cancellation cancellation) {
                Cancellation done = cancellation.cancelledFrom(person.person().status().state());
                return new Outcome(done, registrants.change(person, provenance, PersonEvent.CANCEL).version());
            }

            @Override
            public Outcome membershipLevelChange(MembershipLevelChange change) {
                return unchanged(registrants.change(person, provenance, levelEvent(change)));
            }

            @Override
            public Outcome documentVerification(DocumentVerification verification) {
                return unchanged(registrants.change(person, provenance, PersonEvent.VERIFY));
            }

            @Override
            public Outcome phoneVerification(PhoneVerification verification) {
                return unchanged(registrants.changeCensusData(person, phoneOnly(verification.phone()), provenance,
                        PersonEvent.VERIFY_PHONE));
            }

            @Override
            public Outcome unreadable(ProcedureRequest.Unreadable request) {
                throw request.failure();
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
    int reject(Procedure p, LockedPerson person, Provenance provenance) {
        PersonEvent event = rejectionEvent(p.type());
        if (event != null && person.may(event)) {
            return registrants.change(person, provenance, event).version();
        }
        return person.version();
    }

    /** The event rejecting a procedure of this type fires on its person ({@code null}: none). */
    static PersonEvent rejectionEvent(ProcedureType type) {
        return switch (type) {
            case REGISTRATION -> PersonEvent.TRASH;
            case DOCUMENT_VERIFICATION -> PersonEvent.REQUEST_VERIFICATION;
            case PERSON_DATA_CHANGE, CANCELLATION, MEMBERSHIP_LEVEL_CHANGE, PHONE_VERIFICATION -> null;
        };
    }

    /**
     * The events a data change fires besides changing the data: a new document unverifies the person, a new phone
     * unverifies their phone (a field left out, or given as it is, changes nothing).
     */
    static List<PersonEvent> dataChangeEvents(CensusPersonData changes, CensusPersonData current) {
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
        return events;
    }

    private boolean may(Registrant person, PersonEvent event) {
        return policy.allows(person, event);
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
