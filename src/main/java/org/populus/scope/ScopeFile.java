package org.populus.scope;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.populus.shared.TextLimits;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a scope file (TSV or CSV, format in the package documentation) into rows. Checks everything that can
 * be checked without the database; every problem names its line.
 */
final class ScopeFile {

    /** The locales of the Census API; a plain {@code name} column fills those without their own name. */
    static final List<String> CENSUS_LOCALES = List.of("es", "ca", "eu", "en", "gl");

    /**
     * One scope as the file describes it.
     *
     * @param parent the explicit parent code, or null to derive it from the code
     * @param mappings null when the file has no mapping columns (existing mappings are then kept)
     * @param metadata null when the file has no metadata columns (existing metadata is then kept)
     */
    record Row(int line, String code, String type, String parent, Map<String, String> name,
            Map<String, String> mappings, Map<String, String> metadata, Map<String, String> typeName,
            Map<String, String> typePlural) {
    }

    private enum Kind { CODE, TYPE, NAME, NAME_LOCALE, PARENT, MAPPING, MAPPINGS_JSON, METADATA, METADATA_JSON,
        TYPE_NAME, TYPE_PLURAL }

    private record Column(Kind kind, String key, String header) {
    }

    private ScopeFile() {
    }

    static List<Row> parse(Reader reader, ScopeFormat format) {
        String text = readAll(reader);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (format == null || format == ScopeFormat.AUTO) {
            int eol = text.indexOf('\n');
            format = ScopeFormat.sniff(eol < 0 ? text : text.substring(0, eol));
        }
        Records records = new Records(text, format.delimiter());
        List<String> header = records.next();
        if (header == null) {
            throw new ScopeLoadException(0, "the file is empty; it needs a header line");
        }
        int headerLine = records.recordLine;
        List<Column> columns = columns(header, headerLine);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> fields;
        while ((fields = records.next()) != null) {
            int line = records.recordLine;
            Row row = row(columns, fields, line);
            Integer first = seen.putIfAbsent(row.code(), line);
            if (first != null) {
                throw new ScopeLoadException(line, "code '" + row.code() + "' is already given on line " + first);
            }
            rows.add(row);
        }
        return rows;
    }

    // ---- header ----------------------------------------------------------------------------------------------

    /**
     * A field within its limit ({@link TextLimits}: names 300 characters, JSON columns 10,000, codes, types and
     * other values 200) and free of NUL characters; apart from the JSON columns, free of control characters: codes,
     * types and values are single-line text, while names (quoted CSV fields) may hold tabs and line breaks, as
     * they always could.
     */
    private static void checkText(Column c, String value, int line) {
        int max = switch (c.kind()) {
            case NAME, NAME_LOCALE, TYPE_NAME, TYPE_PLURAL -> TextLimits.DISPLAY_NAME;
            case MAPPINGS_JSON, METADATA_JSON -> TextLimits.ADDITIONAL_INFO;
            default -> TextLimits.LABEL;
        };
        if (TextLimits.tooLong(value.strip(), max)) {
            throw new ScopeLoadException(line, "column '" + TextLimits.shown(c.header()) + "' is longer than " + max
                    + " characters");
        }
        if (TextLimits.hasNul(value)) {
            throw new ScopeLoadException(line, "column '" + TextLimits.shown(c.header())
                    + "' contains a NUL character");
        }
        boolean multiLine = c.kind() == Kind.NAME || c.kind() == Kind.NAME_LOCALE;
        if (c.kind() != Kind.MAPPINGS_JSON && c.kind() != Kind.METADATA_JSON
                && (multiLine ? TextLimits.hasControlBesidesLineBreaks(value) : TextLimits.hasControl(value.strip()))) {
            throw new ScopeLoadException(line, "column '" + TextLimits.shown(c.header())
                    + "' contains a control character");
        }
    }

