package org.populus.procedure;

/** What a reviewer decides on a pending procedure. A comment is required unless accepting. */
public enum Decision {
    ACCEPT, REJECT, DISMISS
}
