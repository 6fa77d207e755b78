package org.populus.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import java.util.stream.Collectors;
import org.populus.matching.FieldComparison;
import org.populus.matching.MatchRecord;
import org.populus.person.Registrant;
import org.populus.person.Registrants;
import org.populus.search.DuplicateCandidates;
import org.populus.shared.DateRanges;
import org.populus.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Likely matches of a person about to be registered: the people the matching model scores at or above the
 * possible-duplicate threshold against what the registrar typed, best first, each with the comparison field by
 * field. Needs the role {@code data} or {@code registrar}; only people who are not discarded are candidates.
 */
@RestController
@RequestMapping(path = AdminSecurity.PEOPLE + "/matches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Admin: People", description = "Name search, people's history and procedures; needs the data role "
        + "(registrar: people not discarded)")
class PeopleMatchesController {

    private final DuplicateCandidates duplicates;
    private final Registrants registrants;

    PeopleMatchesController(DuplicateCandidates duplicates, Registrants registrants) {
        this.duplicates = duplicates;
        this.registrants = registrants;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FieldOut(String field, String level, double weight) {
        static FieldOut of(FieldComparison f) {
            return new FieldOut(f.field(), f.level(), Math.round(f.weight() * 100) / 100.0);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MatchOut(long personId, String name, LocalDate birthdate, double score, List<FieldOut> fields) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MatchesOut(double threshold, List<MatchOut> matches) {
    }

    @Operation(summary = "People likely to be this person (before registering them): score and comparison per field")
    @GetMapping
    MatchesOut matches(
            @Parameter(description = "given name") @RequestParam(name = "given_name", required = false) String given,
            @RequestParam(name = "family_name", required = false) String family,
            @RequestParam(name = "second_family_name", required = false) String secondFamily,
            @Parameter(description = "yyyy-mm-dd") @RequestParam(required = false) String birthdate,
            @RequestParam(required = false) String gender,
            @Parameter(description = "an identity number; may be repeated")
            @RequestParam(name = "document", required = false) List<String> documents,
            @Parameter(description = "a phone number; may be repeated")
            @RequestParam(name = "phone", required = false) List<String> phones,
            @RequestParam(required = false) String address,
            @RequestParam(name = "postal_code", required = false) String postalCode) {
        text("given_name", given, TextLimits.NAME_PART);
        text("family_name", family, TextLimits.NAME_PART);
        text("second_family_name", secondFamily, TextLimits.NAME_PART);
        text("gender", gender, TextLimits.NAME_PART);
        text("address", address, TextLimits.ADDRESS);
        text("postal_code", postalCode, TextLimits.POSTAL_CODE);
        List<String> docs = documents == null ? List.of() : documents;
        List<String> tel = phones == null ? List.of() : phones;
        docs.forEach(d -> text("document", d, TextLimits.IDENTIFIER_VALUE));
        tel.forEach(p -> text("phone", p, TextLimits.PHONE));
        if (blank(given) && blank(family) && blank(secondFamily) && docs.isEmpty() && tel.isEmpty()) {
            throw AdminProblem.badRequest(null, "Give at least a name, a document or a phone.");
        }
        MatchRecord draft = new MatchRecord(0, given, family, secondFamily, date(birthdate), gender, docs, tel,
                address, postalCode);
        List<DuplicateCandidates.PossibleDuplicate> found = duplicates.like(draft).orElseThrow(() ->
                new AdminProblem(HttpStatus.SERVICE_UNAVAILABLE, null,
                        "The search index is being rebuilt; try again in a few minutes."));
        Map<Long, Registrant> people = registrants.findAll(found.stream().map(
                DuplicateCandidates.PossibleDuplicate::personId).toList()).stream()
                .filter(r -> !r.discarded()).collect(Collectors.toMap(Registrant::id, Function.identity()));
        return new MatchesOut(duplicates.threshold(), found.stream().filter(f -> people.containsKey(f.personId()))
                .map(f -> new MatchOut(f.personId(), people.get(f.personId()).data().name(),
                        people.get(f.personId()).data().birthdate(), Math.round(f.score() * 100) / 100.0,
                        f.fields().stream().map(FieldOut::of).toList())).toList());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void text(String field, String value, int max) {
        if (value != null && (value.length() > max || value.indexOf('\0') >= 0)) {
            throw AdminProblem.badRequest(field, "Parameter '" + field + "' is longer than " + max
                    + " characters or holds a NUL.");
        }
    }

    private static LocalDate date(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (!DateRanges.accepts(date, DateRanges.Kind.PAST, LocalDate.now())) {
                throw AdminProblem.badRequest("birthdate", "Parameter 'birthdate' is outside the dates a birth may have.");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw AdminProblem.badRequest("birthdate", "Parameter 'birthdate' is a date: yyyy-mm-dd.");
        }
    }
}