    private static List<Column> columns(List<String> header, int line) {
        List<Column> columns = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String h : header) {
            if (TextLimits.tooLong(h, TextLimits.LABEL) || TextLimits.hasControl(h.strip())) {
                throw new ScopeLoadException(line, "a column name is longer than " + TextLimits.LABEL
                        + " characters or contains a control character");
            }
            Column c = column(h, line);
            String identity = c.kind() + ":" + c.key();
            String previous = seen.putIfAbsent(identity, h);
            if (previous != null) {
                throw new ScopeLoadException(line, "column '" + h + "' is given twice (also as '" + previous + "')");
            }
            columns.add(c);
        }
        if (columns.stream().noneMatch(c -> c.kind() == Kind.CODE)) {
            throw new ScopeLoadException(line, "a 'UID' (or 'code') column is required");
        }
        if (columns.stream().noneMatch(c -> c.kind() == Kind.TYPE)) {
            throw new ScopeLoadException(line, "a 'Type' column is required");
        }
        if (columns.stream().noneMatch(c -> c.kind() == Kind.NAME || c.kind() == Kind.NAME_LOCALE)) {
            throw new ScopeLoadException(line, "a 'Name' or 'name_<locale>' column is required");
        }
        return columns;
    }

    private static Column column(String header, int line) {
        String h = header.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "uid", "code":
                return new Column(Kind.CODE, "", h);
            case "type":
                return new Column(Kind.TYPE, "", h);
            case "name":
                return new Column(Kind.NAME, "", h);
            case "parent":
                return new Column(Kind.PARENT, "", h);
            case "mappings":
                return new Column(Kind.MAPPINGS_JSON, "", h);
            case "metadata":
                return new Column(Kind.METADATA_JSON, "", h);
            default:
                break;
        }
        if (lower.startsWith("type_name_") || lower.startsWith("type_name:")) {
            return new Column(Kind.TYPE_NAME, locale(h.substring(10), h, line), h);
        }
        if (lower.startsWith("type_plural_") || lower.startsWith("type_plural:")) {
            return new Column(Kind.TYPE_PLURAL, locale(h.substring(12), h, line), h);
        }
        if (lower.startsWith("name_") || lower.startsWith("name:")) {
            return new Column(Kind.NAME_LOCALE, locale(h.substring(5), h, line), h);
        }
        if (lower.startsWith("mapping:")) {
            return new Column(Kind.MAPPING, key(h.substring(8), h, line), h);
        }
        if (lower.startsWith("metadata:")) {
            return new Column(Kind.METADATA, key(h.substring(9), h, line), h);
        }
        throw new ScopeLoadException(line, "unknown column '" + h + "'");
    }

    private static String locale(String value, String header, int line) {
        String locale = value.strip();
        if (!locale.matches("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*")) {
            throw new ScopeLoadException(line, "column '" + header + "' does not end in a locale such as 'es'");
        }
        return locale;
    }

    private static String key(String value, String header, int line) {
        String key = value.strip();
        if (key.isEmpty()) {
            throw new ScopeLoadException(line, "column '" + header + "' has no key after ':'");
        }
        return key;
    }

    // ---- rows ------------------------------------------------------------------------------------------------

    private static Row row(List<Column> columns, List<String> fields, int line) {
        if (fields.size() > columns.size()) {
            throw new ScopeLoadException(line, "has " + fields.size() + " fields but the header has "
                    + columns.size());
        }
        String code = null;
        String type = null;
        String parent = null;
        String plainName = null;
        Map<String, String> name = new LinkedHashMap<>();
        Map<String, String> mappings = null;
        Map<String, String> metadata = null;
        Map<String, String> typeName = new LinkedHashMap<>();
        Map<String, String> typePlural = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c.kind() == Kind.MAPPING || c.kind() == Kind.MAPPINGS_JSON) {
                mappings = mappings == null ? new LinkedHashMap<>() : mappings;
            }
            if (c.kind() == Kind.METADATA || c.kind() == Kind.METADATA_JSON) {
                metadata = metadata == null ? new LinkedHashMap<>() : metadata;
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            checkText(columns.get(i), fields.get(i), line);
        }
        // JSON columns first, so that single-key columns win over them
        for (int i = 0; i < fields.size(); i++) {
            Column c = columns.get(i);
            String v = fields.get(i).strip();
            if (v.isEmpty()) {
                continue;
            }
            if (c.kind() == Kind.MAPPINGS_JSON) {
                mappings.putAll(jsonObject(v, c.header(), line));
            } else if (c.kind() == Kind.METADATA_JSON) {
                metadata.putAll(jsonObject(v, c.header(), line));
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            Column c = columns.get(i);
            String v = fields.get(i).strip();
            if (v.isEmpty()) {
                continue;
            }
            switch (c.kind()) {
                case CODE -> code = v;
                case TYPE -> type = v;
                case NAME -> plainName = v;
                case NAME_LOCALE -> name.put(c.key(), v);
                case PARENT -> parent = v;
                case MAPPING -> mappings.put(c.key(), v);
                case METADATA -> metadata.put(c.key(), v);
                case TYPE_NAME -> typeName.put(c.key(), v);
                case TYPE_PLURAL -> typePlural.put(c.key(), v);
                default -> {
                }
            }
        }
        if (code == null) {
            throw new ScopeLoadException(line, "the code (UID) is missing");
        }
        if (code.codePoints().anyMatch(Character::isWhitespace)) {
            throw new ScopeLoadException(line, "code '" + code + "' contains white space");
        }
        if (type == null) {
            throw new ScopeLoadException(line, "the type of '" + code + "' is missing");
        }
        if (plainName != null) {
            for (String locale : CENSUS_LOCALES) {
                name.putIfAbsent(locale, plainName);
            }
        }
        if (name.isEmpty()) {
            throw new ScopeLoadException(line, "'" + code + "' has no name");
        }
        if (code.equals(parent)) {
            throw new ScopeLoadException(line, "'" + code + "' cannot be its own parent");
        }
        return new Row(line, code, type, parent, name, mappings, metadata, typeName, typePlural);
    }

    private static Map<String, String> jsonObject(String value, String header, int line) {
        JsonNode node;
        try {
            node = JsonMapper.shared().readTree(value);
        } catch (JacksonException e) {
            throw new ScopeLoadException(line, "column '" + header + "' is not valid JSON: "
                    + TextLimits.shown(e.getOriginalMessage()).replaceAll("`[^`]*`", "a value"));
        }
        if (node == null || !node.isObject()) {
            throw new ScopeLoadException(line, "column '" + header + "' must be a JSON object");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (!v.isValueNode()) {
                throw new ScopeLoadException(line, "column '" + header + "': the value of '" + e.getKey()
                        + "' must be a text or a number");
            }
            if (TextLimits.hasNul(e.getKey()) || TextLimits.hasNul(v.asString())) {
                throw new ScopeLoadException(line, "column '" + header + "' contains a NUL character");
            }
            if (TextLimits.hasControl(e.getKey()) || TextLimits.hasControl(v.asString())) {
                throw new ScopeLoadException(line, "column '" + header + "' contains a control character");
            }
            if (TextLimits.tooLong(e.getKey(), TextLimits.LABEL)) {
                throw new ScopeLoadException(line, "column '" + header + "': a key is longer than "
                        + TextLimits.LABEL + " characters");
            }
            map.put(e.getKey(), v.asString());
        }
        return map;
    }

    private static String readAll(Reader reader) {
        try {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the scope file", e);
        }
    }

    /**
     * Splits text into records of fields. A field that starts with a double quote is quoted: it ends at the
     * next lone double quote, {@code ""} stands for one, and it may hold delimiters and line breaks (RFC 4180;
     * Ruby's CSV, which read the original's TSV files, does the same). Blank lines are skipped.
     */
    static final class Records {

        private final String s;
        private final char delimiter;
        private int pos;
        private int line = 1;
        int recordLine;

        Records(String s, char delimiter) {
            this.s = s;
            this.delimiter = delimiter;
        }

        List<String> next() {
            while (pos < s.length()) {
                List<String> fields = record();
                if (fields.stream().anyMatch(f -> !f.isBlank())) {
                    return fields;
                }
            }
            return null;
        }

        private List<String> record() {
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            while (true) {
                if (pos < s.length() && s.charAt(pos) == '"') {
                    pos++;
                    while (true) {
                        if (pos >= s.length()) {
                            throw new ScopeLoadException(recordLine, "a quoted field is never closed");
                        }
                        char c = s.charAt(pos++);
                        if (c == '"') {
                            if (pos < s.length() && s.charAt(pos) == '"') {
                                f.append('"');
                                pos++;
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            f.append(c);
                        }
                    }
                    if (pos < s.length()) {
                        char c = s.charAt(pos);
                        if (c != delimiter && c != '\n' && c != '\r') {
                            throw new ScopeLoadException(line, "unexpected text after a closing double quote");
                        }
                    }
                } else {
                    int start = pos;
                    while (pos < s.length()) {
                        char c = s.charAt(pos);
                        if (c == delimiter || c == '\n' || c == '\r') {
                            break;
                        }
                        pos++;
                    }
                    f.append(s, start, pos);
                }
                fields.add(f.toString());
                f.setLength(0);
                if (pos >= s.length()) {
                    return fields;
                }
                char c = s.charAt(pos++);
                if (c == delimiter) {
                    continue;
                }
                if (c == '\r' && pos < s.length() && s.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                return fields;
            }
        }
    }
}
