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
    PEOPLE(OfficeSection.PEOPLE_PATH, "nav.people", Role.REGISTRY_READ, Role.DATA, Role.REGISTRAR),
    /** Reached from a person's groups, not from the navigation; the same roles as {@link #PEOPLE}. */
    HOUSEHOLDS(OfficeSection.HOUSEHOLDS_PATH, "nav.people", false, Role.REGISTRY_READ, Role.DATA, Role.REGISTRAR),
    REVIEW("/office/review", "nav.review", Role.REGISTRAR),
    ISSUES("/office/issues", "nav.issues", Role.REGISTRAR),
    ADMINISTRATION("/office/admin", "nav.administration", Role.ADMIN);

    static final String PEOPLE_PATH = "/office/people";
    static final String HOUSEHOLDS_PATH = "/office/households";

    private final String path;
    private final String messageKey;
    private final Set<Role> roles;
    private final boolean inNavigation;

    OfficeSection(String path, String messageKey, Role... roles) {
        this(path, messageKey, true, roles);
    }

    OfficeSection(String path, String messageKey, boolean inNavigation, Role... roles) {
        this.path = path;
        this.messageKey = messageKey;
        this.inNavigation = inNavigation;
        this.roles = EnumSet.copyOf(Arrays.asList(roles));
    }

    /** Whether the navigation links to the section (a section reached only from other pages is not listed). */
    public boolean inNavigation() {
        return inNavigation;
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
