package org.populus.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.populus.history.RecordVersion;
import org.populus.procedure.Issue;
import org.populus.procedure.Procedure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/** Bodies of the review endpoints (procedures, issues, people's history), in snake_case. */
final class ReviewDtos {

    /** Longest resolution code. */
    static final int MAX_RESOLUTION = 50;

    private ReviewDtos() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminProcedure", description = "A Census procedure; reviewers appear as user:<login>, "
            + "procedures the queue processed have processed_by null")
    record ProcedureOut(long id, long personId,
            @Schema(description = "registration, person_data_change, cancellation, membership_level_change, "
                    + "document_verification or phone_verification") String type,
            @Schema(description = "pending, accepted, rejected or dismissed") String state,
            Map<String, Object> information, String comment, Instant prioritizedAt, Instant createdAt,
            Instant updatedAt, String claimedBy, Instant claimedAt, String processedBy, Instant processedAt,
            @Schema(description = "whether the person has an open issue") boolean openIssues, int version) {

        static ProcedureOut of(Procedure p, boolean openIssues) {
            return new ProcedureOut(p.id(), p.personId(), p.type().code(), p.state().code(), p.information(),
                    p.comment(), p.prioritizedAt(), p.createdAt(), p.updatedAt(), p.claimedBy(), p.claimedAt(),
                    p.processedBy(), p.processedAt(), openIssues, p.version());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminIssue", description = "A duplicate or fraud signal holding people's procedures for review")
    record IssueOut(long id,
            @Schema(description = "duplicated_document, duplicated_person, untrusted_email, untrusted_phone or "
                    + "duplicated_verified_phone") String type,
            String key, @Schema(description = "open or resolved") String state, Map<String, Object> information,
            List<Long> personIds, List<Long> procedureIds, String resolution, String comment, String resolvedBy,
            Instant resolvedAt, Instant createdAt) {

        static IssueOut of(Issue i) {
            return new IssueOut(i.id(), i.type().code(), i.key(), i.open() ? "open" : "resolved", i.information(),
                    i.personIds(), i.procedureIds(), i.resolution(), i.comment(), i.resolvedBy(), i.resolvedAt(),
                    i.createdAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminPersonVersion", description = "One version of a person as history recorded it")
    record VersionOut(int version, Instant recordedAt, String actor, String reason,
            @Schema(description = "the whole person as it then was, in the history's own format") JsonNode snapshot) {

        static VersionOut of(RecordVersion v, JsonMapper json) {
            return new VersionOut(v.version(), v.recordedAt(), v.actor(), v.reason(), json.readTree(v.snapshot()));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminReviewComment")
    record CommentIn(@Schema(description = "required to reject or dismiss, and to accept over open issues; "
            + "optional to accept") @Size(max = Checks.MAX_DESCRIPTION) @NoNul String comment,
            @Schema(description = "accept only: accept although the person has open issues (recorded on the "
                    + "procedure and in the person's history); without it such an accept is refused with reason "
                    + "person_has_open_issue") Boolean overrideIssues) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminIssueResolution")
    record ResolveIn(
            @Schema(description = "duplicates: fraud, mistake or not_duplicate; untrusted email or phone: trusted or "
                    + "not_trusted; duplicated verified phone: reassign, fraud or not_duplicate",
                    requiredMode = RequiredMode.REQUIRED)
            @NotNull @Size(max = MAX_RESOLUTION) @NoNul String resolution,
            @Schema(description = "the person who keeps the document, identity or phone (fraud, mistake, "
                    + "reassign)") Long chosenPersonId,
            @Size(max = Checks.MAX_DESCRIPTION) @NoNul String comment) {
    }
}
