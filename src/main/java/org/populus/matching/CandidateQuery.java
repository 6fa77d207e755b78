package org.populus.matching;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene queries that find the candidates worth scoring: anyone who shares at least one blocking key with the
 * person, ranked so that the people the model would score highest come first.
 *
 * <p>{@link #exact} is the cheap first pass, exact terms only: name words and their sound codes (Double Metaphone),
 * scored by how rare they are (a shared rare family name ranks above a shared common given name), the birth date
 * and its common typing errors (day and month swapped, one digit off: enumerated), identity numbers, phones, the
 * postcode. {@link #of} adds name words within an edit or two and identity numbers and phones within one (Lucene's
 * {@code FuzzyQuery}): building their automata and walking the terms dictionaries with them costs more than all
 * the rest, so {@link DuplicateFinder} asks it only when the first pass finds fewer candidates than it scores.
 */
public final class CandidateQuery {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final float DOCUMENT = 40f;
    private static final float PHONE = 40f;
    private static final float DOCUMENT_TYPO = 20f;
    private static final float PHONE_TYPO = 20f;
    private static final float BIRTHDATE = 20f;
    private static final float BIRTHDATE_TYPO = 10f;
    private static final float NAME = 1f;
    private static final float NAME_TYPO = 3f;
    private static final float POSTCODE = 0.5f;

    private CandidateQuery() {
    }

    /** Every key, name words, identity numbers and phones with typing errors included; matches nobody when the record has no key at all. */
    public static Query of(MatchRecord r) {
        BooleanQuery.Builder query = keys(r);
        for (String word : MatchFields.nameWords(r)) {
            if (word.length() > 2) {
                int edits = word.length() <= 5 ? 1 : 2;
                query.add(constant(new FuzzyQuery(new Term(MatchFields.NAME, word), edits), NAME_TYPO), Occur.SHOULD);
            }
        }
        for (String document : MatchFields.documentKeys(r.documents())) {
            query.add(constant(new FuzzyQuery(new Term(MatchFields.DOCUMENT, document), 1), DOCUMENT_TYPO),
                    Occur.SHOULD);
        }
        for (String phone : MatchFields.phoneKeys(r.phones())) {
            query.add(constant(new FuzzyQuery(new Term(MatchFields.PHONE, phone), 1), PHONE_TYPO), Occur.SHOULD);
        }
        return orNobody(query.build());
    }

    /** The first pass: every key as it is, but for the birth date's typing errors. */
    public static Query exact(MatchRecord r) {
        return orNobody(keys(r).build());
    }

    private static BooleanQuery.Builder keys(MatchRecord r) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> words = MatchFields.nameWords(r);
        for (String word : words) {
            query.add(rarity(MatchFields.NAME, word, NAME), Occur.SHOULD);
        }
        for (String code : MatchFields.soundsOf(words)) {
            query.add(rarity(MatchFields.NAME_SOUND, code, NAME), Occur.SHOULD);
        }
        if (r.birthdate() != null) {
            String date = r.birthdate().format(BASIC);
            query.add(constant(new TermQuery(new Term(MatchFields.BIRTHDATE, date)), BIRTHDATE), Occur.SHOULD);
            query.add(constant(new TermInSetQuery(MatchFields.BIRTHDATE, birthdateTypos(date)), BIRTHDATE_TYPO),
                    Occur.SHOULD);
        }
        for (String document : MatchFields.documentKeys(r.documents())) {
            query.add(constant(new TermQuery(new Term(MatchFields.DOCUMENT, document)), DOCUMENT), Occur.SHOULD);
        }
        for (String phone : MatchFields.phoneKeys(r.phones())) {
            query.add(constant(new TermQuery(new Term(MatchFields.PHONE, phone)), PHONE), Occur.SHOULD);
        }
        String postcode = MatchFields.documentKey(r.postalCode());
        if (!postcode.isEmpty()) {
            query.add(rarity(MatchFields.POSTCODE, postcode, POSTCODE), Occur.SHOULD);
        }
        return query;
    }

    /**
     * The real dates ({@code yyyyMMdd}) one typing error away from {@code date}: day and month swapped, one digit
     * replaced, two neighbouring digits transposed. (A digit left out or added gives no date of eight digits.)
     */
    static Set<BytesRef> birthdateTypos(String date) {
        Set<String> typos = new LinkedHashSet<>();
        typos.add(date.substring(0, 4) + date.substring(6, 8) + date.substring(4, 6));
        char[] digits = date.toCharArray();
        for (int i = 0; i < digits.length; i++) {
            char original = digits[i];
            for (char d = '0'; d <= '9'; d++) {
                if (d != original) {
                    digits[i] = d;
                    typos.add(new String(digits));
                }
            }
            digits[i] = original;
            if (i + 1 < digits.length && digits[i] != digits[i + 1]) {
                typos.add(date.substring(0, i) + digits[i + 1] + digits[i] + date.substring(i + 2));
            }
        }
        typos.remove(date);
        Set<BytesRef> real = new LinkedHashSet<>();
        for (String typo : typos) {
            if (isDate(typo)) {
                real.add(new BytesRef(typo));
            }
        }
        return real;
    }

    private static boolean isDate(String yyyymmdd) {
        int month = Integer.parseInt(yyyymmdd.substring(4, 6));
        int day = Integer.parseInt(yyyymmdd.substring(6, 8));
        return month >= 1 && month <= 12 && day >= 1
                && YearMonth.of(Integer.parseInt(yyyymmdd.substring(0, 4)), month).isValidDay(day);
    }

    /** A key scored by how rare it is in the index (BM25's idf: every key field holds one term per value). */
    private static Query rarity(String field, String value, float weight) {
        return new BoostQuery(new TermQuery(new Term(field, value)), weight);
    }

    private static Query constant(Query key, float weight) {
        return new BoostQuery(new ConstantScoreQuery(key), weight);
    }

    private static Query orNobody(BooleanQuery built) {
        return built.clauses().isEmpty() ? new MatchNoDocsQuery("no matching keys") : built;
    }
}
