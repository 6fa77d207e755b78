package org.populus.api.office;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.populus.person.CensusStatus;
import org.populus.person.Registrants;
import org.populus.procedure.Issues;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Reviews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, read from the domain modules and kept for a short time
 * ({@code populus.office.dashboard-cache}, 30 seconds by default; 0 reads them on every load) in a Caffeine cache,
 * so that many staff reloading the dashboard cost at most one round of counting per period however many people the
 * registry holds: counting people by state reads every individual.
 */
@Component
class DashboardFigures {

    /** The days the chart covers, today (UTC) included. */
    static final int DAYS = 30;

    /** Registrations and decisions of one day (UTC). */
    record Day(LocalDate day, long registrations, long decisions) {
    }

    /**
     * @param oldestPendingSince when the oldest pending procedure was created, if any is pending
     * @param days               the last {@value #DAYS} days, oldest first, every day listed (zero when none)
     */
    record Figures(Map<CensusStatus.State, Long> peopleByState, Map<ProcedureType, Long> pendingByType,
            long openIssues, Optional<Instant> oldestPendingSince, List<Day> days, Instant readAt) {
    }

    private final Registrants registrants;
    private final Reviews reviews;
    private final Issues issues;
    private final Clock clock;
    private final LoadingCache<Boolean, Figures> cache;

    @Autowired
    DashboardFigures(Registrants registrants, Reviews reviews, Issues issues, Clock clock,
            @Value("${populus.office.dashboard-cache:30s}") Duration keepFor) {
        this(registrants, reviews, issues, clock, keepFor, Ticker.systemTicker());
    }

    DashboardFigures(Registrants registrants, Reviews reviews, Issues issues, Clock clock, Duration keepFor,
            Ticker ticker) {
        this.registrants = registrants;
        this.reviews = reviews;
        this.issues = issues;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(keepFor).ticker(ticker).maximumSize(1)
                .build(key -> read());
    }

    /** The figures, read at most {@code populus.office.dashboard-cache} ago. */
    Figures current() {
        return cache.get(Boolean.TRUE);
    }

    private Figures read() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<LocalDate, Long> registered = registrants.countRegisteredPerDay(since);
        Map<LocalDate, Long> decided = reviews.countDecidedPerDay(since);
        List<Day> days = new ArrayList<>(DAYS);
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            days.add(new Day(d, registered.getOrDefault(d, 0L), decided.getOrDefault(d, 0L)));
        }
        return new Figures(registrants.countByState(), reviews.countPendingByType(), issues.countOpen(),
                reviews.oldestPendingSince(), List.copyOf(days), now);
    }
}
