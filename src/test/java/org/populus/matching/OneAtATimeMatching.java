package org.populus.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The product's write path, offline: records go into an in-memory Lucene index one at a time in file order; each
 * is matched against those indexed before it, then added. Every candidate scored is kept with its weight, so the
 * links at any threshold can be read afterwards; the clusters are the connected components of the links.
 */
final class OneAtATimeMatching {

    /** A candidate pair scored on the way: the later record, the earlier one, the weight. */
    record ScoredPair(int later, int earlier, double weight) {
    }

    private final List<ScoredPair> pairs = new ArrayList<>();
    private final int size;

    private OneAtATimeMatching(int size) {
        this.size = size;
    }

    static OneAtATimeMatching run(List<FebrlData.Row> rows) {
        OneAtATimeMatching run = new OneAtATimeMatching(rows.size());
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            DirectoryReader reader = DirectoryReader.open(writer);
            for (FebrlData.Row row : rows) {
                DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
                if (newer != null) {
                    reader.close();
                    reader = newer;
                }
                MatchRecord r = row.record();
                for (ScoredCandidate c : DuplicateFinder.scoreCandidates(new IndexSearcher(reader), r,
                        new IndexNameFrequencies(reader))) {
                    run.pairs.add(new ScoredPair((int) r.id(), (int) c.id(), c.score().weight()));
                }
                writer.addDocument(document(r));
            }
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    /** The document the search module would index: the id fields and the matching fields. */
    static Document document(MatchRecord r) {
        Document doc = new Document();
        doc.add(new StoredField("id", r.id()));
        doc.add(new LongPoint("id", r.id()));
        doc.add(new NumericDocValuesField("id", r.id()));
        MatchFields.addTo(doc, r);
        return doc;
    }

    List<ScoredPair> pairs() {
        return pairs;
    }

    /** Each record's cluster (a representative record) when every pair at or above {@code threshold} is a link. */
    int[] clusters(double threshold) {
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
        for (ScoredPair p : pairs) {
            if (p.weight() >= threshold) {
                parent[root(parent, p.later())] = root(parent, p.earlier());
            }
        }
        int[] cluster = new int[size];
        for (int i = 0; i < size; i++) {
            cluster[i] = root(parent, i);
        }
        return cluster;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
