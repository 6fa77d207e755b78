package org.populus.api.office;

import org.populus.person.Registrants;
import org.populus.procedure.Reviews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: people by state and pending procedures by type. */
@Controller
class DashboardController {

    private final Registrants registrants;
    private final Reviews reviews;

    DashboardController(Registrants registrants, Reviews reviews) {
        this.registrants = registrants;
        this.reviews = reviews;
    }

    @GetMapping("/office")
    String dashboard(Model model) {
        model.addAttribute("peopleByState", registrants.countByState());
        model.addAttribute("pendingByType", reviews.countPendingByType());
        return "office/dashboard";
    }
}
