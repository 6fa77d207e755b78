package org.populus.household;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;

/**
 * A group's household data: its kind and its members. Guards its invariants: an individual belongs once, and a
 * unique member kind (Head) is held by one active member only.
 */
public record Household(long groupId, int version, Long kindId, Boolean partialGroup, List<Membership> members) {

    public Household {
        members = List.copyOf(members);
    }

    static Household of(long groupId, Long kindId, Boolean partialGroup, List<Membership> members,
            LongPredicate uniqueKind, java.util.function.LongFunction<String> kindName) {
        Set<Long> individuals = new HashSet<>();
        Set<Long> uniqueKindsTaken = new HashSet<>();
        for (Membership m : members) {
            if (!individuals.add(m.individualId())) {
                throw new RuleViolation(Rule.MEMBER_REPEATED, "members", String.valueOf(m.individualId()),
                        "Duplication of Member is not allowed.");
            }
            if (m.endedDate() != null) {
                continue;
            }
            for (long kind : m.kindIds()) {
                if (uniqueKind.test(kind) && !uniqueKindsTaken.add(kind)) {
                    String name = kindName.apply(kind);
                    throw new RuleViolation(Rule.UNIQUE_MEMBER_KIND_TAKEN, "kind", name,
                            "Only one " + name + " is allowed per group.");
                }
            }
        }
        return new Household(groupId, 0, kindId, partialGroup, members);
    }

    @Override
    public List<Membership> members() {
        return Collections.unmodifiableList(members);
    }
}
