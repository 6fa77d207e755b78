package org.populus.household;

import java.util.List;
import org.populus.person.RegistrantDraft;

/** A new individual to create as a member of a new group, with its member kinds by name. */
public record MemberDraft(RegistrantDraft individual, List<String> kinds) {

    public MemberDraft {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
}
