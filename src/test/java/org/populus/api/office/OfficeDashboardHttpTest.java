package org.populus.api.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.populus.access.Role;
import org.populus.person.Registrants;
import org.populus.procedure.Issues;
import org.populus.procedure.Reviews;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's review figures and its 30-day chart, and how long its figures are kept. */
class OfficeDashboardHttpTest extends HttpTest {

    @Autowired
    Registrants registrants;
    @Autowired
    Reviews reviews;
    @Autowired
    Issues issues;
    @Autowired
    Clock clock;

    OfficeClient office;
    OfficePeopleData data;

    @BeforeEach
    void clients() {
        office = new OfficeClient(port, accounts);
        data = new OfficePeopleData(api, adminSession());
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The value of the bar of this series for today. */
    static long todays(String page, String series) {
        Matcher m = Pattern.compile("class=\"bar " + series + "\"[^>]*data-day=\""
                + LocalDate.now(ZoneOffset.UTC) + "\" data-value=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).as("today's " + series + " bar").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theDashboardShowsOpenIssuesAndTheChartOfTodaysRegistrationsAndDecisions() {
        data.individual("given_name", "Dia", "family_name", "Dashboard" + OfficePeopleData.letters());
        String page = office.get("/office", office.signIn(Role.REGISTRY_READ)).body();
        assertThat(page).contains("<svg").contains("role=\"img\"").contains("Open issues");
        assertThat(page.split("class=\"bar registrations\"", -1)).hasSize(DashboardFigures.DAYS + 1);
        assertThat(page).contains("<td class=\"number\">" + count(
                "select count(*) from issue where state = 'open'") + "</td>");
        assertThat(todays(page, "registrations")).isEqualTo(count("select count(*) from party where not is_group "
                + "and created_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'"));
        assertThat(todays(page, "decisions")).isEqualTo(count("select count(*) from procedure where state <> "
                + "'pending' and processed_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'"));
    }

    @Test
    void theOldestPendingProceduresAgeIsShownInDaysHoursAndMinutes() {
        String page = office.get("/office", office.signIn(Role.REGISTRY_READ)).body();
        boolean anyPending = count("select count(*) from procedure where state = 'pending'") > 0;
        Matcher m = Pattern.compile("<td class=\"number\" id=\"oldest-pending\">([^<]+)</td>").matcher(page);
        assertThat(m.find()).isTrue();
        if (anyPending) {
            assertThat(m.group(1)).matches("\\d+ d \\d+ h \\d+ min");
        } else {
            assertThat(m.group(1)).isEqualTo("None pending");
        }
    }

    @Test
    void theFiguresAreKeptForTheConfiguredTimeThenReadAgain() {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        DashboardFigures figures = new DashboardFigures(registrants, reviews, issues, clock, Duration.ofSeconds(30),
                ticker);
        long before = figures.current().peopleByState().values().stream().mapToLong(Long::longValue).sum();
        data.individual("given_name", "Kai", "family_name", "Cached" + OfficePeopleData.letters());
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(figures.current().peopleByState().values().stream().mapToLong(Long::longValue).sum())
                .as("kept").isEqualTo(before);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(figures.current().peopleByState().values().stream().mapToLong(Long::longValue).sum())
                .as("read again").isEqualTo(before + 1);
    }

    @Test
    void theChartHasOneSlotPerDayScaledToTheTallestBar() {
        var days = new java.util.ArrayList<DashboardFigures.Day>();
        LocalDate today = LocalDate.of(2026, 3, 30);
        for (int i = DashboardFigures.DAYS - 1; i >= 0; i--) {
            days.add(new DashboardFigures.Day(today.minusDays(i), i == 0 ? 10 : 0, i == 1 ? 5 : 0));
        }
        DashboardChart chart = DashboardChart.of(days);
        assertThat(chart.max()).isEqualTo(10);
        assertThat(chart.bars()).hasSize(2 * DashboardFigures.DAYS);
        var tallest = chart.bars().get(chart.bars().size() - 2);
        assertThat(tallest.series()).isEqualTo("registrations");
        assertThat(tallest.height()).isEqualTo(DashboardChart.BOTTOM - DashboardChart.TOP);
        var half = chart.bars().get(chart.bars().size() - 3);
        assertThat(half.series()).isEqualTo("decisions");
        assertThat(half.height()).isEqualTo((DashboardChart.BOTTOM - DashboardChart.TOP) / 2.0);
        assertThat(chart.ticks()).last().extracting(DashboardChart.Tick::day).isEqualTo(today);
        assertThat(chart.registrations()).isEqualTo(10);
        assertThat(chart.decisions()).isEqualTo(5);
    }
}
