package org.populus.api.office;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.populus.api.web.Callers;
import org.populus.person.CensusPersonData;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.populus.procedure.Issue;
import org.populus.procedure.IssueType;
import org.populus.procedure.Issues;
import org.populus.procedure.ReviewRefused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Issues (role {@code registrar}, checked by the section's rule): the open ones, newest first; one issue with its
 * people side by side (values they share highlighted) and its resolution through {@link Issues#resolve}, which
 * marks the people not chosen and queues everyone's pending procedures again, as the Admin API does.
 */
@Controller
@RequestMapping(OfficeIssuesController.PATH)
class OfficeIssuesController {

    static final String PATH = "/office/issues";
    private static final int PAGE_SIZE = 50;

    private final Issues issues;
    private final Registrants registrants;

    OfficeIssuesController(Issues issues, Registrants registrants) {
        this.issues = issues;
        this.registrants = registrants;
    }

    /** One field of the people compared: each one's value, and which of them another person shares. */
    record Comparison(String field, List<String> values, List<Boolean> shared) {
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Math.max(0, page);
        List<Issue> found = issues.list(false, null, PAGE_SIZE + 1, (long) shown * PAGE_SIZE);
        boolean more = found.size() > PAGE_SIZE;
        model.addAttribute("issues", more ? found.subList(0, PAGE_SIZE) : found);
        model.addAttribute("page", shown);
        model.addAttribute("more", more);
        return "office/issues";
    }

    @GetMapping("/{id}")
    String issue(@PathVariable long id, Model model, HttpServletResponse response) {
        return page(id, model, response, null, null);
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String resolution,
            @RequestParam(name = "chosen", required = false) Long chosen,
            @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
        if (comment != null && comment.length() > OfficeForms.MAX_COMMENT) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(id, model, response, "comment_too_long", null);
        }
        try {
            issues.resolve(id, resolution, chosen, comment, Callers.actor());
        } catch (ReviewRefused e) {
            if (e.reason() == ReviewRefused.Reason.NOT_FOUND) {
                return notFound(response);
            }
            response.setStatus(e.reason() == ReviewRefused.Reason.INVALID_RESOLUTION
                    ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_CONFLICT);
            return page(id, model, response, e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
        return "redirect:" + PATH + "/" + id;
    }

    private String page(long id, Model model, HttpServletResponse response, String refusal, String detail) {
        Optional<Issue> found = issues.find(id);
        if (found.isEmpty()) {
            return notFound(response);
        }
        Issue issue = found.get();
        List<Registrant> people = registrants.findAll(issue.personIds());
        model.addAttribute("issue", issue);
        model.addAttribute("people", people);
        model.addAttribute("comparisons", compare(people));
        model.addAttribute("resolutions", resolutions(issue.type()));
        model.addAttribute("needsChoice", issue.type() != IssueType.UNTRUSTED_EMAIL
                && issue.type() != IssueType.UNTRUSTED_PHONE);
        model.addAttribute("refusal", refusal);
        model.addAttribute("refusalDetail", detail);
        return "office/issue";
    }

    /** The resolutions {@link Issues#resolve} accepts for an issue of this type. */
    static List<String> resolutions(IssueType type) {
        return switch (type) {
            case DUPLICATED_DOCUMENT, DUPLICATED_PERSON, POSSIBLE_DUPLICATE -> List.of("fraud", "mistake", "not_duplicate");
            case UNTRUSTED_EMAIL, UNTRUSTED_PHONE -> List.of("trusted", "not_trusted");
            case DUPLICATED_VERIFIED_PHONE -> List.of("reassign", "fraud", "not_duplicate");
        };
    }

    private List<Comparison> compare(List<Registrant> people) {
        List<Map<String, String>> data = new ArrayList<>();
        for (Registrant r : people) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", r.data().name());
            m.put("state", r.status().state().code());
            m.putAll(OfficeReviewController.current(CensusPersonData.of(r, registrants::idTypeName)));
            data.add(m);
        }
        List<Comparison> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>(List.of("name", "state"));
        fields.addAll(OfficeReviewController.FIELDS);
        for (String field : fields) {
            List<String> values = data.stream().map(m -> m.get(field)).toList();
            List<Boolean> shared = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                int at = i;
                shared.add(value != null && !value.isBlank() && java.util.stream.IntStream.range(0, values.size())
                        .anyMatch(j -> j != at && Objects.equals(normalized(values.get(j)), normalized(value))));
            }
            rows.add(new Comparison(field, values, shared));
        }
        return rows;
    }

    private static String normalized(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "office/record-missing";
    }
}
