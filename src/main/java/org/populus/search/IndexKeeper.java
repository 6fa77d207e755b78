package org.populus.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.populus.history.History;
import org.populus.history.VersionAppended;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the search index equal to the registry. At start it opens the index and rebuilds it from PostgreSQL when it
 * is missing, unreadable, of another schema or was left incomplete — in the background, the API answering
 * meanwhile (its searches from PostgreSQL). Then:
 * <ul>
 * <li>a change made on this instance is indexed right after its commit, from the version it wrote, and visible to
 * searches before the request that made it is answered;</li>
 * <li>every change, from any instance or the importer, is read from the history's change feed in commit order
 * (never skipping one committed late) every {@code populus.search.follow-interval}, and indexed from the registry;
 * </li>
 * <li>every {@code populus.search.commit-interval} the index is made durable with the feed position it holds, so a
 * restart (even after {@code kill -9}) reads the feed again from there and misses nothing.</li>
 * </ul>
 * A registrant's document is only ever replaced by a newer version of it, whichever of the two ways comes first.
 * What this instance writes while the index cannot answer (starting, rebuilding) is indexed before it answers again,
 * after the feed has been read to its end.
 */
@Component
class IndexKeeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexKeeper.class);
    static final String SCHEMA = "schema";
    static final String COMPLETE = "complete";
    static final String FEED_TXID = "feed_txid";
    static final String FEED_ID = "feed_id";
    private static final int FEED_BATCH = 1000;
    private static final Object TRANSACTION_KEY = new Object();
    /** Versions written here while the index cannot answer, kept to be indexed before it does; at most so many. */
    private static final int MAX_WAITING = 100_000;

    private final Registrants registrants;
    private final History history;
    private final SearchProperties properties;
    private final Path folder;
    private final Cache<Long, Integer> indexedVersions = Caffeine.newBuilder().maximumSize(500_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Object[] stripes = new Object[256];
    private final AtomicLong rebuildIndexed = new AtomicLong();
    private final Object readiness = new Object();
    private final List<String> waiting = new ArrayList<>();
    private volatile IndexState state = IndexState.STARTING;
    private volatile PeopleIndex index;
    private volatile History.FeedPosition position = History.FeedPosition.START;
    private volatile long lastRebuildMillis = -1;
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private Thread worker;

    IndexKeeper(Registrants registrants, History history, SearchProperties properties,
            @Value("${populus.data-dir:data}") Path dataDir) {
        this.registrants = registrants;
        this.history = history;
        this.properties = properties;
        this.folder = properties.dir() != null ? properties.dir() : dataDir.resolve("search");
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    IndexState state() {
        return state;
    }

    /** The index, when searches may be answered from it. */
    Optional<PeopleIndex> ready() {
        PeopleIndex current = index;
        return state == IndexState.READY && current != null ? Optional.of(current) : Optional.empty();
    }

    /** Registrants indexed by the rebuild running (or the last one). */
    long rebuildIndexed() {
        return rebuildIndexed.get();
    }

    /** How long the last rebuild took, in milliseconds; -1 when none ran since start. */
    long lastRebuildMillis() {
        return lastRebuildMillis;
    }

    History.FeedPosition position() {
        return position;
    }

    @Override
    public void start() {
        running = true;
        stopping = new CountDownLatch(1);
        worker = new Thread(this::run, "search-index");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Stops the worker without interrupting it (an interrupt inside Lucene's file I/O closes the index's files and
     * its write lock under it), then commits and closes the index.
     */
    @Override
    public void stop() {
        running = false;
        stopping.countDown();
        Thread w = worker;
        if (w != null) {
            try {
                w.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean wasReady = state == IndexState.READY;
        state = IndexState.CLOSED; // searches from now on are answered by PostgreSQL
        PeopleIndex current = index;
        if (current != null) {
            try {
                if (wasReady) {
                    current.commit(commitData(true));
                }
                current.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Closing the search index: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try {
            index = PeopleIndex.open(folder, properties.maxStale().toMillis() / 1000.0);
            Optional<String> why = reasonToRebuild(index);
            if (why.isPresent()) {
                log.info("Rebuilding the search index in {} ({})", folder, why.get());
                rebuild();
            } else {
                position = committedPosition(index.committedData());
                catchUp();
                becomeReady();
            }
        } catch (IOException | RuntimeException e) {
            state = IndexState.FAILED;
            synchronized (readiness) {
                waiting.clear();
            }
            log.error("The search index in {} cannot be used; searches are answered by PostgreSQL", folder, e);
            return;
        } catch (InterruptedException e) {
            return;
        }
        follow();
    }

    static Optional<String> reasonToRebuild(PeopleIndex index) {
        Map<String, String> data = index.committedData();
        if (index.found() != PeopleIndex.Found.USABLE) {
            return Optional.of(index.found() == PeopleIndex.Found.MISSING ? "none yet" : "unreadable");
        }
        if (!Integer.toString(PersonDocuments.SCHEMA).equals(data.get(SCHEMA))) {
            return Optional.of("schema " + data.get(SCHEMA) + ", now " + PersonDocuments.SCHEMA);
        }
        if (!"true".equals(data.get(COMPLETE))) {
            return Optional.of("a rebuild did not finish");
        }
        return Optional.empty();
    }

    private static History.FeedPosition committedPosition(Map<String, String> data) {
        return new History.FeedPosition(Long.parseLong(data.getOrDefault(FEED_TXID, "0")),
                Long.parseLong(data.getOrDefault(FEED_ID, "0")));
    }

    private Map<String, String> commitData(boolean complete) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(SCHEMA, Integer.toString(PersonDocuments.SCHEMA));
        data.put(COMPLETE, Boolean.toString(complete));
        data.put(FEED_TXID, Long.toString(position.txid()));
        data.put(FEED_ID, Long.toString(position.id()));
        return data;
    }

    /**
     * Reads every registrant from PostgreSQL into an emptied index, then holds the feed's position taken before
     * the first read: changes committed while it ran are read from the feed afterwards (a document replaced by the
     * same version is harmless).
     */
    private void rebuild() throws InterruptedException {
        state = IndexState.REBUILDING;
        long started = System.nanoTime();
        rebuildIndexed.set(0);
        History.FeedPosition from = history.head();
        index.clear();
        index.commit(Map.of(SCHEMA, Integer.toString(PersonDocuments.SCHEMA), COMPLETE, "false"));
        long afterId = 0;
        while (true) {
            if (!running) {
                throw new InterruptedException("stopped during the rebuild");
            }
            List<Long> ids = registrants.idsAfter(afterId, properties.rebuildBatch());
            if (ids.isEmpty()) {
                break;
            }
            List<org.apache.lucene.document.Document> documents = new ArrayList<>(ids.size());
            for (Registrant r : registrants.findAll(ids)) {
                documents.add(PersonDocuments.of(r));
            }
            index.addAll(documents);
            rebuildIndexed.addAndGet(documents.size());
            afterId = ids.get(ids.size() - 1);
        }
        indexedVersions.invalidateAll();
        position = from;
        catchUp();
        index.commit(commitData(true));
        lastRebuildMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        becomeReady();
        log.info("Search index rebuilt: {} registrants in {} ms", rebuildIndexed.get(), lastRebuildMillis);
    }

    /**
     * Indexes the versions written here while the index could not answer, then lets it answer: a person registered
     * during a rebuild is found by the next search after it, whichever answers it.
     */
    private void becomeReady() {
        synchronized (readiness) {
            for (String snapshot : waiting) {
                put(registrants.fromSnapshot(snapshot));
            }
            waiting.clear();
            index.refresh();
            state = IndexState.READY;
        }
    }

    /**
     * Reads the feed up to its end and makes what it read visible, before searches are answered from the index:
     * the changes committed while it was rebuilt or closed were not indexed by their writers.
     */
    private void catchUp() throws InterruptedException {
        try {
            while (running && followOnce() == FEED_BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("Catching up with the change feed: {}; following it from here", e.toString());
        }
        index.refresh();
    }

    /** Reads the change feed for as long as the instance runs, committing the index from time to time. */
    private void follow() {
        long lastCommit = System.nanoTime();
        History.FeedPosition committedAt = position;
        while (running) {
            try {
                int read = followOnce();
                if (!position.equals(committedAt)
                        && System.nanoTime() - lastCommit >= properties.commitInterval().toNanos()) {
                    committedAt = position;
                    index.commit(commitData(true));
                    lastCommit = System.nanoTime();
                }
                if (read < FEED_BATCH) {
                    pause(properties.followInterval());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Following the change feed into the search index: {}; trying again", e.toString());
                try {
                    pause(Duration.ofSeconds(1));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Waits for {@code duration}, or less when the instance stops. */
    private void pause(Duration duration) throws InterruptedException {
        stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Indexes the registrants of the next changes in the feed; returns how many changes were read. */
    int followOnce() {
        List<History.ChangedRecord> changes = history.recordsChangedAfter(position, FEED_BATCH);
        if (changes.isEmpty()) {
            return 0;
        }
        Map<Long, Integer> newest = new LinkedHashMap<>();
        for (History.ChangedRecord c : changes) {
            if (Registrants.HISTORY_SUBJECT.equals(c.subjectType())) {
                newest.merge(c.subjectId(), c.version(), Math::max);
            }
        }
        List<Long> stale = newest.entrySet().stream().filter(e -> {
            Integer had = indexedVersions.getIfPresent(e.getKey());
            return had == null || had < e.getValue();
        }).map(Map.Entry::getKey).toList();
        if (!stale.isEmpty()) {
            Map<Long, Registrant> found = new LinkedHashMap<>();
            registrants.findAll(stale).forEach(r -> found.put(r.id(), r));
            for (long id : stale) {
                Registrant r = found.get(id);
                if (r == null) {
                    remove(id);
                } else {
                    put(r);
                }
            }
        }
        position = changes.get(changes.size() - 1).position();
        return changes.size();
    }

    /** Indexes this version of a registrant unless a newer one is indexed; returns the change's sequence number. */
    long put(Registrant r) {
        synchronized (stripes[Math.floorMod(Long.hashCode(r.id()), stripes.length)]) {
            Integer had = indexedVersions.getIfPresent(r.id());
            if (had != null && had >= r.version()) {
                return -1;
            }
            long sequence = index.replace(r.id(), PersonDocuments.of(r));
            indexedVersions.put(r.id(), r.version());
            return sequence;
        }
    }

    private void remove(long id) {
        synchronized (stripes[Math.floorMod(Long.hashCode(id), stripes.length)]) {
            index.remove(id);
            indexedVersions.invalidate(id);
        }
    }

    /**
     * A version appended in the transaction running: its registrant is indexed right after the commit, from the
     * version's snapshot, and the request waits until searches see it.
     */
    @EventListener
    void onVersionAppended(VersionAppended appended) {
        if (!Registrants.HISTORY_SUBJECT.equals(appended.subjectType())
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Long, String> written = (Map<Long, String>) TransactionSynchronizationManager.getResource(
                TRANSACTION_KEY);
        if (written == null) {
            Map<Long, String> fresh = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(TRANSACTION_KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    indexCommitted(fresh.values());
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TRANSACTION_KEY);
                }
            });
            written = fresh;
        }
        written.put(appended.subjectId(), appended.snapshot());
    }

    private void indexCommitted(Collection<String> snapshots) {
        synchronized (readiness) {
            if (state != IndexState.READY) {
                if ((state == IndexState.STARTING || state == IndexState.REBUILDING)
                        && waiting.size() + snapshots.size() <= MAX_WAITING) {
                    waiting.addAll(snapshots); // indexed before the index answers; beyond, the feed brings them
                }
                return;
            }
        }
        try {
            long sequence = -1;
            for (String snapshot : snapshots) {
                sequence = Math.max(sequence, put(registrants.fromSnapshot(snapshot)));
            }
            index.awaitVisible(sequence);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Indexing a change after its commit: {}; the change feed will bring it", e.toString());
        }
    }
}
