package org.populus.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/** A small in-memory index of people as the search module would keep it, for the tests. */
final class InMemoryPeople implements AutoCloseable {

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;

    InMemoryPeople(MatchRecord... people) {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (MatchRecord r : people) {
                writer.addDocument(OneAtATimeMatching.document(r));
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IndexSearcher searcher() {
        return new IndexSearcher(reader);
    }

    DirectoryReader reader() {
        return reader;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
