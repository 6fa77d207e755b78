package org.populus.household;

import java.util.List;
import org.populus.person.Registrant;

/** A group as the APIs show it: its registrant data, its household data and each member's registrant. */
public record GroupView(Registrant group, Household household, List<Member> members) {

    public record Member(Membership membership, Registrant individual) {
    }
}
