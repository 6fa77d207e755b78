package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.populus.api.admin.ReviewDtos.CommentIn;
import org.populus.api.admin.ReviewDtos.ProcedureOut;
import org.populus.api.web.Callers;
import org.populus.procedure.Decision;
import org.populus.procedure.Issues;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Reviews;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff review of Census procedures: the pending list in review order, claims, decisions and undo. The reviewer is
 * the caller ({@code user:<login>}, as in history); only they may undo their decision, within the undo window.
 */
@RestController
@RequestMapping(path = AdminSecurity.PROCEDURES, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Procedures", description = "Review of Census procedures; needs the registrar role")
class ProceduresController {

    private final Reviews reviews;
    private final Issues issues;

    ProceduresController(Reviews reviews, Issues issues) {
        this.reviews = reviews;
        this.issues = issues;
    }

    @Operation(summary = "Pending procedures in review order: recently prioritized first, then those whose person "
            + "has no open issue, then the rest")
    @GetMapping
    List<ProcedureOut> pending(
            @Parameter(description = "only procedures of this type, e.g. document_verification")
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Long offset) {
        Paging page = Paging.of(limit, offset);
        return reviews.pending(type(type), page.limit(), page.offset()).stream()
                .map(item -> ProcedureOut.of(item.procedure(), item.openIssues())).toList();
    }

    @Operation(summary = "One procedure, in any state")
    @GetMapping("/{id}")
    ProcedureOut get(@PathVariable long id) {
        return out(reviews.find(id).orElseThrow(() -> AdminProblem.notFound("Procedure " + id + " does not exist.")));
    }

    @Operation(summary = "Claim a pending procedure for review; 409 while another reviewer holds it")
    @PostMapping("/{id}/claim")
    ProcedureOut claim(@PathVariable long id) {
        return out(reviews.claim(id, Callers.actor()));
    }

    @Operation(summary = "Give up the caller's claim on a pending procedure")
    @DeleteMapping("/{id}/claim")
    ProcedureOut release(@PathVariable long id) {
        return out(reviews.release(id, Callers.actor()));
    }

    @Operation(summary = "Claim the next procedure that can be accepted now; 204 when there is none")
    @PostMapping("/next")
    ResponseEntity<ProcedureOut> next(@Parameter(description = "only procedures of this type")
            @RequestParam(required = false) String type) {
        return reviews.claimNext(type(type), Callers.actor()).map(p -> ResponseEntity.ok(out(p)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Operation(summary = "Accept a pending procedure {comment?, override_issues?}, with its effect on the person; "
            + "refused (409 person_has_open_issue) while the person has an open issue, unless override_issues is "
            + "true and a comment says why")
    @PostMapping(path = "/{id}/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProcedureOut accept(@PathVariable long id, @Valid @RequestBody(required = false) CommentIn body) {
        return decide(id, Decision.ACCEPT, body);
    }

    @Operation(summary = "Reject a pending procedure {comment}: a registration trashes the person, a document "
            + "verification asks for another one")
    @PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProcedureOut reject(@PathVariable long id, @Valid @RequestBody(required = false) CommentIn body) {
        return decide(id, Decision.REJECT, body);
    }

    @Operation(summary = "Dismiss a pending procedure {comment}, without effect on the person")
    @PostMapping(path = "/{id}/dismiss", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProcedureOut dismiss(@PathVariable long id, @Valid @RequestBody(required = false) CommentIn body) {
        return decide(id, Decision.DISMISS, body);
    }

    @Operation(summary = "Undo the caller's own accept or reject within the undo window: the procedure is pending "
            + "again and the person as before")
    @PostMapping("/{id}/undo")
    ProcedureOut undo(@PathVariable long id) {
        return out(reviews.undo(id, Callers.actor()));
    }

    private ProcedureOut decide(long id, Decision decision, CommentIn body) {
        String comment = null;
        boolean overrideIssues = false;
        if (body != null) {
            comment = body.comment();
            overrideIssues = Boolean.TRUE.equals(body.overrideIssues());
        }
        return out(reviews.decide(id, decision, Callers.actor(), comment, overrideIssues));
    }

    private ProcedureOut out(Procedure p) {
        return ProcedureOut.of(p, !issues.list(false, p.personId(), 1, 0).isEmpty());
    }

    /** The type a query names; null for all; an unknown one is a 400. */
    static ProcedureType type(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        return ProcedureType.of(code).orElseThrow(() -> AdminProblem.badRequest("type", "Unknown procedure type '"
                + Checks.shown(code) + "'; the types are " + Arrays.stream(ProcedureType.values())
                        .map(ProcedureType::code).collect(Collectors.joining(", ")) + "."));
    }
}
