package org.populus.procedure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.populus.person.CensusPersonData;
import org.populus.person.CensusStatus;

/**
 * What a procedure asks for, one record per {@link ProcedureType}. Code that acts on a request goes through a
 * {@link Visitor}, so a new kind of request does not compile until every such place handles it. Stored as the
 * procedure's {@code information} JSON by {@link ProcedureInformation}, the only place that knows its keys.
 */
public sealed interface ProcedureRequest {

    ProcedureType type();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of request. */
    interface Visitor<R> {
        R registration(Registration registration);

        R dataChange(DataChange change);

        R cancellation(Cancellation cancellation);

        R membershipLevelChange(MembershipLevelChange change);

        R documentVerification(DocumentVerification verification);

        R phoneVerification(PhoneVerification verification);

        R unreadable(Unreadable request);
    }

    /** A registration: the person's data as registered, and the ids the calling systems gave them. */
    record Registration(CensusPersonData personData, Map<String, Long> externalIds) implements ProcedureRequest {

        public Registration {
            Objects.requireNonNull(personData, "personData");
            externalIds = Map.copyOf(externalIds);
        }

        @Override
        public ProcedureType type() {
            return ProcedureType.REGISTRATION;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.registration(this);
        }
    }

    /** A change of the person's data: only the fields to change are set. */
    record DataChange(CensusPersonData changes) implements ProcedureRequest {

        public DataChange {
            Objects.requireNonNull(changes, "changes");
        }

        /** This change with more changes added: a later value wins per field (the document's fields together). */
        DataChange with(CensusPersonData more) {
            return new DataChange(changes.with(more));
        }

        @Override
        public ProcedureType type() {
            return ProcedureType.PERSON_DATA_CHANGE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dataChange(this);
        }
    }

    /**
     * A cancellation asked by an application ({@code channel}) for a reason (may be null); once accepted, the state
     * the person was cancelled from ({@code null} before).
     */
    record Cancellation(String channel, String reason, CensusStatus.State fromState) implements ProcedureRequest {

        /** The same cancellation, recording the state it cancelled the person from. */
        Cancellation cancelledFrom(CensusStatus.State state) {
            return new Cancellation(channel, reason, state);
        }

        @Override
        public ProcedureType type() {
            return ProcedureType.CANCELLATION;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cancellation(this);
        }
    }

    /** A move to another membership level. */
    record MembershipLevelChange(CensusStatus.MembershipLevel level) implements ProcedureRequest {

        public MembershipLevelChange {
            Objects.requireNonNull(level, "level");
        }

        @Override
        public ProcedureType type() {
            return ProcedureType.MEMBERSHIP_LEVEL_CHANGE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.membershipLevelChange(this);
        }
    }

    /**
     * A verification of the person's identity from documents. Its files are attachments (see {@code Attachments});
     * {@code files} is a description of them that a stored request may hold (Populus writes none; {@code null}:
     * absent), kept as it was stored.
     */
    record DocumentVerification(List<Object> files) implements ProcedureRequest {

        /** A request as Populus makes it: the files are its attachments. */
        static final DocumentVerification WITH_ATTACHMENTS = new DocumentVerification(null);

        @Override
        public ProcedureType type() {
            return ProcedureType.DOCUMENT_VERIFICATION;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.documentVerification(this);
        }
    }

    /**
     * A stored request whose information cannot be read (as a bug or a bad manual edit would leave it): shown as
     * stored, and processing it fails (the queue retries it later) with {@link #failure()}.
     */
    record Unreadable(ProcedureType type, Map<String, Object> information, String problem)
            implements ProcedureRequest {

        public Unreadable {
            information = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(information));
        }

        /** Why acting on it is impossible. */
        IllegalStateException failure() {
            return new IllegalStateException("The information of this " + type.code() + " cannot be read: "
                    + problem);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unreadable(this);
        }
    }

    /** A phone the person proved they hold (the code sent to it came back). */
    record PhoneVerification(String phone) implements ProcedureRequest {

        @Override
        public ProcedureType type() {
            return ProcedureType.PHONE_VERIFICATION;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.phoneVerification(this);
        }
    }
}
