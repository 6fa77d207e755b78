package org.populus.api.census;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.populus.person.Registrant;
import org.populus.procedure.CensusReach;
import org.populus.procedure.PersonDataInput;
import org.populus.procedure.Procedure;
import org.populus.procedure.ProcedureInvalid;
import org.populus.procedure.ProcedureType;
import org.populus.procedure.Procedures;
import org.populus.verification.Upload;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Census write endpoints and the procedures list, under {@code /api/v1/people…} and
 * {@code /api/v1/{locale}/people…}: parameters as form fields or JSON, at the root or under {@code person}.
 * Accepted requests answer {@code 202} ({@code {"person_id":N}} for a registration, else {@code {}}), nothing to
 * change {@code 204}, invalid input {@code 422} with the original's error keys.
 */
@RestController
class CensusPeopleController {

    /** The Census paths with a locale: only the supported ones are mapped, any other is an unknown path. */
    static final String LOCALE_PREFIX = "/api/v1/{locale:es|ca|eu|en|gl}";

    private static final Map<ProcedureType, String> TYPE_NAMES = Map.of(
            ProcedureType.REGISTRATION, "Procedures::Registration",
            ProcedureType.PERSON_DATA_CHANGE, "Procedures::PersonDataChange",
            ProcedureType.CANCELLATION, "Procedures::Cancellation",
            ProcedureType.MEMBERSHIP_LEVEL_CHANGE, "Procedures::MembershipLevelChange",
            ProcedureType.DOCUMENT_VERIFICATION, "Procedures::DocumentVerification",
            ProcedureType.PHONE_VERIFICATION, "Procedures::PhoneVerification");

    private final Procedures procedures;
    private final CensusReach reach;
    private final CensusCallers callers;

    CensusPeopleController(Procedures procedures, CensusReach reach, CensusCallers callers) {
        this.procedures = procedures;
        this.reach = reach;
        this.callers = callers;
    }

    @PostMapping(path = {"/api/v1/people", LOCALE_PREFIX + "/people"})
    ResponseEntity<Object> register(@PathVariable(name = "locale", required = false) String locale,
            CensusRequest census) {
        CensusParams params = census.params();
        boolean byOrigin = params.present("origin_qualified_id");
        String origin = byOrigin ? params.text("origin_qualified_id") : params.text("person_id");
        long personId = procedures.register(personData(params), origin, byOrigin ? "origin_qualified_id" : "person_id",
                census.client(), census.location(), census.provenance());
        return accepted(Map.of("person_id", personId));
    }

    @RequestMapping(path = {"/api/v1/people/{id}", LOCALE_PREFIX + "/people/{id}"},
            method = {RequestMethod.PATCH, RequestMethod.PUT})
    ResponseEntity<Object> update(@PathVariable(name = "locale", required = false) String locale,
            @PathVariable("id") String id, CensusRequest census) {
        CensusParams params = census.params();
        boolean changed = procedures.requestDataChange(person(id, census), personData(params),
                params.flag("ignore_email"), census.location(), census.provenance());
        return changed ? accepted(Map.of()) : ResponseEntity.noContent().build();
    }

    @DeleteMapping(path = {"/api/v1/people/{id}", LOCALE_PREFIX + "/people/{id}"})
    ResponseEntity<Object> cancel(@PathVariable(name = "locale", required = false) String locale,
            @PathVariable("id") String id, CensusRequest census) {
        CensusParams params = census.params();
        procedures.requestCancellation(person(id, census), params.text("channel"), params.text("reason"),
                census.location(), census.provenance());
        return accepted(Map.of());
    }

    @PostMapping(path = {"/api/v1/people/{id}/additional_informations",
        LOCALE_PREFIX + "/people/{id}/additional_informations"})
    ResponseEntity<Object> additionalInformation(@PathVariable(name = "locale", required = false) String locale,
            @PathVariable("id") String id, CensusRequest census) {
        CensusParams params = census.params();
        procedures.setAdditionalInformation(person(id, census), params.text("key"), params.text("json_value"),
                census.provenance());
        return accepted(Map.of());
    }

    @PostMapping(path = {"/api/v1/people/{id}/membership_levels", LOCALE_PREFIX + "/people/{id}/membership_levels"})
    ResponseEntity<Object> membershipLevel(@PathVariable(name = "locale", required = false) String locale,
            @PathVariable("id") String id, CensusRequest census) {
        CensusParams params = census.params();
        boolean requested = procedures.requestMembershipLevel(person(id, census), params.text("membership_level"),
                census.location(), census.provenance());
        return requested ? accepted(Map.of()) : ResponseEntity.noContent().build();
    }

