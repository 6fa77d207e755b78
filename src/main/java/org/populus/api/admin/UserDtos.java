package org.populus.api.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.populus.access.Role;
import org.populus.access.UserAccount;
import org.populus.access.UserAccounts;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Bodies of the user endpoints, in snake_case, with the checks made before they reach the domain (a body that
 * breaks one is a 422 naming the first field at fault, see {@link AdminErrors}). Request bodies refuse unknown
 * fields ({@link AdminJson}) but ignore the read-only fields of {@link UserOut}, so a fetched user can be sent back.
 */
final class UserDtos {

    /** Longest login. */
    static final int MAX_LOGIN = 100;
    /** Longest password in UTF-8: bcrypt uses no more. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final String PASSWORD_TOO_SHORT = "A password has at least " + UserAccounts.MIN_PASSWORD_LENGTH
            + " characters.";
    static final String PASSWORD_TOO_LONG = "A password has at most " + MAX_PASSWORD_BYTES + " bytes (in UTF-8).";

    private UserDtos() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminUser", description = "A user account; the password hash is never shown")
    record UserOut(String login, String displayName, List<String> roles, boolean disabled, Instant createdAt,
            Instant updatedAt, int version) {

        static UserOut of(UserAccount a) {
            return new UserOut(a.login(), a.displayName(),
                    a.roles().stream().sorted().map(Role::code).toList(), a.disabled(), a.createdAt(),
                    a.updatedAt(), a.version());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties({"disabled", "created_at", "updated_at", "version"})
    @Schema(name = "AdminNewUser")
    record NewUserIn(
            @Schema(description = "1 to 100 letters, digits or . _ @ + -", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull @Size(max = MAX_LOGIN) @NoNul String login,
            @Size(max = Checks.MAX_NAME) @SingleLine String displayName,
            @Schema(description = "8 characters or more (at most 72 bytes)",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull @Size(min = UserAccounts.MIN_PASSWORD_LENGTH, message = PASSWORD_TOO_SHORT)
            @MaxUtf8Bytes(value = MAX_PASSWORD_BYTES, message = PASSWORD_TOO_LONG) String password,
            @Schema(description = "role codes: registry-read, registry-write, admin, registrar, data",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull @RoleCodes List<String> roles) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties({"login", "display_name", "disabled", "created_at", "updated_at"})
    @Schema(name = "AdminUserRoles")
    record RolesIn(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @RoleCodes List<String> roles,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @PositiveOrZero Integer version) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties({"login", "display_name", "roles", "disabled", "created_at", "updated_at"})
    @Schema(name = "AdminVersion")
    record VersionIn(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @PositiveOrZero Integer version) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminPasswordReset")
    record PasswordIn(@Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull @Size(min = UserAccounts.MIN_PASSWORD_LENGTH, message = PASSWORD_TOO_SHORT)
            @MaxUtf8Bytes(value = MAX_PASSWORD_BYTES, message = PASSWORD_TOO_LONG) String password,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @PositiveOrZero Integer version) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties({"login", "roles", "disabled", "created_at", "updated_at"})
    @Schema(name = "AdminUserUpdate")
    record UserUpdateIn(@Schema(description = "null or absent clears it")
            @Size(max = Checks.MAX_NAME) @SingleLine String displayName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @PositiveOrZero Integer version) {
    }
}
