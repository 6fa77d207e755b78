package org.populus.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FEBRL records as the product would receive them through the OpenG2P API, with the truth: the person number in
 * {@code rec_id} ({@code rec-552-org} and {@code rec-552-dup-3} are one person).
 */
final class FebrlData {

    /** One FEBRL row: the record (its id is its place in the list) and the person it belongs to. */
    record Row(MatchRecord record, String person) {
    }

    private static final Pattern PERSON = Pattern.compile("rec-(\\d+)-");

    private FebrlData() {
    }

    /** The rows of one or more files, in file order, numbered from 0 across all files. */
    static List<Row> read(boolean withDocuments, Path... files) {
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines.subList(1, lines.size())) {
                    if (!line.isBlank()) {
                        rows.add(row(rows.size(), line, withDocuments));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rows;
    }

    private static Row row(long id, String line, boolean withDocuments) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        Matcher person = PERSON.matcher(f[0]);
        if (!person.find()) {
            throw new IllegalArgumentException("no person number in " + f[0]);
        }
        StringJoiner address = new StringJoiner(", ");
        for (String part : new String[] {(f[3] + " " + f[4]).strip(), f[5], f[6], f[8]}) {
            if (!part.isEmpty()) {
                address.add(part);
            }
        }
        List<String> documents = withDocuments && !f[10].isEmpty() ? List.of(f[10]) : List.of();
        MatchRecord record = new MatchRecord(id, blankToNull(f[1]), blankToNull(f[2]), null,
                MatchFields.parseBasicDate(f[9]), null, documents, List.of(), blankToNull(address.toString()),
                blankToNull(f[7]));
        return new Row(record, person.group(1));
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
