package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.populus.access.AuthenticatedUser;
import org.populus.api.web.Callers;
import org.populus.procedure.CensusReach;
import org.populus.procedure.CensusShare;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * People shared with a Census client origin beyond its own (docs/census-api.md#client-isolation): one person
 * ({@code person_id}) or every person of another origin ({@code person_origin}). Role {@code admin}. A share works
 * from the next request on; deleting it ends it.
 */
@RestController
@RequestMapping(path = CensusSharesController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Census shares", description = "People shared with a Census client origin beyond its own")
class CensusSharesController {

    static final String PATH = AdminErrors.PREFIX + "/census-shares";

    private final CensusReach reach;

    CensusSharesController(CensusReach reach) {
        this.reach = reach;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminCensusShare", description = "People shared with the clients of an origin")
    record ShareOut(long id, @Schema(description = "the origin whose clients reach the people") String origin,
            @Schema(description = "the person shared, or null") Long personId,
            @Schema(description = "the origin whose people are all shared, or null") String personOrigin,
            Instant createdAt, String createdBy) {

        static ShareOut of(CensusShare s) {
            return new ShareOut(s.id(), s.origin(), s.personId(), s.personOrigin(), s.createdAt(), s.createdBy());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminCensusShareIn", description = "origin, and exactly one of person_id and person_origin")
    record ShareIn(
            @Schema(description = "the origin whose clients will reach the people, e.g. 'decidim-2'",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Size(max = Checks.MAX_NAME) @NoNul String origin,
            @Schema(description = "one person to share (their N@census id)") Long personId,
            @Schema(description = "an origin whose people are all shared, now and later")
            @Size(max = Checks.MAX_NAME) @NoNul String personOrigin) {
    }

    @Operation(summary = "List the shares, oldest first; ?origin= those of one origin")
    @GetMapping
    List<ShareOut> list(@RequestParam(required = false) String origin) {
        return reach.shares(origin).stream().map(ShareOut::of).toList();
    }

    @Operation(summary = "Share one person {origin, person_id} or every person of an origin {origin, person_origin}")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ShareOut> create(@Valid @RequestBody(required = false) ShareIn body) {
        ShareIn in = Checks.body(body);
        if ((in.personId() == null) == (in.personOrigin() == null)) {
            throw AdminProblem.invalid("person_id", "Give exactly one of 'person_id' and 'person_origin'.");
        }
        CensusShare share = in.personId() != null
                ? reach.sharePerson(in.origin(), in.personId(), caller())
                : reach.shareOrigin(in.origin(), in.personOrigin(), caller());
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path(PATH + "/{id}")
                .buildAndExpand(share.id()).toUri();
        return ResponseEntity.created(location).body(ShareOut.of(share));
    }

    @Operation(summary = "End a share: its origin's clients stop reaching those people")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id) {
        reach.unshare(id);
        return ResponseEntity.noContent().build();
    }

    private static String caller() {
        return Callers.current().map(AuthenticatedUser::login).orElse(null);
    }
}
