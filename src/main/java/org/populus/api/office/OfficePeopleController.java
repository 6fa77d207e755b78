package org.populus.api.office;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.populus.access.PersonVisibility;
import org.populus.api.web.Callers;
import org.populus.catalog.Catalog;
import org.populus.catalog.MemberKind;
import org.populus.catalog.Programme;
import org.populus.household.Household;
import org.populus.household.Households;
import org.populus.person.PeopleSearch;
import org.populus.person.QualifiedId;
import org.populus.person.Registrant;
import org.populus.person.NameSearches;
import org.populus.person.Registrants;
import org.populus.procedure.Issues;
import org.populus.shared.TextLimits;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Procedures;
import org.populus.verification.AttachmentInfo;
import org.populus.shared.DateRanges;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * People: the search (one box for a qualified id, an identifier value, a phone, an e-mail or a name) and a person's
 * page with their data, groups, procedures, issues, attachments and history. What a user sees is what the Admin
 * API gives them, from the one policy both ask ({@link PersonVisibility}): a discarded (cancelled or trashed) person
 * needs the role {@code data}; the history (the timeline and the record "as of" an instant) and the procedures
 * (with their comments and file names) {@code data} or {@code registrar}; the issues {@code registrar}.
 */
@Controller
class OfficePeopleController {

    /** People per page of results. */
    static final int PAGE_SIZE = 20;
    /** The longest search text (a name, an e-mail, a document or a qualified id is much shorter). */
    static final int MAX_QUERY = TextLimits.DISPLAY_NAME;

    private final Registrants registrants;
    private final NameSearches names;
    private final Households households;
    private final Procedures procedures;
    private final Issues issues;
    private final Catalog catalog;
    private final JsonMapper json;

    OfficePeopleController(Registrants registrants, NameSearches names, Households households, Procedures procedures,
            Issues issues, Catalog catalog, JsonMapper json) {
        this.registrants = registrants;
        this.names = names;
        this.households = households;
        this.procedures = procedures;
        this.issues = issues;
        this.catalog = catalog;
        this.json = json;
    }

    /** A page of people found: how they were found ({@code exact}: by a value; else by name), and paging. */
    record Results(List<Registrant> people, long total, boolean totalCapped, boolean fuzzy, boolean exact,
            int page, int pages) {
    }

    @GetMapping(OfficeSection.PEOPLE_PATH)
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("q", q == null ? "" : q);
        if (q == null || q.isBlank()) {
            return "office/people";
        }
        if (TextLimits.hasNul(q) || TextLimits.tooLong(q, MAX_QUERY)) {
            throw OfficeProblem.badRequest("people.bad-query", MAX_QUERY);
        }
        int p = page == null ? 0 : page;
        if (p < 0) {
            throw OfficeProblem.badRequest("people.bad-page");
        }
        boolean discarded = visibility().discardedPeople();
        String text = q.strip();
        boolean qualified = QualifiedId.parse(text).isPresent();
        Optional<Registrant> named = qualified ? registrants.findByQualifiedId(text)
                .filter(r -> discarded || !r.discarded()) : Optional.empty();
        if (named.isPresent()) {
            return "redirect:/office/people/" + named.get().id();
        }
        List<Long> exact = registrants.idsByIdentifierPhoneOrEmail(text, discarded, PeopleSearch.MAX_TOTAL + 1);
        if (!exact.isEmpty() || qualified) {
            long total = Math.min(exact.size(), PeopleSearch.MAX_TOTAL);
            List<Long> ids = exact.stream().skip((long) p * PAGE_SIZE).limit(PAGE_SIZE).toList();
            model.addAttribute("results", new Results(registrants.findAll(ids), total,
                    exact.size() > PeopleSearch.MAX_TOTAL, false, true, p, pages(total)));
            return "office/people";
        }
        PeopleSearch search;
        try {
            search = PeopleSearch.of(text, discarded);
        } catch (PeopleSearch.Invalid e) {
            if (text.indexOf('@') >= 0) {
                model.addAttribute("results", new Results(List.of(), 0, false, false, true, 0, 0));
                return "office/people";
            }
            throw OfficeProblem.badRequest("people.invalid", e.getMessage());
        }
        PeopleSearch.Result found = names.find(search, (long) p * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("results", new Results(found.people(), found.total(), found.totalCapped(), found.fuzzy(),
                false, p, pages(found.total())));
        return "office/people";
    }

