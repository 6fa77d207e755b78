package org.populus.scope;

/**
 * A scope file that cannot be loaded. Nothing was changed. The message names the line (1 is the header) and
 * what is wrong with it, e.g. {@code line 7: parent 'ES-CL-XX' of 'ES-CL-XX-001' does not exist}.
 */
public class ScopeLoadException extends RuntimeException {

    private final int line;

    public ScopeLoadException(int line, String problem) {
        super(line > 0 ? "line " + line + ": " + problem : problem);
        this.line = line;
    }

    /** The line of the file at fault (1 is the header), or 0 when no single line is. */
    public int line() {
        return line;
    }
}
