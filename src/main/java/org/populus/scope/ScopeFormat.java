package org.populus.scope;

import java.util.Locale;

/** How a scope file separates its fields. See the package documentation for the columns. */
public enum ScopeFormat {

    /** Tab-separated, as the original Census's {@code scopes.tsv}. */
    TSV('\t'),
    /** Comma-separated (RFC 4180). */
    CSV(','),
    /** Decided from the header line: a tab in it means TSV, otherwise CSV. */
    AUTO('\0');

    private final char delimiter;

    ScopeFormat(char delimiter) {
        this.delimiter = delimiter;
    }

    char delimiter() {
        return delimiter;
    }

    /** {@code .tsv}, {@code .tab} → TSV; {@code .csv} → CSV; anything else → AUTO. */
    public static ScopeFormat forFileName(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        return AUTO;
    }

    /** The concrete format of a file whose header line is this. */
    static ScopeFormat sniff(String headerLine) {
        return headerLine != null && headerLine.indexOf('\t') >= 0 ? TSV : CSV;
    }
}
