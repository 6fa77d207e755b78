package org.populus.api.office;

import java.util.List;
import org.populus.access.PersonVisibility;
import org.populus.api.web.Callers;
import org.populus.catalog.Catalog;
import org.populus.catalog.GroupKind;
import org.populus.catalog.MemberKind;
import org.populus.household.GroupView;
import org.populus.household.Households;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * A household: the group's data, its members with their kinds (linked to their pages), and its history. The same
 * rules as a person's page ({@link PersonVisibility}): a discarded group needs the role {@code data}, the history {@code data} or
 * {@code registrar}.
 */
@Controller
class OfficeHouseholdController {

    private final Registrants registrants;
    private final Households households;
    private final Catalog catalog;
    private final JsonMapper json;

    OfficeHouseholdController(Registrants registrants, Households households, Catalog catalog, JsonMapper json) {
        this.registrants = registrants;
        this.households = households;
        this.catalog = catalog;
        this.json = json;
    }

    /** A member as shown: the person, their kinds' names, and since / until when. */
    record MemberRow(Registrant person, List<String> kinds, java.time.LocalDate since, java.time.LocalDate until) {
    }

    @GetMapping(OfficeSection.HOUSEHOLDS_PATH + "/{id}")
    String household(@PathVariable long id,
            @RequestParam(name = Timeline.BELOW, required = false) Integer versionsBelow, Model model) {
        Registrant group = registrants.find(id).filter(Registrant::isGroup)
                .orElseThrow(() -> OfficeProblem.notFound("household.not-found", String.valueOf(id)));
        PersonVisibility visibility = PersonVisibility.of(Callers.current());
        if (!visibility.sees(group.discarded())) {
            throw OfficeProblem.forbidden("household.discarded", String.valueOf(id));
        }
        GroupView view = households.views(List.of(group)).get(0);
        model.addAttribute("group", group);
        model.addAttribute("kind", view.household().kindId() == null ? null
                : catalog.groupKind(view.household().kindId()).map(GroupKind::name).orElse(null));
        model.addAttribute("members", view.members().stream()
                .filter(m -> visibility.sees(m.individual().discarded()))
                .map(m -> new MemberRow(m.individual(), m.membership().kindIds().stream()
                        .map(k -> catalog.memberKind(k).map(MemberKind::name).orElse("#" + k)).toList(),
                        m.membership().startDate(), m.membership().endedDate())).toList());
        boolean history = visibility.history();
        model.addAttribute("history", history);
        if (history) {
            Timeline.addTo(model, versionsBelow, null, (below, count) -> households.versionsBelow(id, below, count),
                    json);
        }
        return "office/household";
    }
}
