package org.populus.access;

import java.time.Instant;
import java.util.Set;

/** A person or system that logs in. The password hash never leaves this module. */
public record UserAccount(long id, String login, String displayName, Set<Role> roles, boolean disabled,
        Instant createdAt, Instant updatedAt, int version) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role) || role == Role.REGISTRY_READ && roles.contains(Role.REGISTRY_WRITE);
    }
}
