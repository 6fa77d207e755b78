package org.populus.catalog;

/** A gender: {@code code} is what clients send and what is stored, {@code value} the human label. */
public record Gender(long id, String code, String value, boolean active, int version) {
}
