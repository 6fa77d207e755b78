package org.populus.scope;

/** The rules of scope codes shared with the original Census. */
final class ScopeCodes {

    private ScopeCodes() {
    }

    /**
     * The parent a code implies: the code up to its last non-word character ({@code ES-CL-LE-001} →
     * {@code ES-CL-LE}); for a top-level code, none for {@code ES} and {@code XX}, and {@code XX} for any other.
     */
    static String derivedParent(String code) {
        for (int i = code.length() - 1; i > 0; i--) {
            if (!isWordChar(code.charAt(i))) {
                return code.substring(0, i);
            }
        }
        if (code.equals(Scopes.LOCAL_CODE) || code.equals(Scopes.ABROAD_CODE)) {
            return null;
        }
        return Scopes.ABROAD_CODE;
    }

    /** Regular-expression word characters ({@code \w}): ASCII letters, digits and the underscore. */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
