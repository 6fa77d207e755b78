package org.populus.household;

/** A people file refused: the line (record) at fault and why. */
class PeopleImportException extends RuntimeException {

    private final int line;

    PeopleImportException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
