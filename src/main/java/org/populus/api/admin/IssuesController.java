package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.populus.api.admin.ReviewDtos.IssueOut;
import org.populus.api.admin.ReviewDtos.ResolveIn;
import org.populus.api.web.Callers;
import org.populus.procedure.Issues;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues (duplicates, untrusted email or phone) and their resolution. Resolving one may mark the people not chosen
 * as fraud or mistake (which discards them); the pending procedures of everyone involved are then processed again.
 */
@RestController
@RequestMapping(path = AdminSecurity.ISSUES, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Issues", description = "Duplicates and fraud signals holding procedures; needs the registrar "
        + "role")
class IssuesController {

    private final Issues issues;

    IssuesController(Issues issues) {
        this.issues = issues;
    }

    @Operation(summary = "Issues, newest first: open ones (state=open, the default) or all (state=all)")
    @GetMapping
    List<IssueOut> list(@Parameter(description = "open (default) or all") @RequestParam(required = false) String state,
            @Parameter(description = "only issues concerning this person")
            @RequestParam(name = "person_id", required = false) Long personId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
        boolean all = all(state);
        Paging page = Paging.of(limit, offset);
        return issues.list(all, personId, page.limit(), page.offset()).stream().map(IssueOut::of).toList();
    }

    @Operation(summary = "One issue, open or resolved")
    @GetMapping("/{id}")
    IssueOut get(@PathVariable long id) {
        return IssueOut.of(issues.find(id).orElseThrow(() -> AdminProblem.notFound("Issue " + id
                + " does not exist.")));
    }

    @Operation(summary = "Resolve an open issue {resolution, chosen_person_id?, comment?}")
    @PostMapping(path = "/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    IssueOut resolve(@PathVariable long id, @Valid @RequestBody(required = false) ResolveIn body) {
        ResolveIn in = Checks.body(body);
        return IssueOut.of(issues.resolve(id, in.resolution(), in.chosenPersonId(), in.comment(), Callers.actor()));
    }

    private static boolean all(String state) {
        if (state == null || state.isEmpty() || state.equals("open")) {
            return false;
        }
        if (state.equals("all")) {
            return true;
        }
        throw AdminProblem.badRequest("state", "Parameter 'state' is open or all, not '" + Checks.shown(state)
                + "'.");
    }
}
