package org.populus.api.office;

/** Limits of the back office's forms, the same as the Admin API's bodies. */
final class OfficeForms {

    /** Longest comment of a decision or a resolution (the Admin API's description limit). */
    static final int MAX_COMMENT = 10_000;

    private OfficeForms() {
    }
}
