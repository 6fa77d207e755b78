package org.populus.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.populus.matching.DuplicateFinder;
import org.populus.matching.FieldComparison;
import org.populus.matching.IndexNameFrequencies;
import org.populus.matching.MatchFields;
import org.populus.matching.MatchRecord;
import org.populus.matching.MatchThresholds;
import org.populus.person.Registrant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The possible duplicates of a person: the people of the search index whose records the matching model scores at
 * or above {@code populus.matching.possible-duplicate-threshold} against theirs, best first (docs/matching.md). Only
 * individuals not discarded are candidates. Empty (no answer) while the index is being rebuilt. Each search is
 * timed in the metric {@code populus.matching.duration}, and its processor time in {@code populus.matching.cpu}.
 */
@Service
public class DuplicateCandidates {

    /** A person who may be the same, with the model's score and its comparison field by field. */
    public record PossibleDuplicate(long personId, double score, List<FieldComparison> fields) {

        public PossibleDuplicate {
            fields = List.copyOf(fields);
        }
    }

    private final IndexKeeper keeper;
    private final MatchThresholds thresholds;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Timer timer;
    private final Timer cpu;

    DuplicateCandidates(IndexKeeper keeper, MeterRegistry registry,
            @Value("${populus.matching.possible-duplicate-threshold:#{null}}") Double threshold) {
        this.keeper = keeper;
        this.thresholds = threshold == null ? MatchThresholds.DEFAULT : new MatchThresholds(threshold);
        this.timer = Timer.builder("populus.matching.duration")
                .description("Time to find and score one person's possible duplicates").publishPercentileHistogram()
                .register(registry);
        this.cpu = Timer.builder("populus.matching.cpu")
                .description("Processor time of one person's matching (its duration less the waits for a core)")
                .publishPercentileHistogram().register(registry);
    }

    /**
     * The score from which two people are possible duplicates in a registry of the index's size (the configured
     * one while the index is not ready).
     */
    public double threshold() {
        return keeper.ready().map(index -> index.search(searcher -> thresholds.among(
                MatchFields.people(searcher.getIndexReader())))).orElse(thresholds.possibleDuplicate());
    }

    /** Whether possible duplicates can be looked for now (not while the index is being built). */
    public boolean ready() {
        return keeper.ready().isPresent();
    }

    /** The possible duplicates of a registered person (never themself). */
    public Optional<List<PossibleDuplicate>> of(Registrant person) {
        return like(MatchRecords.of(person));
    }

    /** The possible duplicates of a person described by this record (one about to be registered: id 0). */
    public Optional<List<PossibleDuplicate>> like(MatchRecord record) {
        return keeper.ready().map(index -> {
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            List<PossibleDuplicate> found = timer.record(() -> index.search(searcher ->
                    DuplicateFinder.find(searcher, record, new IndexNameFrequencies(searcher.getIndexReader()),
                            thresholds).stream()
                            .map(c -> new PossibleDuplicate(c.id(), c.score().weight(), c.score().fields()))
                            .toList()));
            if (cpuBefore >= 0) { // -1 on a virtual thread: its processor time is not measured
                cpu.record(Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpuBefore));
            }
            return found;
        });
    }
}
