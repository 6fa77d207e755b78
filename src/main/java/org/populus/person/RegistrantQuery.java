package org.populus.person;

import org.populus.shared.Names;

/**
 * A search over registrants of one kind: by id and/or by name (case- and accent-insensitive substring).
 */
public record RegistrantQuery(RegistrantKind kind, Long id, String name, boolean includeDiscarded) {

    public static RegistrantQuery of(RegistrantKind kind, Long id, String name) {
        return new RegistrantQuery(kind, id, name == null || name.isEmpty() ? null : name, false);
    }

    /** Whether this registrant is one the query asks for (kind, id, discarded or not, name). */
    boolean matches(Registrant r) {
        return r.kind() == kind && (id == null || r.id() == id) && (includeDiscarded || !r.discarded())
                && (name == null || Names.normalize(r.data().name()).contains(normalizedName()));
    }

    String normalizedName() {
        return Names.normalize(name);
    }
}
