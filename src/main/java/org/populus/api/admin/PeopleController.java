package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.populus.access.PersonVisibility;
import org.populus.api.admin.ReviewDtos.ProcedureOut;
import org.populus.api.admin.ReviewDtos.VersionOut;
import org.populus.api.web.Callers;
import org.populus.person.PeopleSearch;
import org.populus.person.Registrant;
import org.populus.person.NameSearches;
import org.populus.person.Registrants;
import org.populus.procedure.Issues;
import org.populus.procedure.Procedures;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * People found by name, and a person's history and procedures, for staff. The role {@code data} sees every person; a {@code registrar}
 * (who needs them while reviewing) only people who are not discarded — a cancelled or trashed person is a 403 for
 * them. Only individuals are people here; any other id is a 404.
 */
@RestController
@RequestMapping(path = AdminSecurity.PEOPLE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: People", description = "Name search, people's history and procedures; needs the data role "
        + "(registrar: people not discarded)")
class PeopleController {

    private final Registrants registrants;
    private final NameSearches names;
    private final Procedures procedures;
    private final Issues issues;
    private final JsonMapper json;

    PeopleController(Registrants registrants, NameSearches names, Procedures procedures, Issues issues,
            JsonMapper json) {
        this.registrants = registrants;
        this.names = names;
        this.procedures = procedures;
        this.issues = issues;
        this.json = json;
    }

    /** The most people a page of the search holds. */
    static final int MAX_SIZE = 100;

    @Operation(summary = "People whose name has a word starting with each word of q, in id order",
            description = "Case- and accent-insensitive: 'jose garc' finds José García López. Every word of q must "
                    + "start a word of the name; a one-letter word only narrows what the others find, so q needs a "
                    + "word of two letters or more. The total is counted up to 1000 (total_capped: more match). "
                    + "When no name matches, the names closest to q (typos) are answered instead, closest first, "
                    + "with fuzzy true. A registrar finds people who are not discarded; the role data finds all.")
    @GetMapping
    PeopleDtos.SearchOut search(
            @Parameter(description = "the name, or its beginning: words of the name, or their first letters")
            @RequestParam(required = false) String q,
            @Parameter(description = "the page, from 0 (default 0)") @RequestParam(required = false) Integer page,
            @Parameter(description = "people per page, 1 to " + MAX_SIZE + " (default 20)")
            @RequestParam(required = false) Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw AdminProblem.badRequest("page", "Parameter 'page' must not be negative.");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw AdminProblem.badRequest("size", "Parameter 'size' must be between 1 and " + MAX_SIZE + ".");
        }
        PeopleSearch search;
        try {
            search = PeopleSearch.of(q == null ? "" : q, visibility().discardedPeople());
        } catch (PeopleSearch.Invalid e) {
            throw AdminProblem.badRequest("q", "Parameter 'q': " + e.getMessage());
        }
        PeopleSearch.Result result = names.find(search, (long) p * s, s);
        return PeopleDtos.SearchOut.of(result, p, s, registrants::idTypeName, json);
    }

    @Operation(summary = "Every version of the person, oldest first, with who changed it and why")
    @GetMapping("/{id}/versions")
    List<VersionOut> versions(@PathVariable long id) {
        visible(id);
        if (!visibility().history()) {
            throw new AdminProblem(HttpStatus.FORBIDDEN, null, "A person's history needs the role 'data' or 'registrar'.");
        }
        return registrants.versions(id).stream().map(v -> VersionOut.of(v, json)).toList();
    }

    @Operation(summary = "Every procedure of the person, in any state, newest first")
    @GetMapping("/{id}/procedures")
    List<ProcedureOut> procedures(@PathVariable long id) {
        visible(id);
        if (!visibility().procedures()) {
            throw new AdminProblem(HttpStatus.FORBIDDEN, null,
                    "A person's procedures need the role 'data' or 'registrar'.");
        }
        boolean openIssues = !issues.list(false, id, 1, 0).isEmpty();
        return procedures.ofPerson(id).stream().map(p -> ProcedureOut.of(p, openIssues)).toList();
    }

    private Registrant visible(long id) {
        Registrant person = registrants.find(id).filter(r -> !r.isGroup())
                .orElseThrow(() -> AdminProblem.notFound("Person " + id + " does not exist."));
        if (!visibility().sees(person.discarded())) {
            throw new AdminProblem(HttpStatus.FORBIDDEN, null,
                    "Person " + id + " is discarded; discarded people need the role 'data'.");
        }
        return person;
    }

    /** What the caller may see of people: the policy the back office asks too. */
    private static PersonVisibility visibility() {
        return PersonVisibility.of(Callers.current());
    }
}
