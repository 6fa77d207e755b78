package org.populus.shared;

import java.util.regex.Pattern;

/**
 * The name of a Census client's origin: the calling system as its qualified ids write it ({@code 8926202@decidim-1}
 * has origin {@code decidim-1}). A letter or digit, then up to 99 letters, digits, {@code .}, {@code _}, {@code :}
 * or {@code -}; never {@code census} nor {@code document_id}, which name Populus's own ids and documents. The same
 * rule is a check constraint on the tables that keep origins (migration V19).
 */
public final class ClientOrigins {

    /** Longest origin. */
    public static final int MAX = 100;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private ClientOrigins() {
    }

    /** Whether this text is an origin as it stands (not stripped). */
    public static boolean valid(String origin) {
        return origin != null && FORMAT.matcher(origin).matches() && !origin.equals("census")
                && !origin.equals("document_id");
    }
}
