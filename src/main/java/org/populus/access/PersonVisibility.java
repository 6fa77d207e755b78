package org.populus.access;

import java.util.Optional;

/**
 * What of a person a caller may see, from their roles: the one policy the Admin API and the back office both ask,
 * so a page never shows a user more than the API would give them.
 *
 * <ul>
 *   <li>every caller who may read the registry sees people who are not discarded, with their data;</li>
 *   <li>discarded (cancelled or trashed) people: role {@code data};</li>
 *   <li>the history (versions, the record as of an instant): {@code data} or {@code registrar};</li>
 *   <li>the procedures (states, decisions and their comments, attached file names): {@code data} or
 *       {@code registrar};</li>
 *   <li>the issues: {@code registrar}, who reviews them.</li>
 * </ul>
 */
public record PersonVisibility(boolean discardedPeople, boolean history, boolean procedures, boolean issues) {

    /** Nothing beyond people who are not discarded: an anonymous caller, or one with no role that adds more. */
    public static final PersonVisibility NONE = new PersonVisibility(false, false, false, false);

    public static PersonVisibility of(AuthenticatedUser user) {
        boolean data = user.has(Role.DATA);
        boolean registrar = user.has(Role.REGISTRAR);
        return new PersonVisibility(data, data || registrar, data || registrar, registrar);
    }

    public static PersonVisibility of(Optional<AuthenticatedUser> user) {
        return user.map(PersonVisibility::of).orElse(NONE);
    }

    /** Whether a person (or group) in this state may be seen at all. */
    public boolean sees(boolean discarded) {
        return !discarded || discardedPeople;
    }
}
