package org.populus.api.office;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.populus.access.AccessException;
import org.populus.access.ApiKeys;
import org.populus.access.AuthenticatedUser;
import org.populus.access.NewApiKey;
import org.populus.api.web.Callers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * API keys of the Census API's client applications (role {@code admin}, checked by the section's rule), through
 * {@link ApiKeys} as the Admin API does: the list (never a secret), creating one of an origin (the calling system
 * whose people it reaches; the name when left blank) — its secret is shown once, in
 * the answer to the creation, and never kept — and revoking one.
 */
@Controller
@RequestMapping(OfficeApiKeysController.PATH)
class OfficeApiKeysController {

    static final String PATH = "/office/admin/api-keys";

    private final ApiKeys apiKeys;

    OfficeApiKeysController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @GetMapping
    String keys(Model model) {
        return page(model, null, null, null);
    }

    /** Creates a key and shows its secret in this answer only (never cached: Spring Security's no-store). */
    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String origin,
            Model model, HttpServletResponse response) {
        NewApiKey created;
        try {
            created = apiKeys.create(name, origin, caller());
        } catch (AccessException e) {
            response.setStatus(e.reason() == AccessException.Reason.DUPLICATE ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_BAD_REQUEST);
            return page(model, null, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
        return page(model, created, null, null);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, Model model, HttpServletResponse response) {
        try {
            apiKeys.revoke(id, caller());
        } catch (AccessException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return page(model, null, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
        return "redirect:" + PATH + "?revoked=" + id;
    }

    private String page(Model model, NewApiKey created, String refusal, String detail) {
        model.addAttribute("keys", apiKeys.list());
        model.addAttribute("created", created);
        model.addAttribute("refusal", refusal);
        model.addAttribute("refusalDetail", detail);
        return "office/admin-api-keys";
    }

    private static String caller() {
        return Callers.current().map(AuthenticatedUser::login).orElse(null);
    }
}
