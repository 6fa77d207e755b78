package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.populus.history.History;
import org.populus.history.History.FeedPosition;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The change feed: every registrant and household version in a stable order, for consumers without a broker. A
 * consumer asks from the cursor it was last given ({@code next}) and never misses a change, even one from a
 * transaction that began before and committed after those it has seen (history's
 * {@link History#changesAfter}). Needs the role {@code data}.
 */
@RestController
@RequestMapping(path = AdminSecurity.CHANGES, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: Changes", description = "The change feed of registrants and households; needs the data role")
class ChangesController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern CURSOR = Pattern.compile("([0-9]{1,19})\\.([0-9]{1,19})");

    private final History history;

    ChangesController(History history) {
        this.history = history;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminChanges")
    record ChangesOut(List<ChangeOut> changes,
            @Schema(description = "the cursor to ask from next (the one given when there is nothing new yet)")
            String next) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminChange")
    record ChangeOut(@Schema(description = "registrant or household") String type, long id, int version,
            Instant recordedAt, String actor, String reason,
            @Schema(description = "the fields that differ from the version before (every field of a first version)")
            List<String> changed,
            @Schema(description = "the cursor just after this change") String cursor) {
    }

    @Operation(summary = "The registrant and household versions after a cursor, in a stable order",
            description = "Without 'after' the feed starts from the first version. Versions from transactions still "
                    + "running, and those after them, are answered once those transactions end, so asking again "
                    + "from 'next' never skips a version.")
    @GetMapping
    ChangesOut changes(
            @Parameter(description = "a cursor from an earlier answer ('next', or a change's 'cursor')")
            @RequestParam(required = false) String after,
            @Parameter(description = "changes per answer, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
            @RequestParam(required = false) Integer limit) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw AdminProblem.badRequest("limit", "Parameter 'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        FeedPosition from = after == null ? FeedPosition.START : decode(after);
        List<ChangeOut> changes = history.changesAfter(from, n).stream()
                .map(c -> new ChangeOut(c.subjectType(), c.subjectId(), c.version(), c.recordedAt(), c.actor(),
                        c.reason(), c.changed(), encode(c.position())))
                .toList();
        return new ChangesOut(changes, changes.isEmpty() ? encode(from) : changes.get(changes.size() - 1).cursor());
    }

    static String encode(FeedPosition p) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((p.txid() + "." + p.id()).getBytes(StandardCharsets.US_ASCII));
    }

    static FeedPosition decode(String cursor) {
        try {
            Matcher m = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (m.matches()) {
                return new FeedPosition(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            }
        } catch (IllegalArgumentException e) {
            // not base64url, or a number too large: malformed like any other
        }
        throw AdminProblem.badRequest("after", "Parameter 'after' is not a cursor this feed gave.");
    }
}
