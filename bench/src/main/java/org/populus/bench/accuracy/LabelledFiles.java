package org.populus.bench.accuracy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a labelled set (FEBRL data sets 3 and 4, or the Spanish set of {@link MatchingSet}) into the bodies of
 * {@code POST /api/v1/registry/individual/}, each with its record id and the person it truly is.
 *
 * <p>Populus's OpenG2P individual has no second family name and no postal code: the Spanish second family name
 * goes in {@code addl_name} (as the rest of the bench sends it), and the postal code is sent only when a field
 * name is given for it ({@code postalCodeField}, null: left out).
 */
public final class LabelledFiles {

    /** The two formats understood. */
    public enum Format {
        FEBRL, SPANISH
    }

    /** One record: its id in the file, the person it truly is, and the JSON body to post. */
    public record LabelledRecord(String recId, String truth, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FEBRL_ID = Pattern.compile("rec-(\\d+)-(?:org|dup-\\d+)");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private LabelledFiles() {
    }

    /**
     * The records of these files, in file order.
     *
     * @param documents false: no document is sent (FEBRL's {@code soc_sec_id}, the Spanish DNI)
     * @param postalCodeField the body's field for the postal code, or null to leave it out
     */
    public static List<LabelledRecord> read(List<Path> files, Format format, boolean documents,
            String postalCodeField) throws IOException {
        List<LabelledRecord> out = new ArrayList<>();
        CSVFormat csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        for (Path f : files) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8); CSVParser p = csv.parse(r)) {
                for (CSVRecord rec : p) {
                    out.add(format == Format.FEBRL ? febrl(rec, documents, postalCodeField)
                            : spanish(rec, documents, postalCodeField));
                }
            }
        }
        return out;
    }

    /** The person a FEBRL record id names: {@code rec-552-dup-3} → {@code 552}. */
    static String febrlTruth(String recId) {
        Matcher m = FEBRL_ID.matcher(recId);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a FEBRL record id: " + recId);
        }
        return m.group(1);
    }

    static LabelledRecord febrl(CSVRecord r, boolean documents, String postalCodeField) {
        String recId = r.get("rec_id");
        ObjectNode body = JSON.createObjectNode();
        put(body, "given_name", r.get("given_name"));
        put(body, "family_name", r.get("surname"));
        String street = Stream.of(r.get("street_number"), r.get("address_1")).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        put(body, "address", Stream.of(street, r.get("address_2"), r.get("suburb"), r.get("state"))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(", ")));
        if (postalCodeField != null) {
            put(body, postalCodeField, r.get("postcode"));
        }
        LocalDate birth = date(r.get("date_of_birth"));
        if (birth != null) {
            body.put("birthdate", birth.toString());
        }
        if (documents) {
            document(body, "National ID", r.get("soc_sec_id"));
        }
        return new LabelledRecord(recId, febrlTruth(recId), JSON.writeValueAsString(body));
    }

    static LabelledRecord spanish(CSVRecord r, boolean documents, String postalCodeField) {
        ObjectNode body = JSON.createObjectNode();
        put(body, "given_name", r.get("given_name"));
        put(body, "family_name", r.get("family_name"));
        put(body, "addl_name", r.get("second_family_name"));
        put(body, "gender", r.get("gender"));
        put(body, "birthdate", r.get("birthdate"));
        put(body, "address", r.get("address"));
        if (postalCodeField != null) {
            put(body, postalCodeField, r.get("postal_code"));
        }
        if (documents) {
            document(body, "dni", r.get("dni"));
        }
        if (!r.get("phone").isEmpty()) {
            ArrayNode phones = body.putArray("phone_numbers");
            phones.addObject().put("phone_no", r.get("phone"));
        }
        return new LabelledRecord(r.get("rec_id"), r.get("person_id"), JSON.writeValueAsString(body));
    }

    private static void put(ObjectNode body, String field, String value) {
        if (value != null && !value.isEmpty()) {
            body.put(field, value);
        }
    }

    private static void document(ObjectNode body, String type, String value) {
        if (value != null && !value.isEmpty()) {
            body.putArray("ids").addObject().put("id_type", type).put("value", value);
        }
    }

    /** A FEBRL {@code yyyymmdd} date, or null when it is not a real date. */
    static LocalDate date(String yyyymmdd) {
        try {
            return LocalDate.parse(yyyymmdd, YYYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
