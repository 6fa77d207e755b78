package org.populus.access;

import java.time.Instant;
import java.util.Set;

/**
 * A person or system that logs in. The password hash never leaves this module. {@code accessVersion} changes
 * whenever what the user may do changes (roles, password, disabled); sessions are bound to it.
 */
public record UserAccount(long id, String login, String displayName, Set<Role> roles, boolean disabled,
        Instant createdAt, Instant updatedAt, int version, int accessVersion) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public UserAccount(long id, String login, String displayName, Set<Role> roles, boolean disabled,
            Instant createdAt, Instant updatedAt, int version) {
        this(id, login, displayName, roles, disabled, createdAt, updatedAt, version, 0);
    }

    public boolean has(Role role) {
        return roles.contains(role) || role == Role.REGISTRY_READ && roles.contains(Role.REGISTRY_WRITE);
    }
}
