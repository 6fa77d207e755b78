package org.populus.api.office;

import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.populus.api.web.Callers;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The way in: a browser's {@code /}, the sign-in form, and the "not allowed" page. */
@Controller
class OfficeController {

    private static final Pattern WAIT_SECONDS = Pattern.compile("[0-9]{1,6}");

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String root() {
        return "redirect:/office";
    }

    /**
     * The sign-in form. After a throttled sign-in, {@code ?throttled=} carries the seconds to wait, shown rounded up
     * to whole minutes; a value that is not 1 to 6 digits is ignored (it is a link anyone can send: only a number
     * ever reaches the page).
     */
    @GetMapping(OfficeSecurity.SIGN_IN)
    String signIn(@RequestParam(name = "throttled", required = false) String throttled, Model model) {
        if (Callers.current().isPresent()) {
            return "redirect:/office";
        }
        if (throttled != null && WAIT_SECONDS.matcher(throttled).matches()) {
            model.addAttribute("throttledMinutes", Math.max(1, (Long.parseLong(throttled) + 59) / 60));
        }
        return "office/sign-in";
    }

    /** Where a refused request (a missing role, a missing or wrong CSRF token) is forwarded, with any method. */
    @RequestMapping(OfficeSecurity.FORBIDDEN)
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "office/forbidden";
    }
}
