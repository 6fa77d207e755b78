package org.populus.api.office;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.populus.access.AuthenticatedUser;
import org.populus.access.Role;

/**
 * The back office's sections: their path, the roles that may use them (any one is enough) and the message key of
 * their name. {@link OfficeSecurity} turns each into a rule for its path and everything under it, and the
 * navigation shows a user only the sections they may use, so what is shown and what the server allows never differ.
 * A new section is a constant here; a page inside a section needs no rule of its own.
 */
enum OfficeSection {

    DASHBOARD("/office", "nav.dashboard", Role.values()),
    PEOPLE("/office/people", "nav.people", Role.REGISTRY_READ, Role.DATA, Role.REGISTRAR),
    REVIEW("/office/review", "nav.review", Role.REGISTRAR),
    ISSUES("/office/issues", "nav.issues", Role.REGISTRAR),
    ADMINISTRATION("/office/admin", "nav.administration", Role.ADMIN);

    private final String path;
    private final String messageKey;
    private final Set<Role> roles;

    OfficeSection(String path, String messageKey, Role... roles) {
        this.path = path;
        this.messageKey = messageKey;
        this.roles = EnumSet.copyOf(Arrays.asList(roles));
    }

    public String path() {
        return path;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The role codes, as Spring Security authorities ({@code registry-write} users hold {@code registry-read}). */
    String[] authorities() {
        return roles.stream().map(Role::code).toArray(String[]::new);
    }

    /** Whether this user may use the section. */
    public boolean allows(AuthenticatedUser user) {
        return roles.stream().anyMatch(user::has);
    }

    /** Whether {@code path} is this section's page or lies under it. */
    boolean contains(String requestPath) {
        return requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}
