package org.populus.api.census;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.populus.catalog.Catalog;
import org.populus.catalog.IdType;
import org.populus.person.Identifier;
import org.populus.person.PersonalData;
import org.populus.person.Registrant;
import org.populus.person.MembershipPolicy;
import org.populus.person.Registrants;
import org.populus.procedure.CensusClient;
import org.populus.procedure.CensusReach;
import org.populus.scope.ScopeView;
import org.populus.scope.Scopes;
import org.populus.shared.DateRanges;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1(/:locale)/people/:qualified_id}: the person as the original's serializer shows them, when the
 * client reaches them ({@link CensusReach}); anyone else is {@code 404 {}}, as nobody.
 */
@RestController
class PersonController {

    private static final Set<String> DOCUMENT_TYPES = Set.of("dni", "nie", "passport");
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Registrants registrants;
    private final Catalog catalog;
    private final Scopes scopes;
    private final JsonMapper json;
    private final MembershipPolicy policy;
    private final CensusReach reach;
    private final CensusCallers callers;

    PersonController(Registrants registrants, Catalog catalog, Scopes scopes, JsonMapper json,
            MembershipPolicy policy, CensusReach reach, CensusCallers callers) {
        this.reach = reach;
        this.callers = callers;
        this.registrants = registrants;
        this.catalog = catalog;
        this.scopes = scopes;
        this.json = json;
        this.policy = policy;
    }

    @GetMapping(path = "/api/v1/people/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> show(@PathVariable("id") String id, HttpServletRequest request) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(person(id, request));
    }

    @GetMapping(path = CensusPeopleController.LOCALE_PREFIX + "/people/{id}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> show(@PathVariable("locale") String locale, @PathVariable("id") String id,
            HttpServletRequest request) {
        return show(id, request);
    }

    private Map<String, Object> person(String qualifiedId, HttpServletRequest request) {
        String versionAt = request.getParameter("version_at");
        Instant at = null;
        if (versionAt != null) {
            at = VersionAt.parse(versionAt).filter(DateRanges::holds)
                    .orElseThrow(() -> new CensusErrors.Invalid("version_at", "invalid"));
        }
        CensusClient client = callers.of(request);
        Registrant shown;
        boolean discardedNow;
        if (at == null) {
            shown = reach.find(client, qualifiedId).orElseThrow(CensusErrors.NotFound::new);
            discardedNow = shown.status().discarded();
        } else {
            // as of an instant: the version from history, shown as the person stands now (discarded or not)
            Registrants.Standing now = reach.standing(client, qualifiedId).orElseThrow(CensusErrors.NotFound::new);
            shown = registrants.asOf(now.id(), at).orElseThrow(CensusErrors.NotFound::new);
            discardedNow = now.discarded();
        }
        Map<String, Object> all = attributes(shown, !discardedNow);
        String[] excludes = request.getParameterValues("excludes[]");
        boolean withScopes = "true".equalsIgnoreCase(request.getParameter("with_scope")) || excludes != null;
        if (withScopes) {
            PersonalData d = shown.data();
            all.put("scopes", scopes.views(Arrays.asList(d.scopeCode(), d.addressScopeCode(), d.documentScopeCode()))
                    .stream().map(PersonController::scope).toList());
        }
        String[] includes = request.getParameterValues("includes[]");
        if (includes != null) {
            Set<String> wanted = new java.util.HashSet<>(Arrays.asList(includes));
            all.keySet().retainAll(wanted);
        }
        if (excludes != null) {
            all.keySet().removeAll(Arrays.asList(excludes));
        }
        return all;
    }

    private Map<String, Object> attributes(Registrant r, boolean sensitive) {
        PersonalData d = r.data();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person_id", r.id());
        m.put("external_ids", r.externalIds());
        m.put("scope_code", d.scopeCode());
        m.put("state", r.status().state().code());
        m.put("membership_level", r.status().membershipLevel().code());
        m.put("verification", r.status().verification().code());
        m.put("phone_verification", r.status().phoneVerification().code());
        if (!sensitive) {
            return m;
        }
        Identifier document = document(r);
        m.put("first_name", d.givenName());
        m.put("last_name1", d.familyName());
        m.put("last_name2", d.secondFamilyName());
        m.put("document_type", document == null ? null : documentType(document));
        m.put("document_id", document == null ? null : document.value());
        m.put("document_scope_code", d.documentScopeCode());
        m.put("born_at", d.birthdate() == null ? null : d.birthdate().toString());
        m.put("gender", d.gender());
        m.put("email", d.email());
        m.put("phone", r.phones().isEmpty() ? null : r.phones().get(0).number());
        m.put("address", d.address());
        m.put("address_scope_code", d.addressScopeCode());
        m.put("postal_code", d.postalCode());
        m.put("additional_information", additionalInformation(d.additionalInfo()));
        m.put("membership_allowed?", policy.adult(r));
        m.put("created_at", r.createdAt() == null ? null : CREATED_AT.format(r.createdAt()));
        return m;
    }

    /** The primary document; without one, an ID of type dni, nie or passport. */
    private Identifier document(Registrant r) {
        // documentType is null for other ID types (e.g. an OpenG2P "National ID"): Set.of(…).contains(null) throws
        return r.primaryDocument().orElseGet(() -> r.identifiers().stream()
                .filter(i -> documentType(i) != null).findFirst().orElse(null));
    }

    private String documentType(Identifier i) {
        return catalog.idType(i.idTypeId()).map(IdType::name).filter(DOCUMENT_TYPES::contains).orElse(null);
    }

    private Object additionalInformation(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode node = json.readTree(stored);
            return node.isObject() ? node : Map.of();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static Map<String, Object> scope(ScopeView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("name", v.name());
        m.put("scope_type", v.scopeType());
        m.put("code", v.code());
        m.put("mappings", v.mappings());
        return m;
    }
}
