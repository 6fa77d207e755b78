package org.populus.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.DocValues;
import org.populus.person.NameIndex;
import org.populus.person.PeopleSearch;
import org.populus.person.RegistrantKind;
import org.populus.person.RegistrantQuery;
import org.populus.shared.Names;
import org.springframework.stereotype.Component;

/**
 * The name searches on the Lucene index (docs/search.md).
 * <ul>
 * <li><b>Substring</b> (OpenG2P {@code name}): the documents holding every three-character gram of the text,
 * confirmed on the stored normalised name, in id order — the index's own order, so a page is read and no more.
 * A text of one or two characters is confirmed on every name in id order (a short text is found early).</li>
 * <li><b>Words</b> (registrars): every word is a prefix term; a word matched whole ranks higher; ties by id. At
 * most {@link PeopleSearch#MAX_TOTAL} matches are counted. When none match, each word may be one or two edits away
 * after its first letter (Lucene's fuzzy matching), most of them must match, and the closest names come first.</li>
 * </ul>
 */
@Component
class LuceneNameIndex implements NameIndex {

    private static final Sort BY_ID = new Sort(new SortField(PersonDocuments.ID, SortField.Type.LONG));
    private static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE,
            new SortField(PersonDocuments.ID, SortField.Type.LONG));

    private final IndexKeeper keeper;

    LuceneNameIndex(IndexKeeper keeper) {
        this.keeper = keeper;
    }

    @Override
    public Optional<List<Long>> containing(RegistrantQuery query, long afterId, long offset, int limit) {
        return keeper.ready().map(index -> index.search(searcher -> {
            BooleanQuery.Builder q = new BooleanQuery.Builder()
                    .add(LongPoint.newRangeQuery(PersonDocuments.ID, Math.addExact(afterId, 1),
                            query.id() == null ? Long.MAX_VALUE : query.id()), BooleanClause.Occur.FILTER);
            if (query.id() != null) {
                q.add(LongPoint.newExactQuery(PersonDocuments.ID, query.id()), BooleanClause.Occur.FILTER);
            }
            q.add(ofKind(query.kind()));
            if (!query.includeDiscarded()) {
                q.add(notDiscarded());
            }
            String text = Names.normalize(query.name());
            for (String gram : grams(text)) {
                q.add(new TermQuery(new Term(NameAnalysis.GRAMS, gram)), BooleanClause.Occur.FILTER);
            }
            q.add(new SubstringQuery(text), BooleanClause.Occur.FILTER);
            int wanted = (int) Math.min(Integer.MAX_VALUE - 1, offset + limit);
            TopDocs top = searcher.search(q.build(), new TopFieldCollectorManager(BY_ID, Math.max(1, wanted), null,
                    1, searcher.getSlices().length > 1));
            return ids(searcher, top, offset, limit);
        }));
    }

    @Override
    public Optional<Hits> startingWords(PeopleSearch search, long offset, int limit) {
        return keeper.ready().map(index -> index.search(searcher -> {
            Hits exact = ranked(searcher, search, offset, limit);
            return exact.total() > 0 ? exact : run(searcher, fuzzy(search), offset, limit, true);
        }));
    }

    /**
     * The words search, ranked (more words matched whole, then id) without sorting every match when it need not:
     * when the people matching every word whole fill the page, they are the page, read in id order (the index's
     * own order), and the matches are counted in id order, stopping at {@link PeopleSearch#MAX_TOTAL} + 1. Only
     * otherwise are the matches sorted by score (and counted by the same pass).
     */
    private Hits ranked(IndexSearcher searcher, PeopleSearch search, long offset, int limit) throws IOException {
        int wanted = (int) Math.min(PeopleSearch.MAX_TOTAL, offset + limit);
        if (offset < PeopleSearch.MAX_TOTAL) {
            TopDocs whole = searcher.search(wholeWords(search), new TopFieldCollectorManager(BY_ID,
                    Math.max(1, wanted), null, Math.max(1, wanted), false));
            if (whole.scoreDocs.length >= wanted) {
                TopDocs counted = searcher.search(words(search), new TopFieldCollectorManager(BY_ID, 1, null,
                        PeopleSearch.MAX_TOTAL + 1, false));
                return hits(counted, ids(searcher, whole, offset, limit), false);
            }
        }
        return run(searcher, words(search), offset, limit, false);
    }

    private static Hits hits(TopDocs counted, List<Long> page, boolean fuzzy) {
        long total = counted.totalHits.value;
        boolean capped = total > PeopleSearch.MAX_TOTAL
                || counted.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
        return new Hits(page, (int) Math.min(total, PeopleSearch.MAX_TOTAL), capped, fuzzy);
    }

    private Hits run(IndexSearcher searcher, Query query, long offset, int limit, boolean fuzzy)
            throws IOException {
        int wanted = (int) Math.min(PeopleSearch.MAX_TOTAL, offset + limit);
        TopDocs top = searcher.search(query, new TopFieldCollectorManager(BY_SCORE_THEN_ID, Math.max(1, wanted),
                null, PeopleSearch.MAX_TOTAL + 1, false));
        return hits(top, offset >= PeopleSearch.MAX_TOTAL ? List.of() : ids(searcher, top, offset, limit), fuzzy);
    }

    /** Every word is a word of the name, whole. */
    private static Query wholeWords(PeopleSearch search) {
        BooleanQuery.Builder q = base(search);
        for (String normalized : search.words()) {
            q.add(new TermQuery(new Term(NameAnalysis.WORDS, NameAnalysis.word(normalized))),
                    BooleanClause.Occur.FILTER);
        }
        return q.build();
    }

    /** Every word starts a word of the name; a word matched whole adds to the score. */
    private static Query words(PeopleSearch search) {
        BooleanQuery.Builder q = base(search);
        for (String normalized : search.words()) {
            String word = NameAnalysis.word(normalized);
            Query starts = word.codePointCount(0, word.length()) <= NameAnalysis.LONGEST_PREFIX
                    ? new TermQuery(new Term(NameAnalysis.PREFIXES, word))
                    : new PrefixQuery(new Term(NameAnalysis.WORDS, word));
            q.add(new ConstantScoreQuery(starts), BooleanClause.Occur.FILTER);
            q.add(new ConstantScoreQuery(new TermQuery(new Term(NameAnalysis.WORDS, word))),
                    BooleanClause.Occur.SHOULD);
        }
        return q.build();
    }

    /**
     * Names close to the words: each word (of two letters or more) found whole, as a prefix, or one edit away (two
     * for words of six letters or more) after its first letter (a typing error there is the rarest, and building
     * the automata for whole words was most of a fallback's time), at least two words in three; scored by how
     * close.
     */
    private static Query fuzzy(PeopleSearch search) {
        BooleanQuery.Builder q = base(search);
        BooleanQuery.Builder close = new BooleanQuery.Builder();
        int words = 0;
        for (String normalized : search.words()) {
            String word = NameAnalysis.word(normalized);
            int letters = word.codePointCount(0, word.length());
            if (letters < 2) {
                continue;
            }
            words++;
            BooleanQuery.Builder one = new BooleanQuery.Builder();
            FuzzyQuery typo = new FuzzyQuery(new Term(NameAnalysis.WORDS, word), letters >= 6 ? 2 : 1, 1, 50, true,
                    new MultiTermQuery.TopTermsBoostOnlyBooleanQueryRewrite(50));
            one.add(typo, BooleanClause.Occur.SHOULD);
            if (letters <= NameAnalysis.LONGEST_PREFIX) {
                one.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(NameAnalysis.PREFIXES, word))),
                        0.5f), BooleanClause.Occur.SHOULD);
            }
            close.add(one.build(), BooleanClause.Occur.SHOULD);
        }
        close.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(words * 2 / 3.0)));
        q.add(close.build(), BooleanClause.Occur.MUST);
        return q.build();
    }

    /** Individuals only (only they have words and prefixes), the discarded left out unless asked for. */
    private static BooleanQuery.Builder base(PeopleSearch search) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        if (!search.includeDiscarded()) {
            q.add(notDiscarded());
        }
        return q;
    }

    /**
     * Most documents are live individuals: filtering on those terms would walk postings as long as the index, so
     * what is left out is named instead (a few discarded people; the households, a third as many).
     */
    private static BooleanClause notDiscarded() {
        return new BooleanClause(new TermQuery(new Term(PersonDocuments.LIVE, PersonDocuments.NO)),
                BooleanClause.Occur.MUST_NOT);
    }

    private static BooleanClause ofKind(RegistrantKind kind) {
        return kind == RegistrantKind.GROUP
                ? new BooleanClause(new TermQuery(new Term(PersonDocuments.KIND, PersonDocuments.GROUP)),
                        BooleanClause.Occur.FILTER)
                : new BooleanClause(new TermQuery(new Term(PersonDocuments.KIND, PersonDocuments.GROUP)),
                        BooleanClause.Occur.MUST_NOT);
    }

    /** The distinct three-character grams of a text (none when it is shorter). */
    static Set<String> grams(String text) {
        Set<String> grams = new LinkedHashSet<>();
        int[] points = text.codePoints().toArray();
        for (int i = 0; i + NameAnalysis.GRAM <= points.length; i++) {
            grams.add(new String(points, i, NameAnalysis.GRAM));
        }
        return grams;
    }

    /** The ids of hits {@code offset} to {@code offset + limit}, read from the id doc values. */
    private static List<Long> ids(IndexSearcher searcher, TopDocs top, long offset, int limit)
            throws IOException {
        List<Long> ids = new ArrayList<>(limit);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        ScoreDoc[] hits = top.scoreDocs;
        for (long i = offset; i < hits.length && ids.size() < limit; i++) {
            int doc = hits[(int) i].doc;
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), PersonDocuments.ID);
            if (values.advanceExact(doc - leaf.docBase)) {
                ids.add(values.longValue());
            }
        }
        return ids;
    }
}
