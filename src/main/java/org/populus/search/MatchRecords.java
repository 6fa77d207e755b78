package org.populus.search;

import org.populus.matching.MatchRecord;
import org.populus.person.Identifier;
import org.populus.person.Phone;
import org.populus.person.PersonalData;
import org.populus.person.Registrant;

/** What the matching model compares of a registrant. */
final class MatchRecords {

    private MatchRecords() {
    }

    static MatchRecord of(Registrant r) {
        PersonalData d = r.data();
        return new MatchRecord(r.id(), d.givenName(), d.familyName(), d.secondFamilyName(), d.birthdate(),
                d.gender(), r.identifiers().stream().map(Identifier::value).toList(),
                r.phones().stream().map(Phone::number).toList(), d.address(), d.postalCode());
    }
}
