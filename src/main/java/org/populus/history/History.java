package org.populus.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The history of registrants and households. */
@Service
public class History {

    private final HistoryRepository versions;
    private final ApplicationEventPublisher events;

    History(HistoryRepository versions, ApplicationEventPublisher events) {
        this.versions = versions;
        this.events = events;
    }

    /** A version to append in bulk: the record, its version number, when, and the whole record as JSON. */
    public record NewVersion(String subjectType, long subjectId, int version, Instant recordedAt, String snapshot) {
    }

    /**
     * Appends many versions with one provenance, streamed with {@code COPY} (bulk import). Same contract as
     * {@link #append}: inside the transaction that made the changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(Iterable<NewVersion> versions, Provenance provenance) {
        this.versions.copyAll(versions, provenance.actor(), provenance.reason());
        events.publishEvent(new VersionsRecorded());
    }

    /**
     * Appends a version. Must run inside the transaction that made the change, so the change and its version
     * commit or roll back together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String subjectType, long subjectId, int version, Instant recordedAt, Provenance provenance,
            String snapshot) {
        versions.insert(subjectType, subjectId, version, recordedAt, provenance.actor(), provenance.reason(),
                snapshot);
        events.publishEvent(new VersionsRecorded());
        events.publishEvent(new VersionAppended(subjectType, subjectId, version, snapshot));
    }

    /**
     * The version in force at {@code instant}: the last one recorded at or before it. Empty when the record did
     * not exist yet.
     */
    public Optional<RecordVersion> asOf(String subjectType, long subjectId, Instant instant) {
        return versions.lastAtOrBefore(subjectType, subjectId, instant);
    }

    /** Every version of a record, oldest first. */
    public List<RecordVersion> versions(String subjectType, long subjectId) {
        return versions.all(subjectType, subjectId);
    }

    /**
     * A page of a record's versions, newest first: up to {@code count} of those numbered below
     * {@code beforeVersion} ({@link Integer#MAX_VALUE} for the newest). Read backwards by the primary key, however
     * long the history.
     */
    public List<RecordVersion> versionsBelow(String subjectType, long subjectId, int beforeVersion, int count) {
        return versions.newestBelow(subjectType, subjectId, beforeVersion, count);
    }

    /**
     * The snapshot of a record's newest version: the record as it stands, since every change appends its version in
     * the same transaction. Empty when there is no such record.
     */
    public Optional<String> latestSnapshot(String subjectType, long subjectId) {
        return versions.latestSnapshot(subjectType, subjectId);
    }

    /** {@link #latestSnapshot} of each of these records that exists, in the order given (one statement). */
    public List<String> latestSnapshots(String subjectType, java.util.Collection<Long> subjectIds) {
        return subjectIds.isEmpty() ? List.of()
                : versions.latestSnapshots(subjectType, subjectIds.toArray(Long[]::new));
    }

    /**
     * A place in the change feed: just after the version with this transaction id and sequence number. The feed is
     * in the order of ({@code txid}, {@code id}); {@link #START} is before every version.
     */
    public record FeedPosition(long txid, long id) {
        public static final FeedPosition START = new FeedPosition(0, 0);
    }

    /** A version as the change feed gives it: where it is in the feed, and which fields it changed. */
    public record Change(FeedPosition position, String subjectType, long subjectId, int version, Instant recordedAt,
            String actor, String reason, List<String> changed) {
    }

    /**
     * Up to {@code limit} versions after {@code after}, in feed order, from transactions older than every Populus
     * writer still running (transactions of other databases, or that wrote nothing to Populus's tables, do not
     * count; see {@code HistoryRepository.HORIZON}): a version committed late (by a transaction that began before others that committed first) is
     * never behind a position already handed out, so a reader that always asks from its last position misses
     * nothing.
     */
    public List<Change> changesAfter(FeedPosition after, int limit) {
        return versions.changesAfter(after, limit).stream()
                .map(v -> new Change(v.position(), v.subjectType(), v.subjectId(), v.version(), v.recordedAt(),
                        v.actor(), v.reason(), SnapshotDifference.changedFields(v.previousSnapshot(), v.snapshot())))
                .toList();
    }

    /** A record's version as {@link #recordsChangedAfter} gives it: where it is in the feed, which record, which version. */
    public record ChangedRecord(FeedPosition position, String subjectType, long subjectId, int version) {
    }

    /**
     * As {@link #changesAfter}, without reading the snapshots: which records changed, for readers that read the
     * records themselves (a search index).
     */
    public List<ChangedRecord> recordsChangedAfter(FeedPosition after, int limit) {
        return versions.recordsChangedAfter(after, limit);
    }

    /** How many versions come after this position in the feed: what a reader at it has still to read. */
    public long countAfter(FeedPosition position) {
        return versions.countAfter(position);
    }

    /**
     * The feed's newest position now: a reader starting from it misses nothing committed later, nor a version
     * committed late by a writer still running (those are after it in the feed).
     */
    public FeedPosition head() {
        return versions.head();
    }

    /**
     * How far the change feed is behind: the versions committed that it does not give yet, because a Populus writer
     * that began before them is still running, and when the oldest of them was recorded (null when none).
     */
    public record FeedLag(long versions, Instant oldest) {
    }

    /** {@link FeedLag} now. */
    public FeedLag feedLag() {
        return versions.lag();
    }
}
