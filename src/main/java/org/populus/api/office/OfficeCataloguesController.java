package org.populus.api.office;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.populus.catalog.Catalog;
import org.populus.catalog.CatalogException;
import org.populus.catalog.Programme;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalogues (role {@code admin}, checked by the section's rule), through {@link Catalog} as the Admin API
 * does: genders, ID types, group kinds, member kinds and programmes listed, and entries added or changed (an
 * entry's form carries the version the page showed: a change made meanwhile is refused as stale), and entries
 * deleted once the administrator ticked the confirmation (an entry people, groups or memberships still refer to is
 * refused as in use). Texts are held to the Admin API's limits; a refusal (duplicate, invalid pattern, stale, in
 * use, unconfirmed) is shown with a 4xx status.
 */
@Controller
@RequestMapping(OfficeCataloguesController.PATH)
class OfficeCataloguesController {

    static final String PATH = "/office/admin/catalogues";
    /** The Admin API's limits: a name, a pattern, a description. */
    private static final int MAX_NAME = 200;
    private static final int MAX_REGEX = 1_000;
    private static final int MAX_DESCRIPTION = 10_000;

    private final Catalog catalog;

    OfficeCataloguesController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    String catalogues(Model model) {
        return page(model, null, null);
    }

    @PostMapping("/genders")
    String gender(@RequestParam(required = false) Long id, @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String value,
            @RequestParam(defaultValue = "false") boolean active, Model model, HttpServletResponse response) {
        if (invalidName(code) || invalidName(value)) {
            return tooLong(model, response);
        }
        return change(model, response, () -> {
            if (id == null) {
                catalog.createGender(code, value, active);
            } else {
                catalog.updateGender(id, code, value, active, version == null ? -1 : version);
            }
        });
    }

    @PostMapping("/id-types")
    String idType(@RequestParam(required = false) Long id, @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String regex,
            @RequestParam(name = "unique", defaultValue = "false") boolean unique, Model model,
            HttpServletResponse response) {
        if (invalidName(name) || invalid(regex, MAX_REGEX)) {
            return tooLong(model, response);
        }
        return change(model, response, () -> {
            if (id == null) {
                catalog.createIdType(name, regex, unique);
            } else {
                catalog.updateIdType(id, name, regex, unique, version == null ? -1 : version);
            }
        });
    }

    @PostMapping("/group-kinds")
    String groupKind(@RequestParam(required = false) Long id, @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response) {
        if (invalidName(name)) {
            return tooLong(model, response);
        }
        return change(model, response, () -> {
            if (id == null) {
                catalog.createGroupKind(name);
            } else {
                catalog.updateGroupKind(id, name, version == null ? -1 : version);
            }
        });
    }

    @PostMapping("/member-kinds")
    String memberKind(@RequestParam(required = false) Long id, @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "unique", defaultValue = "false") boolean unique, Model model,
            HttpServletResponse response) {
        if (invalidName(name)) {
            return tooLong(model, response);
        }
        return change(model, response, () -> {
            if (id == null) {
                catalog.createMemberKind(name, unique);
            } else {
                catalog.updateMemberKind(id, name, unique, version == null ? -1 : version);
            }
        });
    }

    @PostMapping("/programmes")
    String programme(@RequestParam(required = false) Long id, @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "individual") String target,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "false") boolean active, Model model, HttpServletResponse response) {
        if (invalidName(name) || invalid(description, MAX_DESCRIPTION)
                || !target.equals("individual") && !target.equals("group")) {
            return tooLong(model, response);
        }
        Programme.TargetType type = Programme.TargetType.of(target);
        String text = description.isBlank() ? null : description;
        return change(model, response, () -> {
            if (id == null) {
                catalog.createProgramme(name, type, text, active);
            } else {
                catalog.updateProgramme(id, name, type, text, active, version == null ? -1 : version);
            }
        });
    }

    @PostMapping("/{kind}/{id}/delete")
    String delete(@PathVariable String kind, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirm, Model model, HttpServletResponse response) {
        LongConsumer remove = switch (kind) {
            case "genders" -> catalog::deleteGender;
            case "id-types" -> catalog::deleteIdType;
            case "group-kinds" -> catalog::deleteGroupKind;
            case "member-kinds" -> catalog::deleteMemberKind;
            case "programmes" -> catalog::deleteProgramme;
            default -> null;
        };
        if (remove == null) {
            return unknownKind(kind, response);
        }
        if (!confirm) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, "unconfirmed", null);
        }
        return change(model, response, () -> remove.accept(id), "deleted");
    }

    @PostMapping("/{kind}")
    String unknownKind(@PathVariable String kind, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "office/record-missing";
    }

    private String change(Model model, HttpServletResponse response, Runnable action) {
        return change(model, response, action, "saved");
    }

    /** Runs a change and redirects to the page with {@code outcome} as its notice, or shows the refusal. */
    private String change(Model model, HttpServletResponse response, Runnable action, String outcome) {
        try {
            action.run();
        } catch (CatalogException e) {
            response.setStatus(switch (e.reason()) {
                case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
                case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
                case DUPLICATE, IN_USE, STALE -> HttpServletResponse.SC_CONFLICT;
            });
            return page(model, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
        return "redirect:" + PATH + "?" + outcome;
    }

    private String tooLong(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, "invalid", null);
    }

    private String page(Model model, String refusal, String detail) {
        model.addAttribute("genders", catalog.genders());
        model.addAttribute("idTypes", catalog.idTypes());
        model.addAttribute("groupKinds", catalog.groupKinds());
        model.addAttribute("memberKinds", catalog.memberKinds());
        model.addAttribute("programmes", catalog.programmes());
        model.addAttribute("refusal", refusal);
        model.addAttribute("refusalDetail", detail);
        return "office/admin-catalogues";
    }

    /** Too long, or with a NUL character (which PostgreSQL cannot store). */
    /** A name or code: within the limit and single-line (no control character), as in the Admin API. */
    private static boolean invalidName(String text) {
        return invalid(text, MAX_NAME) || org.populus.shared.TextLimits.hasControl(text);
    }

    private static boolean invalid(String text, int max) {
        return text.length() > max || text.indexOf('\0') >= 0;
    }
}
