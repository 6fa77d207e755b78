package org.populus.catalog;

/**
 * Records outside the catalogue that keep a gender's code as text (people do, as the catalogue's code at the time
 * they were written). Before a gender is deleted, or its code changed, the catalogue asks every implementation, so
 * that nobody is left with a code the catalogue no longer lists. The module that stores the code implements it.
 */
public interface GenderHolders {

    /** Whether any record carries this gender code (compared case-insensitively). */
    boolean anyCarry(String code);
}
