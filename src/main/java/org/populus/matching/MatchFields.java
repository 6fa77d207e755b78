package org.populus.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.populus.shared.Names;

/**
 * The matching fields of a person in a Lucene index, all named {@code m_*}. Blocking keys are indexed as
 * pre-normalised {@link StringField}s (so no analyser is needed); the values the model compares are stored as
 * typed, so a candidate's {@link MatchRecord} can be rebuilt from the index alone with {@link #read}.
 *
 * <p>Indexed keys: {@code m_given}, {@code m_family} (whole normalised names, also used for name frequencies),
 * {@code m_name} (every word of every name, for edit-distance search), {@code m_name_sound} (the Double Metaphone
 * codes of every word), {@code m_birthdate} ({@code yyyyMMdd}), {@code m_document} (upper-case letters and digits),
 * {@code m_phone} (the last nine digits), {@code m_postcode}.
 */
public final class MatchFields {

    static final String GIVEN = "m_given";
    static final String FAMILY = "m_family";
    static final String NAME = "m_name";
    static final String NAME_SOUND = "m_name_sound";
    static final String BIRTHDATE = "m_birthdate";
    static final String DOCUMENT = "m_document";
    static final String PHONE = "m_phone";
    static final String POSTCODE = "m_postcode";

    private static final String RAW = "m_raw_";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D+");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int PHONE_DIGITS = 9;
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private MatchFields() {
    }

    /** Adds the person's blocking keys and stored values to {@code doc} (the caller adds the {@code id}). */
    public static void addTo(Document doc, MatchRecord r) {
        addKey(doc, GIVEN, key(r.givenName()));
        addKey(doc, FAMILY, key(r.familyName()));
        for (String word : nameWords(r)) {
            addKey(doc, NAME, word);
        }
        for (String code : soundsOf(nameWords(r))) {
            addKey(doc, NAME_SOUND, code);
        }
        if (r.birthdate() != null) {
            addKey(doc, BIRTHDATE, r.birthdate().format(BASIC));
        }
        for (String document : r.documents()) {
            addKey(doc, DOCUMENT, documentKey(document));
        }
        for (String phone : r.phones()) {
            addKey(doc, PHONE, phoneKey(phone));
        }
        addKey(doc, POSTCODE, documentKey(r.postalCode()));
        store(doc, "given", r.givenName());
        store(doc, "family", r.familyName());
        store(doc, "family2", r.secondFamilyName());
        store(doc, "gender", r.gender());
        store(doc, "address", r.address());
        store(doc, "postcode", r.postalCode());
        r.documents().forEach(d -> store(doc, "document", d));
        r.phones().forEach(p -> store(doc, "phone", p));
    }

    /** Rebuilds the record from the stored fields that {@link #addTo} wrote. */
    public static MatchRecord read(Document stored, long id) {
        String date = stored.get(BIRTHDATE);
        return new MatchRecord(id, stored.get(RAW + "given"), stored.get(RAW + "family"),
                stored.get(RAW + "family2"), date == null ? null : LocalDate.parse(date, BASIC),
                stored.get(RAW + "gender"), List.of(stored.getValues(RAW + "document")),
                List.of(stored.getValues(RAW + "phone")), stored.get(RAW + "address"), stored.get(RAW + "postcode"));
    }

    /**
     * How many people of the index can be matched: those with a name word, the live individuals (deleted
     * documents count until their segment is merged).
     */
    public static long people(IndexReader reader) {
        try {
            return reader.getDocCount(NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name as the model compares it: lower case, no accents, one space between words; "" when absent. */
    public static String key(String name) {
        return Names.normalize(name == null ? null : NAME_SEPARATORS.matcher(name).replaceAll(" "));
    }

    /** An identity number or postcode as compared: its letters and digits, upper case; "" when absent. */
    static String documentKey(String value) {
        return value == null ? "" : NOT_ALPHANUMERIC.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** A phone as compared: its last nine digits, so that a country code written or left out does not matter. */
    static String phoneKey(String phone) {
        String digits = phone == null ? "" : NOT_DIGIT.matcher(phone).replaceAll("");
        return digits.length() > PHONE_DIGITS ? digits.substring(digits.length() - PHONE_DIGITS) : digits;
    }

    /** The birth date as {@code yyyyMMdd}, or null when the text is not a date. */
    static LocalDate parseBasicDate(String yyyymmdd) {
        try {
            return yyyymmdd == null || yyyymmdd.isBlank() ? null : LocalDate.parse(yyyymmdd.strip(), BASIC);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** Every word of the person's given and family names. */
    static Set<String> nameWords(MatchRecord r) {
        Set<String> words = new LinkedHashSet<>();
        for (String name : new String[] {r.givenName(), r.familyName(), r.secondFamilyName()}) {
            for (String word : key(name).split(" ")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** The Double Metaphone codes (primary and alternate) of the words. */
    static Set<String> soundsOf(Iterable<String> words) {
        Set<String> codes = new LinkedHashSet<>();
        for (String word : words) {
            for (String code : new String[] {METAPHONE.doubleMetaphone(word), METAPHONE.doubleMetaphone(word, true)}) {
                if (code != null && !code.isEmpty()) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    static List<String> documentKeys(List<String> values) {
        List<String> keys = new ArrayList<>();
        values.stream().map(MatchFields::documentKey).filter(k -> !k.isEmpty()).forEach(keys::add);
        return keys;
    }

    static List<String> phoneKeys(List<String> values) {
        List<String> keys = new ArrayList<>();
        values.stream().map(MatchFields::phoneKey).filter(k -> !k.isEmpty()).forEach(keys::add);
        return keys;
    }

    private static void addKey(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new StringField(field, value, field.equals(BIRTHDATE) ? Field.Store.YES : Field.Store.NO));
        }
    }

    private static void store(Document doc, String name, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new StoredField(RAW + name, value));
        }
    }
}
