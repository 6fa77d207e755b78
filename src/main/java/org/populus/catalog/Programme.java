package org.populus.catalog;

/** A programme that individuals or groups (by {@code targetType}) may be enrolled in. */
public record Programme(long id, String name, TargetType targetType, String description, boolean active,
        int version) {

    public enum TargetType {
        INDIVIDUAL, GROUP;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static TargetType of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
