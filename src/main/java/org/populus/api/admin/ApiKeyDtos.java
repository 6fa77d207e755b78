package org.populus.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.populus.access.ApiKey;
import org.populus.access.NewApiKey;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Bodies of the API key endpoints, in snake_case. The secret appears only in {@link CreatedOut}. */
final class ApiKeyDtos {

    private ApiKeyDtos() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminApiKey", description = "A client application's API key; never its secret")
    record ApiKeyOut(long id, String name,
            @Schema(description = "the calling system whose people the key reaches, as in 8926202@decidim-1")
            String origin,
            @Schema(description = "the key's first characters, to tell keys apart") String prefix,
            boolean active, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy,
            @Schema(description = "when the key was last accepted, to the minute") Instant lastUsedAt,
            int version) {

        static ApiKeyOut of(ApiKey k) {
            return new ApiKeyOut(k.id(), k.name(), k.origin(), k.prefix(), k.active(), k.createdAt(), k.createdBy(),
                    k.revokedAt(), k.revokedBy(), k.lastUsedAt(), k.version());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminNewApiKey", description = "A key just created; 'key' is shown this once only")
    record CreatedOut(long id, String name, String origin, String prefix,
            @Schema(description = "the secret: send it as 'Authorization: Bearer <key>'; it cannot be shown again")
            String key,
            Instant createdAt) {

        static CreatedOut of(NewApiKey k) {
            return new CreatedOut(k.key().id(), k.key().name(), k.key().origin(), k.key().prefix(), k.secret(),
                    k.key().createdAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminApiKeyIn")
    record ApiKeyIn(
            @Schema(description = "the client application, e.g. 'decidim'; unique among the keys in use",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank @Size(max = Checks.MAX_NAME) @NoNul @ApiKeyName String name,
            @Schema(description = "the calling system whose people the key reaches, as its qualified ids write it "
                    + "(decidim-1 in 8926202@decidim-1); the name when left out")
            @Size(max = Checks.MAX_NAME) @NoNul String origin) {

        /** Without an origin: made from the name. */
        ApiKeyIn(String name) {
            this(name, null);
        }
    }
}
