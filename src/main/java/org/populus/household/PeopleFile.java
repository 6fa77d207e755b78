package org.populus.household;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a people file (CSV, UTF-8, RFC 4180 quoting, a header line naming the columns; see {@link PeopleImport} for
 * the columns) one record at a time. A record may span several lines inside quotes; its number is the line it
 * starts on.
 */
final class PeopleFile {

    static final String IMPORT_ID = "import_id";
    static final List<String> COLUMNS = List.of(IMPORT_ID, "given_name", "family_name", "second_family_name",
            "gender", "birthdate", "ids", "phones", "household", "household_name", "member_kinds");

    /** One record: the line it starts on and its values by column (absent and empty columns are null). */
    record Row(int line, Map<String, String> values) {

        String get(String column) {
            return values.get(column);
        }
    }

    private final BufferedReader reader;
    private final List<String> header;
    private int lineNumber;

    PeopleFile(BufferedReader reader) {
        this.reader = reader;
        List<String> names = readRecord();
        if (names == null) {
            throw new PeopleImportException(1, "the file is empty: a header line naming the columns is required");
        }
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1));
        }
        Set<String> known = Set.copyOf(COLUMNS);
        for (String n : names) {
            if (!known.contains(n.strip())) {
                throw new PeopleImportException(1, "unknown column '" + shown(n) + "' (the columns are "
                        + String.join(", ", COLUMNS) + ")");
            }
        }
        this.header = names.stream().map(String::strip).toList();
        if (header.stream().distinct().count() != header.size()) {
            throw new PeopleImportException(1, "a column is named twice");
        }
        if (!header.contains(IMPORT_ID)) {
            throw new PeopleImportException(1, "the column " + IMPORT_ID + " is required");
        }
    }

    /** The next record, or null at the end of the file. */
    Row next() {
        int line = lineNumber + 1;
        List<String> fields = readRecord();
        while (fields != null && fields.size() == 1 && fields.get(0).isEmpty()) {
            line = lineNumber + 1; // blank lines are skipped
            fields = readRecord();
        }
        if (fields == null) {
            return null;
        }
        if (fields.size() != header.size()) {
            throw new PeopleImportException(line, fields.size() + " fields where the header names " + header.size());
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String v = fields.get(i).strip();
            if (!v.isEmpty()) {
                values.put(header.get(i), v);
            }
        }
        return new Row(line, values);
    }

    private List<String> readRecord() {
        try {
            String first = reader.readLine();
            if (first == null) {
                return null;
            }
            lineNumber++;
            int start = lineNumber;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            String text = first;
            int i = 0;
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (i >= text.length()) {
                    if (!quoted) {
                        break;
                    }
                    String more = reader.readLine();
                    if (more == null) {
                        throw new PeopleImportException(start, "a quoted field is not closed");
                    }
                    lineNumber++;
                    field.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == '"') {
                    throw new PeopleImportException(start, "a quote inside an unquoted field");
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String shown(String s) {
        return org.populus.shared.TextLimits.shown(s);
    }
}