    @PostMapping(path = {"/api/v1/people/{id}/document_verifications",
        LOCALE_PREFIX + "/people/{id}/document_verifications"})
    ResponseEntity<Object> documentVerification(@PathVariable(name = "locale", required = false) String locale,
            @PathVariable("id") String id, CensusRequest census) {
        CensusParams params = census.params();
        List<Upload> files = params.objects("files").stream().map(CensusPeopleController::upload).toList();
        procedures.requestDocumentVerification(person(id, census), files,
                params.flag("prioritize") || params.flag("prioritized"), census.location(),
                census.provenance());
        return accepted(Map.of());
    }

    @GetMapping(path = {"/api/v1/people/{id}/phone_verifications/new",
        LOCALE_PREFIX + "/people/{id}/phone_verifications/new"})
    ResponseEntity<Object> sendPhoneCode(@PathVariable(name = "locale", required = false) String locale,
            @PathVariable("id") String id, CensusRequest census) {
        CensusParams params = census.params();
        procedures.sendPhoneCode(person(id, census), params.text("phone"), locale == null ? "es" : locale,
                census.client());
        return accepted(Map.of());
    }

    @PostMapping(path = {"/api/v1/people/{id}/phone_verifications",
        LOCALE_PREFIX + "/people/{id}/phone_verifications"})
    ResponseEntity<Object> verifyPhone(@PathVariable(name = "locale", required = false) String locale,
            @PathVariable("id") String id, CensusRequest census) {
        CensusParams params = census.params();
        procedures.verifyPhone(person(id, census), params.text("phone"), params.text("received_code"),
                census.location(), census.provenance());
        return accepted(Map.of());
    }

    /** One {@code files[]} element: base64 content under any of the spellings in use, or raw {@code content}. */
    static Upload upload(Map<String, String> file) {
        String encoded = file.get("base64_content");
        if (encoded == null) {
            encoded = file.get("base_64_content");
        }
        byte[] content;
        if (encoded != null) {
            try {
                // line breaks (the real client wraps at 60) are dropped; anything else outside base64 is refused
                content = Base64.getDecoder().decode(encoded.replace(' ', '+').replaceAll("[\\r\\n\\t]", ""));
            } catch (IllegalArgumentException e) {
                throw ProcedureInvalid.of("files", "invalid", "filename", String.valueOf(file.get("filename")));
            }
        } else {
            String raw = file.get("content");
            content = raw == null ? new byte[0] : raw.getBytes(StandardCharsets.UTF_8);
        }
        return new Upload(file.get("filename"), file.get("content_type"), content);
    }

    @GetMapping(path = {"/api/v1/people/{id}/procedures", LOCALE_PREFIX + "/people/{id}/procedures"})
    ResponseEntity<Object> procedures(@PathVariable(name = "locale", required = false) String locale,
            @PathVariable("id") String id, HttpServletRequest request) {
        Registrant person = reach.find(callers.of(request), id).orElse(null);
        if (person == null) {
            return ResponseEntity.status(422).contentType(MediaType.APPLICATION_JSON).body(Map.of());
        }
        List<Map<String, Object>> list = procedures.pending(person.id()).stream().map(CensusPeopleController::procedure)
                .toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(list);
    }

    static Map<String, Object> procedure(Procedure p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("type", TYPE_NAMES.get(p.type()));
        m.put("state", p.state().code());
        m.put("information", p.information());
        return m;
    }

    /**
     * The person a write names, among those the client reaches: unknown, or another origin's,
     * {@code 422 {"person":[{"error":"blank"}]}}.
     */
    long person(String qualifiedId, CensusRequest census) {
        return reach.find(census.client(), qualifiedId).map(Registrant::id)
                .orElseThrow(() -> ProcedureInvalid.of("person", "blank"));
    }


    static PersonDataInput personData(CensusParams p) {
        return new PersonDataInput(p.text("first_name"), p.text("last_name1"), p.text("last_name2"),
                p.text("document_type"), p.text("document_id"), p.text("document_scope_code"), p.text("born_at"),
                p.text("gender"), p.text("address"), p.text("address_scope_code"), p.text("postal_code"),
                p.text("email"), p.text("scope_code"), p.text("phone"));
    }

    static ResponseEntity<Object> accepted(Object body) {
        return ResponseEntity.status(202).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
