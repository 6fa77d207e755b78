package org.populus.person;

/**
 * An individual locked until the end of the current transaction ({@link Registrants#lock}), as it stands in that
 * transaction. Only a locked person can be changed through {@link Registrants}, and each change moves this handle
 * to the version it saved: one unit of work locks and reads a person once, however many changes it makes.
 */
public final class LockedPerson {

    private final MembershipPolicy policy;
    private Registrant current;

    LockedPerson(Registrant person, MembershipPolicy policy) {
        this.current = person;
        this.policy = policy;
    }

    /** The person as the last change in this transaction left it (or as read when locked). */
    public Registrant person() {
        return current;
    }

    public long id() {
        return current.id();
    }

    public int version() {
        return current.version();
    }

    public boolean discarded() {
        return current.discarded();
    }

    /** Whether the event is allowed for the person now. */
    public boolean may(PersonEvent event) {
        return policy.allows(current, event);
    }

    /** The person as being changed: a fresh copy of the current version for {@link Registrants} to edit. */
    Registrant editable() {
        return current.copy();
    }

    void saved(Registrant saved) {
        current = saved;
    }
}
