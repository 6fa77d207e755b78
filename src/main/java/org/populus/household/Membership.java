package org.populus.household;

import java.time.LocalDate;
import java.util.List;

/** An individual's membership in a group, with its member kinds (catalogue ids). */
public record Membership(Long id, long individualId, List<Long> kindIds, LocalDate startDate,
        LocalDate endedDate) {

    public Membership {
        kindIds = List.copyOf(kindIds);
    }

    Membership withId(long newId) {
        return new Membership(newId, individualId, kindIds, startDate, endedDate);
    }
}
