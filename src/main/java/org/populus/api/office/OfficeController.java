package org.populus.api.office;

import jakarta.servlet.http.HttpServletResponse;
import org.populus.api.web.Callers;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The way in: a browser's {@code /}, the sign-in form, and the "not allowed" page. */
@Controller
class OfficeController {

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String root() {
        return "redirect:/office";
    }

    @GetMapping(OfficeSecurity.SIGN_IN)
    String signIn() {
        return Callers.current().isPresent() ? "redirect:/office" : "office/sign-in";
    }

    /** Where a refused request (a missing role, a missing or wrong CSRF token) is forwarded, with any method. */
    @RequestMapping(OfficeSecurity.FORBIDDEN)
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "office/forbidden";
    }
}
