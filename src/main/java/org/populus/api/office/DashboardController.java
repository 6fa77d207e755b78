package org.populus.api.office;

import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page: people by state, pending procedures by type, open issues, the age of the oldest pending
 * procedure, and a chart of registrations and decisions per day over the last 30 days ({@link DashboardFigures}).
 */
@Controller
class DashboardController {

    private final DashboardFigures figures;

    DashboardController(DashboardFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/office")
    String dashboard(Model model) {
        DashboardFigures.Figures f = figures.current();
        model.addAttribute("peopleByState", f.peopleByState());
        model.addAttribute("pendingByType", f.pendingByType());
        model.addAttribute("openIssues", f.openIssues());
        model.addAttribute("oldestPending", f.oldestPendingSince().map(since -> Age.of(Duration.between(since,
                f.readAt()))).orElse(null));
        model.addAttribute("chart", DashboardChart.of(f.days()));
        model.addAttribute("days", f.days());
        model.addAttribute("figuresReadAt", f.readAt());
        return "office/dashboard";
    }

    /** An age as days, hours and minutes (never negative), for a message with three arguments. */
    record Age(long days, long hours, long minutes) {

        static Age of(Duration d) {
            Duration age = d.isNegative() ? Duration.ZERO : d;
            return new Age(age.toDays(), age.toHoursPart(), age.toMinutesPart());
        }
    }
}
