package org.populus.catalog;

/** A role of an individual in a group. A unique kind (Head) may be held by one member per group. */
public record MemberKind(long id, String name, boolean unique, int version) {
}
