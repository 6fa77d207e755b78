package org.populus.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.LowerCaseFilter;

/**
 * How names are cut into terms, from Lucene's own components. Every name is first normalised by the registry
 * ({@code Names.normalize}: lower case, accents removed, single spaces), then:
 * <ul>
 * <li>{@value #WORDS}: the words of the name — its space-separated words and, when one holds punctuation, the runs
 * of letters and digits inside it ("jean-pierre" gives jean-pierre, jean, pierre) — folded to ASCII (ø → o,
 * ß → ss);</li>
 * <li>{@value #PREFIXES}: every prefix of 1 to {@value #LONGEST_PREFIX} characters of those words (and a longer
 * word whole), so a typed beginning of a word is one term;</li>
 * <li>{@value #GRAMS}: every three consecutive characters of the normalised name, spaces included, so a substring of
 * three characters or more is found through the terms it must hold.</li>
 * </ul>
 */
final class NameAnalysis {

    static final String WORDS = "words";
    static final String PREFIXES = "prefixes";
    static final String GRAMS = "grams";
    static final int LONGEST_PREFIX = 30;
    static final int GRAM = 3;

    private NameAnalysis() {
    }

    /** The analyzer of the index: the three name fields as above, every other field taken as one term. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                Map.of(WORDS, new Words(false), PREFIXES, new Words(true), GRAMS, new Grams()));
    }

    /** A search word as the {@value #WORDS} and {@value #PREFIXES} fields hold it (folded like the names). */
    static String word(String normalizedWord) {
        return QUERY_WORDS.normalize(WORDS, normalizedWord).utf8ToString();
    }

    /** One analyzer for every search word (an analyzer is safe to share between threads). */
    private static final Analyzer QUERY_WORDS = new Words(false);

    /** Words of a name, or every prefix of them. */
    static final class Words extends Analyzer {

        private final boolean prefixes;

        Words(boolean prefixes) {
            this.prefixes = prefixes;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new WhitespaceTokenizer();
            TokenStream words = new WordDelimiterGraphFilter(source, WordDelimiterGraphFilter.GENERATE_WORD_PARTS
                    | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.PRESERVE_ORIGINAL,
                    null);
            TokenStream folded = new LowerCaseFilter(new ASCIIFoldingFilter(new FlattenGraphFilter(words)));
            return new TokenStreamComponents(source,
                    prefixes ? new EdgeNGramTokenFilter(folded, 1, LONGEST_PREFIX, true) : folded);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new ASCIIFoldingFilter(in));
        }
    }

    /** Three-character grams of the whole normalised name. */
    static final class Grams extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new NGramTokenizer(GRAM, GRAM));
        }
    }
}
