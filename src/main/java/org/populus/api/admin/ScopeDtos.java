package org.populus.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.populus.scope.Scope;
import org.populus.scope.ScopeLoadSummary;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Bodies of the scope endpoints, in snake_case. */
final class ScopeDtos {

    private ScopeDtos() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminScopeLoad", description = "What a load did; total = created + updated + unchanged")
    record LoadOut(int created, int updated, int unchanged, int total) {

        static LoadOut of(ScopeLoadSummary s) {
            return new LoadOut(s.created(), s.updated(), s.unchanged(), s.total());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminScopeType")
    record TypeOut(String code, Map<String, String> name, Map<String, String> plural) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "AdminScope", description = "A territorial scope; names are locale → text")
    record ScopeOut(long id, String code, Map<String, String> name, TypeOut type,
            @Schema(description = "the parent's code; null for the roots ES and XX") String parent,
            int childrenCount, Map<String, String> mappings, Map<String, String> metadata, int version) {

        static ScopeOut of(Scope s) {
            return new ScopeOut(s.id(), s.code(), s.name(),
                    new TypeOut(s.type().code(), s.type().name(), s.type().plural()), s.parentCode(),
                    s.childrenCount(), s.mappings(), s.metadata(), s.version());
        }
    }
}
