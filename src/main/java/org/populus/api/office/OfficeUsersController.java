package org.populus.api.office;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.populus.access.AccessException;
import org.populus.access.Role;
import org.populus.access.UserAccount;
import org.populus.access.UserAccounts;
import org.populus.shared.TextLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Users and their roles (role {@code admin}, checked by the section's rule), through {@link UserAccounts} as the
 * Admin API does: the list, creating a user, disabling and enabling one, and setting a new password. Every change
 * carries the version the page showed (a change made meanwhile is refused as stale); changing what a user may do
 * ends their sessions; the last enabled administrator cannot be disabled. A refusal is shown on the page with a
 * 4xx status, nothing changed.
 */
@Controller
@RequestMapping(OfficeUsersController.PATH)
class OfficeUsersController {

    static final String PATH = "/office/admin/users";
    /** The longest display name and password the form takes (the Admin API's name limit). */
    private static final int MAX_TEXT = 200;

    private final UserAccounts accounts;

    OfficeUsersController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String users(Model model) {
        return page(model, null, null);
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String login,
            @RequestParam(name = "display_name", required = false) String displayName,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(name = "roles", required = false) List<String> roleCodes, Model model,
            HttpServletResponse response) {
        if (tooLong(displayName) || tooLong(password)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, "too_long", null);
        }
        if (displayName != null && TextLimits.hasControl(displayName)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, "control_character", null);
        }
        java.util.Optional<Set<Role>> roles = roles(roleCodes);
        if (roles.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, "unknown_role", null);
        }
        String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
        return change(model, response, "created", () -> accounts.create(login, name, password, roles.get()));
    }

    /** Replaces a user's roles (every role ticked; none is allowed); their sessions end. */
    @PostMapping("/{login}/roles")
    String setRoles(@PathVariable String login, @RequestParam int version,
            @RequestParam(name = "roles", required = false) List<String> roleCodes, Model model,
            HttpServletResponse response) {
        java.util.Optional<Set<Role>> roles = roles(roleCodes);
        if (roles.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, "unknown_role", null);
        }
        return change(model, response, "roles", () -> accounts.setRoles(login, roles.get(), version));
    }

    /** The roles named by the form's codes; empty when one is unknown. */
    private static java.util.Optional<Set<Role>> roles(List<String> codes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            java.util.Optional<Role> role = Role.of(code);
            if (role.isEmpty()) {
                return java.util.Optional.empty();
            }
            roles.add(role.get());
        }
        return java.util.Optional.of(roles);
    }

    @PostMapping("/{login}/disable")
    String disable(@PathVariable String login, @RequestParam int version, Model model,
            HttpServletResponse response) {
        return change(model, response, "disabled", () -> accounts.setDisabled(login, true, version));
    }

    @PostMapping("/{login}/enable")
    String enable(@PathVariable String login, @RequestParam int version, Model model, HttpServletResponse response) {
        return change(model, response, "enabled", () -> accounts.setDisabled(login, false, version));
    }

    @PostMapping("/{login}/password")
    String password(@PathVariable String login, @RequestParam int version,
            @RequestParam(defaultValue = "") String password, Model model, HttpServletResponse response) {
        if (tooLong(password)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, "too_long", null);
        }
        return change(model, response, "password", () -> accounts.resetPassword(login, password, version));
    }

    private String change(Model model, HttpServletResponse response, String done,
            java.util.function.Supplier<UserAccount> action) {
        UserAccount changed;
        try {
            changed = action.get();
        } catch (AccessException e) {
            response.setStatus(switch (e.reason()) {
                case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
                case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
                case DUPLICATE, STALE, CONFLICT -> HttpServletResponse.SC_CONFLICT;
            });
            return page(model, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
        return "redirect:" + PATH + "?" + done + "=" + java.net.URLEncoder.encode(changed.login(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private String page(Model model, String refusal, String detail) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("refusal", refusal);
        model.addAttribute("refusalDetail", detail);
        return "office/admin-users";
    }

    private static boolean tooLong(String text) {
        return text != null && text.length() > MAX_TEXT;
    }
}
