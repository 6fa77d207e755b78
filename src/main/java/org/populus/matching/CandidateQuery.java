package org.populus.matching;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene query that finds the candidates worth scoring: anyone who shares at least one blocking key with the
 * person, ranked by how many keys they share (each key adds a fixed amount; rarer kinds of evidence add more), so
 * that the top of the result holds the people the model would score highest. Typing errors are allowed for on
 * the query side: name words and identity numbers within an edit or two, names that sound alike (Double
 * Metaphone), a birth date with day and month swapped or one digit off.
 */
public final class CandidateQuery {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final float DOCUMENT = 4f;
    private static final float PHONE = 4f;
    private static final float BIRTHDATE = 2f;
    private static final float NAME = 1f;
    private static final float POSTCODE = 0.5f;

    private CandidateQuery() {
    }

    /** The candidate query of a person; matches nobody when the record has no key at all. */
    public static Query of(MatchRecord r) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> words = MatchFields.nameWords(r);
        for (String word : words) {
            query.add(keyed(fuzzy(MatchFields.NAME, word), NAME), Occur.SHOULD);
        }
        for (String code : MatchFields.soundsOf(words)) {
            query.add(keyed(new TermQuery(new Term(MatchFields.NAME_SOUND, code)), NAME), Occur.SHOULD);
        }
        if (r.birthdate() != null) {
            query.add(keyed(birthdateVariants(r.birthdate()), BIRTHDATE), Occur.SHOULD);
        }
        for (String document : MatchFields.documentKeys(r.documents())) {
            query.add(keyed(new FuzzyQuery(new Term(MatchFields.DOCUMENT, document), 1), DOCUMENT), Occur.SHOULD);
        }
        for (String phone : MatchFields.phoneKeys(r.phones())) {
            query.add(keyed(new FuzzyQuery(new Term(MatchFields.PHONE, phone), 1), PHONE), Occur.SHOULD);
        }
        String postcode = MatchFields.documentKey(r.postalCode());
        if (!postcode.isEmpty()) {
            query.add(keyed(new TermQuery(new Term(MatchFields.POSTCODE, postcode)), POSTCODE), Occur.SHOULD);
        }
        BooleanQuery built = query.build();
        return built.clauses().isEmpty() ? new MatchNoDocsQuery("no matching keys") : built;
    }

    /**
     * The birth date, the same with day and month swapped, and any date one edit away ({@code yyyyMMdd} within
     * one substituted, missing or transposed digit).
     */
    static Query birthdateVariants(LocalDate birthdate) {
        String date = birthdate.format(BASIC);
        BooleanQuery.Builder variants = new BooleanQuery.Builder();
        variants.add(new FuzzyQuery(new Term(MatchFields.BIRTHDATE, date), 1), Occur.SHOULD);
        String swapped = date.substring(0, 4) + date.substring(6, 8) + date.substring(4, 6);
        if (!swapped.equals(date)) {
            variants.add(new TermQuery(new Term(MatchFields.BIRTHDATE, swapped)), Occur.SHOULD);
        }
        return variants.build();
    }

    /** Name words: exact for one or two letters, one edit up to five letters, two beyond. */
    private static Query fuzzy(String field, String word) {
        int edits = word.length() <= 2 ? 0 : word.length() <= 5 ? 1 : 2;
        return edits == 0 ? new TermQuery(new Term(field, word)) : new FuzzyQuery(new Term(field, word), edits);
    }

    private static Query keyed(Query key, float weight) {
        return new BoostQuery(new ConstantScoreQuery(key), weight);
    }
}
