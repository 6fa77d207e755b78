package org.populus.api.openg2p;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.populus.api.web.WarmUpRequests;
import org.populus.person.Registrant;
import org.populus.person.RegistrantKind;
import org.populus.person.RegistrantQuery;
import org.populus.person.NameSearches;
import org.springframework.stereotype.Component;

/** The OpenG2P reads warmed up at start: individuals by id, and one name search in ten. */
@Component
class OpenG2pWarmUp implements WarmUpRequests {

    private final NameSearches registrants;

    OpenG2pWarmUp(NameSearches registrants) {
        this.registrants = registrants;
    }

    @Override
    public List<String> paths(int limit) {
        List<Registrant> people = registrants.search(RegistrantQuery.of(RegistrantKind.INDIVIDUAL, null, null), 0, 0,
                limit);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < people.size() && paths.size() < limit; i++) {
            Registrant person = people.get(i);
            paths.add("/api/v1/registry/individual/" + person.id());
            String family = person.data().familyName();
            if (i % 10 == 0 && family != null && !family.isBlank()) {
                paths.add("/api/v1/registry/individual/?limit=20&name="
                        + URLEncoder.encode(family, StandardCharsets.UTF_8));
            }
        }
        return paths;
    }
}
