package org.populus.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.store.Lock;

/**
 * The Lucene index in its folder: one writer, near-real-time searchers reopened in the background (at most
 * {@code maxStaleSeconds} behind the writer, at once for a caller waiting on its change), documents kept sorted by
 * id (so a page in id order stops reading as soon as it is full). What the index holds is described by the data of
 * its last commit: the schema of its documents, whether it is complete, and the change it holds up to.
 */
final class PeopleIndex implements Closeable {

    /**
     * A writer waiting to see its change waits this long at most before a reopen: the writes of those few
     * milliseconds share one reopen (each reopen writes a new small segment), instead of one reopen each.
     */
    static final double MIN_STALE_SECONDS = 0.015;

    /** How the index's folder was found on opening. */
    enum Found { USABLE, MISSING, UNREADABLE }

    /**
     * Segments of about the same size allowed before they are merged (Lucene's default is 10). Every search looks
     * its terms up in every segment: at a million people, a duplicate search on 4 segments took a median 1.8 ms
     * against 2.5 ms on 20 (bench/RESULTS.md), and merging them all took 3 s.
     */
    private static final int SEGMENTS_PER_TIER = 4;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final Map<String, String> committed;
    private final Found found;

    private PeopleIndex(Directory directory, IndexWriter writer, Map<String, String> committed, Found found,
            double maxStaleSeconds) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.committed = committed;
        this.found = found;
        this.searchers = new SearcherManager(writer, null);
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, maxStaleSeconds, MIN_STALE_SECONDS);
        reopener.setName("search-index-reopen");
        reopener.setDaemon(true);
        reopener.start();
    }

    /**
     * Opens the index in {@code folder}, creating it when missing; an index that cannot be read (corrupt, of an
     * older Lucene) is emptied. Refuses when another process holds the folder.
     */
    static PeopleIndex open(Path folder, double maxStaleSeconds) throws IOException {
        Files.createDirectories(folder);
        // the small segments of near-real-time reopens stay in memory until merged into larger ones
        Directory directory = new NRTCachingDirectory(FSDirectory.open(folder), 8, 64);
        Found found;
        Map<String, String> committed = Map.of();
        if (!DirectoryReader.indexExists(directory)) {
            found = Found.MISSING;
        } else {
            try {
                committed = SegmentInfos.readLatestCommit(directory).getUserData();
                try (DirectoryReader check = DirectoryReader.open(directory)) {
                    found = check.maxDoc() >= 0 ? Found.USABLE : Found.UNREADABLE;
                }
            } catch (IOException | RuntimeException unreadable) {
                found = Found.UNREADABLE;
                committed = Map.of();
            }
        }
        if (found == Found.UNREADABLE) {
            empty(directory);
        }
        IndexWriterConfig config = new IndexWriterConfig(NameAnalysis.analyzer())
                .setOpenMode(found == Found.USABLE ? IndexWriterConfig.OpenMode.APPEND
                        : IndexWriterConfig.OpenMode.CREATE)
                .setIndexSort(new Sort(new SortField(PersonDocuments.ID, SortField.Type.LONG)))
                .setRAMBufferSizeMB(64)
                .setMergePolicy(new TieredMergePolicy().setSegmentsPerTier(SEGMENTS_PER_TIER))
                .setUseCompoundFile(false) // a reopen every few ms flushes a small segment: no copy into one file
                .setCommitOnClose(false);
        IndexWriter writer = new IndexWriter(directory, config);
        return new PeopleIndex(directory, writer, Map.copyOf(committed), found, maxStaleSeconds);
    }

    /** Removes every file of an unreadable index, holding its lock so no other writer is using it. */
    private static void empty(Directory directory) throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
        }
    }

    Found found() {
        return found;
    }

    /** The data of the commit the index was opened at (empty for a new or emptied index). */
    Map<String, String> committedData() {
        return committed;
    }

    /** Puts this document in place of the registrant's; returns the change's sequence number. */
    long replace(long id, Document document) {
        try {
            return writer.updateDocument(PersonDocuments.key(id), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the registrant's document; returns the change's sequence number. */
    long remove(long id) {
        try {
            return writer.deleteDocuments(PersonDocuments.key(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds documents of registrants the index does not hold (a rebuild). */
    void addAll(List<Document> documents) {
        try {
            writer.addDocuments(documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every document. */
    void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until searches see the change with this sequence number. */
    void awaitVisible(long sequenceNumber) throws InterruptedException {
        if (sequenceNumber >= 0) {
            reopener.waitForGeneration(sequenceNumber);
        }
    }

    /** Makes every change so far visible to searches now. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A search on the newest searcher. */
    <T> T search(SearchFunction<T> search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A search that may fail reading the index. */
    @FunctionalInterface
    interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Makes everything written so far durable, with this description of what the index holds. */
    void commit(Map<String, String> data) {
        try {
            writer.setLiveCommitData(Map.copyOf(data).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many documents the index holds now (as the newest searcher sees them). */
    int documents() {
        return search(s -> s.getIndexReader().numDocs());
    }

    /** Closes without committing: what was not committed is found again from the change feed on the next start. */
    @Override
    public void close() throws IOException {
        reopener.close();
        searchers.close();
        writer.rollback();
        directory.close();
    }
}
