package org.populus.api.office;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.populus.api.web.Callers;
import org.populus.person.CensusPersonData;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.populus.procedure.Decision;
import org.populus.procedure.Issues;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Procedures;
import org.populus.procedure.ReviewItem;
import org.populus.procedure.ReviewRefused;
import org.populus.procedure.Reviews;
import org.populus.verification.AttachmentInfo;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The review queue (role {@code registrar}, checked by the section's rule): the pending procedures in review order,
 * "Next" (the domain's claim of the next procedure that can be accepted now, never handed to two reviewers), a
 * procedure's page (the submitted data beside the person's current data, its attachments) and the decisions:
 * accept, reject, dismiss and undo, each through {@link Reviews} as the Admin API does. A refusal of the domain
 * (e.g. {@code person_has_open_issue}) is shown on the procedure's page with status 409, nothing changed.
 */
@Controller
@RequestMapping(OfficeReviewController.PATH)
class OfficeReviewController {

    static final String PATH = "/office/review";
    private static final int PAGE_SIZE = 50;
    /** The Census attributes of person_data, in the order they are shown. */
    static final List<String> FIELDS = List.of("first_name", "last_name1", "last_name2", "document_type",
            "document_id", "document_scope_code", "born_at", "gender", "address", "address_scope_code",
            "postal_code", "email", "scope_code", "phone");

    private final Reviews reviews;
    private final Procedures procedures;
    private final Issues issues;
    private final Registrants registrants;

    OfficeReviewController(Reviews reviews, Procedures procedures, Issues issues, Registrants registrants) {
        this.reviews = reviews;
        this.procedures = procedures;
        this.issues = issues;
        this.registrants = registrants;
    }

    /** One line of the comparison: a field, what the procedure asks for, what the person has now. */
    record FieldRow(String field, String submitted, String current) {

        public boolean differs() {
            return submitted != null && !Objects.equals(submitted, current);
        }
    }

    @GetMapping
    String queue(@RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int page,
            Model model, HttpServletResponse response) {
        Optional<ProcedureType> known = type == null || type.isEmpty() ? Optional.empty() : ProcedureType.of(type);
        if (type != null && !type.isEmpty() && known.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("unknownType", true);
        }
        ProcedureType chosen = known.orElse(null);
        int shown = Math.max(0, page);
        List<ReviewItem> items = reviews.pending(chosen, PAGE_SIZE + 1, (long) shown * PAGE_SIZE);
        boolean more = items.size() > PAGE_SIZE;
        items = more ? items.subList(0, PAGE_SIZE) : items;
        model.addAttribute("items", items);
        model.addAttribute("names", names(items.stream().map(i -> i.procedure().personId()).toList()));
        model.addAttribute("types", ProcedureType.values());
        model.addAttribute("type", chosen == null ? "" : chosen.code());
        model.addAttribute("page", shown);
        model.addAttribute("more", more);
        return "office/review";
    }

    /** Claims the next procedure that can be accepted now and opens it; back to the queue when there is none. */
    @PostMapping("/next")
    String next(@RequestParam(required = false) String type, Model model, HttpServletResponse response) {
        Optional<ProcedureType> known = type == null || type.isEmpty() ? Optional.empty() : ProcedureType.of(type);
        if (type != null && !type.isEmpty() && known.isEmpty()) {
            return queue(type, 0, model, response);
        }
        return reviews.claimNext(known.orElse(null), Callers.actor()).map(p -> "redirect:" + PATH + "/" + p.id())
                .orElse("redirect:" + PATH + "?empty" + known.map(t -> "&type=" + t.code()).orElse(""));
    }

    @GetMapping("/{id}")
    String procedure(@PathVariable long id, Model model, HttpServletResponse response) {
        return page(id, model, response, null, null);
    }

    /**
     * One attachment of the procedure in the office's page: an image shown, a PDF opened by a link (the file's own
     * sandboxing policy keeps it from running anything), any other file as a download.
     */
    @GetMapping("/{id}/attachments/{attachmentId}")
    String attachment(@PathVariable long id, @PathVariable long attachmentId, Model model,
            HttpServletResponse response) {
        Optional<Procedure> found = reviews.find(id);
        List<AttachmentInfo> all = found.isEmpty() ? List.of() : procedures.attachments(id);
        Optional<AttachmentInfo> shown = all.stream().filter(a -> a.id() == attachmentId).findFirst();
        if (shown.isEmpty()) {
            return notFound(response);
        }
        model.addAttribute("procedure", found.get());
        model.addAttribute("attachment", shown.get());
        model.addAttribute("attachments", all);
        model.addAttribute("kind", shown.get().contentType().startsWith("image/") ? "image"
                : shown.get().contentType().equals("application/pdf") ? "pdf" : "download");
        return "office/review-attachment";
    }

    @PostMapping("/{id}/claim")
    String claim(@PathVariable long id, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> reviews.claim(id, Callers.actor()), null);
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) String comment,
            @RequestParam(name = "override", defaultValue = "false") boolean override, Model model,
            HttpServletResponse response) {
        return act(id, model, response,
                () -> reviews.decide(id, Decision.ACCEPT, Callers.actor(), comment, override), comment);
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String comment, Model model,
            HttpServletResponse response) {
        return act(id, model, response, () -> reviews.decide(id, Decision.REJECT, Callers.actor(), comment),
                comment);
    }

    @PostMapping("/{id}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String comment, Model model,
            HttpServletResponse response) {
        return act(id, model, response, () -> reviews.decide(id, Decision.DISMISS, Callers.actor(), comment),
                comment);
    }

    @PostMapping("/{id}/undo")
    String undo(@PathVariable long id, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> reviews.undo(id, Callers.actor()), null);
    }

    /** Does the action; on success back to the procedure's page (a GET), on a refusal the page with the reason. */
    private String act(long id, Model model, HttpServletResponse response,
            java.util.function.Supplier<Procedure> action, String comment) {
        if (comment != null && comment.length() > OfficeForms.MAX_COMMENT) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(id, model, response, "comment_too_long", comment);
        }
        try {
            action.get();
        } catch (ReviewRefused e) {
            if (e.reason() == ReviewRefused.Reason.NOT_FOUND) {
                return notFound(response);
            }
            response.setStatus(e.reason() == ReviewRefused.Reason.COMMENT_REQUIRED
                    ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusalDetail", e.getMessage());
            return page(id, model, response, e.reason().name().toLowerCase(java.util.Locale.ROOT), comment);
        }
        return "redirect:" + PATH + "/" + id;
    }

    private String page(long id, Model model, HttpServletResponse response, String refusal, String comment) {
        Optional<Procedure> found = reviews.find(id);
        if (found.isEmpty()) {
            return notFound(response);
        }
        Procedure p = found.get();
        Optional<Registrant> person = registrants.find(p.personId());
        model.addAttribute("procedure", p);
        model.addAttribute("person", person.orElse(null));
        List<FieldRow> rows = rows(p, person.orElse(null));
        model.addAttribute("rows", rows);
        model.addAttribute("submitted", rows.stream().anyMatch(r -> r.submitted() != null));
        model.addAttribute("attachments", p.type() == ProcedureType.DOCUMENT_VERIFICATION
                ? procedures.attachments(p.id()) : List.of());
        model.addAttribute("openIssues", issues.list(false, p.personId(), 20, 0));
        model.addAttribute("mine", Callers.actor().equals(p.claimedBy()));
        model.addAttribute("undoable", reviews.undoable(p, Callers.actor()));
        model.addAttribute("refusal", refusal);
        model.addAttribute("comment", comment == null ? "" : comment);
        return "office/review-procedure";
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "office/record-missing";
    }

    /**
     * The comparison: for person data, every Census field with the submitted value beside the current one; for any
     * other request, its information's entries (nothing to compare them with).
     */
    private List<FieldRow> rows(Procedure p, Registrant person) {
        Map<String, Object> information = p.information();
        Map<String, String> current = person == null ? Map.of()
                : current(CensusPersonData.of(person, registrants::idTypeName));
        List<FieldRow> rows = new ArrayList<>();
        if (information.get("person_data") instanceof Map<?, ?> submitted) {
            for (String key : FIELDS) {
                Object value = submitted.get(key);
                rows.add(new FieldRow(key, value == null ? null : String.valueOf(value), current.get(key)));
            }
            return rows;
        }
        for (String key : FIELDS) {
            rows.add(new FieldRow(key, null, current.get(key)));
        }
        information.forEach((key, value) -> {
            if (!key.equals("files")) {
                rows.add(new FieldRow(key, String.valueOf(value), null));
            }
        });
        return rows;
    }

    /** The person's current Census data under the attribute names of {@code person_data}. */
    static Map<String, String> current(CensusPersonData d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("first_name", d.firstName());
        m.put("last_name1", d.lastName1());
        m.put("last_name2", d.lastName2());
        m.put("document_type", d.documentType());
        m.put("document_id", d.documentId());
        m.put("document_scope_code", d.documentScopeCode());
        m.put("born_at", d.bornAt() == null ? null : d.bornAt().toString());
        m.put("gender", d.gender());
        m.put("address", d.address());
        m.put("address_scope_code", d.addressScopeCode());
        m.put("postal_code", d.postalCode());
        m.put("email", d.email());
        m.put("scope_code", d.scopeCode());
        m.put("phone", d.phone());
        return m;
    }

    /** The display names of these people, by id. */
    private Map<Long, String> names(List<Long> ids) {
        return registrants.findAll(ids).stream()
                .collect(Collectors.toMap(Registrant::id, r -> r.data().name(), (a, b) -> a));
    }
}