    private static int pages(long total) {
        return (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** An identity document as shown: its type's name. */
    record IdentifierRow(String type, String value, java.time.LocalDate expiryDate, boolean primary) {
    }

    record ProgrammeRow(String name, String state, java.time.LocalDate enrolled, java.time.LocalDate exited) {
    }

    /** A group the person is or was in, with their member kinds there. */
    record GroupRow(long id, String name, List<String> kinds, java.time.LocalDate since,
            java.time.LocalDate until) {
    }

    record ProcedureRow(Procedure procedure, List<AttachmentInfo> attachments) {
    }

    @GetMapping(OfficeSection.PEOPLE_PATH + "/{id}")
    String person(@PathVariable long id, @RequestParam(required = false) String at,
            @RequestParam(name = Timeline.BELOW, required = false) Integer versionsBelow, Model model) {
        Registrant current = registrants.find(id).filter(r -> !r.isGroup())
                .orElseThrow(() -> OfficeProblem.notFound("person.not-found", String.valueOf(id)));
        PersonVisibility visibility = visibility();
        if (!visibility.sees(current.discarded())) {
            throw OfficeProblem.forbidden("person.discarded", String.valueOf(id));
        }
        boolean history = visibility.history();
        Registrant shown = current;
        if (at != null && !at.isBlank()) {
            if (!history) {
                throw OfficeProblem.forbidden("person.history-role");
            }
            Instant instant = instant(at);
            model.addAttribute("asOf", instant);
            model.addAttribute("at", at);
            Optional<Registrant> then = registrants.asOf(id, instant);
            if (then.isEmpty()) {
                model.addAttribute("notYet", true);
            } else {
                shown = then.get();
            }
        }
        model.addAttribute("current", current);
        model.addAttribute("person", shown);
        model.addAttribute("identifiers", identifiers(shown));
        model.addAttribute("programmes", shown.programmes().stream().map(e -> new ProgrammeRow(
                catalog.programme(e.programmeId()).map(Programme::name).orElse("#" + e.programmeId()), e.state(),
                e.enrollmentDate(), e.exitDate())).toList());
        model.addAttribute("groups", groups(id));
        model.addAttribute("seesProcedures", visibility.procedures());
        model.addAttribute("procedures", !visibility.procedures() ? List.of() : procedures.ofPerson(id).stream()
                .map(p -> new ProcedureRow(p, p.type() == ProcedureType.DOCUMENT_VERIFICATION
                        ? procedures.attachments(p.id()) : List.of()))
                .toList());
        model.addAttribute("seesIssues", visibility.issues());
        model.addAttribute("issues", visibility.issues() ? issues.list(true, id, 100, 0) : List.of());
        model.addAttribute("history", history);
        if (history) {
            Timeline.addTo(model, versionsBelow, at, (below, count) -> registrants.versionsBelow(id, below, count),
                    json);
        }
        return "office/person";
    }

    private List<IdentifierRow> identifiers(Registrant r) {
        return r.identifiers().stream().map(i -> new IdentifierRow(
                Optional.ofNullable(registrants.idTypeName(i.idTypeId())).orElse("#" + i.idTypeId()), i.value(),
                i.expiryDate(), i.primaryDocument())).toList();
    }

    private List<GroupRow> groups(long individualId) {
        List<Long> groupIds = households.groupIdsOf(individualId);
        Map<Long, Household> memberships = households.households(groupIds).stream()
                .collect(Collectors.toMap(Household::groupId, Function.identity()));
        List<GroupRow> rows = new ArrayList<>();
        for (Registrant group : registrants.findAll(groupIds)) {
            Household household = memberships.get(group.id());
            if (household == null || !visibility().sees(group.discarded())) {
                continue;
            }
            household.members().stream().filter(m -> m.individualId() == individualId).findFirst()
                    .ifPresent(m -> rows.add(new GroupRow(group.id(), group.data().name(),
                            m.kindIds().stream().map(k -> catalog.memberKind(k).map(MemberKind::name)
                                    .orElse("#" + k)).toList(),
                            m.startDate(), m.endedDate())));
        }
        return rows;
    }

    /**
     * The instant a {@code datetime-local} value names, read as UTC ({@code 2026-05-01T14:30}, seconds optional).
     */
    static Instant instant(String at) {
        Instant instant;
        try {
            instant = LocalDateTime.parse(at.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw OfficeProblem.badRequest("person.bad-as-of");
        }
        if (!DateRanges.holds(instant)) {
            throw OfficeProblem.badRequest("person.bad-as-of");
        }
        return instant;
    }

    private static PersonVisibility visibility() {
        return PersonVisibility.of(Callers.current());
    }
}
