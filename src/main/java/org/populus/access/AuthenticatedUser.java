package org.populus.access;

import java.util.Set;

/** Who a request is from, as established by a password or a session. */
public record AuthenticatedUser(String login, Set<Role> roles, String sessionId) {

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role) || role == Role.REGISTRY_READ && roles.contains(Role.REGISTRY_WRITE);
    }
}
