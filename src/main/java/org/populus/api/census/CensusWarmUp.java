package org.populus.api.census;

import java.util.List;
import org.populus.api.web.WarmUpRequests;
import org.populus.person.RegistrantKind;
import org.populus.person.RegistrantQuery;
import org.populus.person.Registrants;
import org.springframework.stereotype.Component;

/** The Census reads warmed up at start: people by their {@code N@census} id. */
@Component
class CensusWarmUp implements WarmUpRequests {

    private final Registrants registrants;

    CensusWarmUp(Registrants registrants) {
        this.registrants = registrants;
    }

    @Override
    public List<String> paths(int limit) {
        return registrants.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, null), 0, 0, limit).stream()
                .map(person -> "/api/v1/people/" + person.id() + "@census").toList();
    }
}
