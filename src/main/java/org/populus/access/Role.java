package org.populus.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user may do. Roles add up; {@code registry-write} includes {@code registry-read}. {@code registrar}
 * reviews Census procedures and issues; {@code data} reads discarded people and history.
 */
public enum Role {
    REGISTRY_READ("registry-read"),
    REGISTRY_WRITE("registry-write"),
    ADMIN("admin"),
    REGISTRAR("registrar"),
    DATA("data");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Role> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
