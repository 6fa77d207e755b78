package org.populus.api.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.populus.catalog.Gender;
import org.populus.catalog.GroupKind;
import org.populus.catalog.IdType;
import org.populus.catalog.MemberKind;
import org.populus.catalog.Programme;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Bodies of the catalogue endpoints, in snake_case. A POST body has the entry's fields; a PUT body replaces
 * them all and adds the {@code version} that was read. Unknown fields are refused ({@link AdminJson}); {@code id} is ignored, so a
 * fetched entry can be sent back.
 */
final class CatalogDtos {

    private CatalogDtos() {
    }

    // ---- ID types ------------------------------------------------------------------------------------------

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminIdType")
    record IdTypeOut(long id, String name, String validationRegex, boolean uniqueValues, int version)
            implements CatalogController.Identified {
        static IdTypeOut of(IdType t) {
            return new IdTypeOut(t.id(), t.name(), t.validationRegex(), t.uniqueValues(), t.version());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties({"id"})
    @Schema(name = "AdminIdTypeIn")
    record IdTypeIn(@Schema(requiredMode = RequiredMode.REQUIRED) @NotBlank @Size(max = Checks.MAX_NAME) @SingleLine
            String name,
            @Schema(description = "Java regular expression a whole value must match; null or absent for none")
            @Size(max = Checks.MAX_REGEX) @NoNul String validationRegex,
            @Schema(description = "one value belongs to one registrant only; default true on create, "
                    + "required on update",
                    requiredMode = RequiredMode.NOT_REQUIRED)
            @NotNull(groups = CatalogController.Replace.class) Boolean uniqueValues,
            @Schema(description = "required on update",
                    requiredMode = RequiredMode.NOT_REQUIRED)
            @NotNull(groups = CatalogController.Replace.class) @PositiveOrZero(groups = CatalogController.Replace.class)
            Integer version) implements CatalogController.Body {
    }

    // ---- genders -------------------------------------------------------------------------------------------

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminGender")
    record GenderOut(long id, String code, String value, boolean active, int version)
            implements CatalogController.Identified {
        static GenderOut of(Gender g) {
            return new GenderOut(g.id(), g.code(), g.value(), g.active(), g.version());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties({"id"})
    @Schema(name = "AdminGenderIn")
    record GenderIn(@Schema(description = "what clients send, compared case-insensitively",
            requiredMode = RequiredMode.REQUIRED) @NotBlank @Size(max = Checks.MAX_NAME) @SingleLine String code,
            @Schema(description = "the human label", requiredMode = RequiredMode.REQUIRED)
            @NotBlank @Size(max = Checks.MAX_NAME) @SingleLine String value,
            @Schema(description = "default true on create, required on update",
                    requiredMode = RequiredMode.NOT_REQUIRED)
            @NotNull(groups = CatalogController.Replace.class) Boolean active,
            @Schema(description = "required on update",
                    requiredMode = RequiredMode.NOT_REQUIRED)
            @NotNull(groups = CatalogController.Replace.class) @PositiveOrZero(groups = CatalogController.Replace.class)
            Integer version) implements CatalogController.Body {
    }

    // ---- group kinds ---------------------------------------------------------------------------------------

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminGroupKind")
    record GroupKindOut(long id, String name, int version)
            implements CatalogController.Identified {
        static GroupKindOut of(GroupKind k) {
            return new GroupKindOut(k.id(), k.name(), k.version());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties({"id"})
    @Schema(name = "AdminGroupKindIn")
    record GroupKindIn(@Schema(requiredMode = RequiredMode.REQUIRED) @NotBlank @Size(max = Checks.MAX_NAME) @SingleLine
            String name,
            @Schema(description = "required on update",
                    requiredMode = RequiredMode.NOT_REQUIRED)
            @NotNull(groups = CatalogController.Replace.class) @PositiveOrZero(groups = CatalogController.Replace.class)
            Integer version) implements CatalogController.Body {
    }

    // ---- member kinds --------------------------------------------------------------------------------------

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminMemberKind")
    record MemberKindOut(long id, String name, boolean unique, int version)
            implements CatalogController.Identified {
        static MemberKindOut of(MemberKind k) {
            return new MemberKindOut(k.id(), k.name(), k.unique(), k.version());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties({"id"})
    @Schema(name = "AdminMemberKindIn")
    record MemberKindIn(@Schema(requiredMode = RequiredMode.REQUIRED) @NotBlank @Size(max = Checks.MAX_NAME) @SingleLine
            String name,
            @Schema(description = "held by one member per group at most (like Head); default false on create, "
                    + "required on update",
                    requiredMode = RequiredMode.NOT_REQUIRED)
            @NotNull(groups = CatalogController.Replace.class) Boolean unique,
            @Schema(description = "required on update",
                    requiredMode = RequiredMode.NOT_REQUIRED)
            @NotNull(groups = CatalogController.Replace.class) @PositiveOrZero(groups = CatalogController.Replace.class)
            Integer version) implements CatalogController.Body {
    }

    // ---- programmes ----------------------------------------------------------------------------------------

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminProgramme")
    record ProgrammeOut(long id, String name, String targetType, String description, boolean active, int version)
            implements CatalogController.Identified {
        static ProgrammeOut of(Programme p) {
            return new ProgrammeOut(p.id(), p.name(), p.targetType().code(), p.description(), p.active(),
                    p.version());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties({"id"})
    @Schema(name = "AdminProgrammeIn")
    record ProgrammeIn(@Schema(requiredMode = RequiredMode.REQUIRED) @NotBlank @Size(max = Checks.MAX_NAME) @SingleLine
            String name,
            @Schema(allowableValues = {"individual", "group"}, requiredMode = RequiredMode.REQUIRED) @NotNull
            String targetType,
            @Size(max = Checks.MAX_DESCRIPTION) @NoNul String description,
            @Schema(description = "default true on create, required on update",
                    requiredMode = RequiredMode.NOT_REQUIRED)
            @NotNull(groups = CatalogController.Replace.class) Boolean active,
            @Schema(description = "required on update",
                    requiredMode = RequiredMode.NOT_REQUIRED)
            @NotNull(groups = CatalogController.Replace.class) @PositiveOrZero(groups = CatalogController.Replace.class)
            Integer version) implements CatalogController.Body {
    }
}
