package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.populus.procedure.DuplicateMatching;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where duplicate matching stands: the changes still to be matched. Needs the registrar role. */
@RestController
@RequestMapping(path = AdminSecurity.MATCHING, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Matching", description = "Duplicate matching after every write; needs the registrar role")
class MatchingController {

    private final DuplicateMatching matching;

    MatchingController(DuplicateMatching matching) {
        this.matching = matching;
    }

    /** {@code pending}: versions of the change feed not matched yet; {@code active_here}: this instance matches. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StatusOut(long pending, boolean activeHere) {
    }

    @Operation(summary = "How many changes are still to be matched for possible duplicates")
    @GetMapping("/status")
    StatusOut status() {
        return new StatusOut(matching.pending(), matching.activeHere());
    }
}
