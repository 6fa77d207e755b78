package org.populus.catalog;

/** A kind of group, e.g. Household or Family. */
public record GroupKind(long id, String name, int version) {
}
