package org.populus.api.admin;

import java.net.URI;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the catalogue controllers share: paths, Location headers and "not found". */
final class CatalogSupport {

    static final String BASE = AdminErrors.PREFIX + "/catalog";

    private CatalogSupport() {
    }

    static <T> ResponseEntity<T> created(String kind, long id, T body) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE + "/" + kind + "/{id}")
                .buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(body);
    }

    static <T> T found(Optional<T> entry, String what, long id) {
        return entry.orElseThrow(() -> AdminProblem.notFound(what + " " + id + " does not exist."));
    }

    static boolean flag(Boolean value, String field, boolean defaultValue, boolean update) {
        if (value == null) {
            if (update) {
                throw AdminProblem.invalid(field, "Field '" + field + "' is required.");
            }
            return defaultValue;
        }
        return value;
    }
}
