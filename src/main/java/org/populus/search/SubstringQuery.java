package org.populus.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The documents whose normalised name (the binary doc value {@value PersonDocuments#NAME}) holds this text, byte
 * for byte (UTF-8, in which a character's bytes never occur inside another's, so a byte match is a character
 * match). It only confirms: in a conjunction with the terms the text must hold ({@value NameAnalysis#GRAMS}),
 * Lucene walks those terms' documents and asks this query about each candidate alone.
 */
final class SubstringQuery extends Query {

    private final byte[] text;

    SubstringQuery(String normalizedText) {
        this.text = normalizedText.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                BinaryDocValues names = DocValues.getBinary(context.reader(), PersonDocuments.NAME);
                TwoPhaseIterator holding = new TwoPhaseIterator(names) {
                    @Override
                    public boolean matches() throws IOException {
                        return contains(names.binaryValue(), text);
                    }

                    @Override
                    public float matchCost() {
                        return 64;
                    }
                };
                return new ConstantScoreScorer(this, score(), scoreMode, holding);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    /** Whether {@code name} holds {@code part} at some offset. */
    static boolean contains(BytesRef name, byte[] part) {
        int last = name.length - part.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j < part.length; j++) {
                if (name.bytes[name.offset + i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "substring(" + new String(text, StandardCharsets.UTF_8) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && Arrays.equals(text, ((SubstringQuery) other).text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), Arrays.hashCode(text));
    }
}
