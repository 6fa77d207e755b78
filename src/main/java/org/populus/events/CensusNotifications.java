package org.populus.events;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.populus.catalog.Catalog;
import org.populus.catalog.IdType;
import org.populus.person.Identifier;
import org.populus.person.Registrant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Census notifications a registrant's version causes, with the bodies the original Census publishes through
 * Hutch:
 * <ul>
 * <li>{@code census.people.full_status_changed} when the state, verification, membership level, scope, document type
 * or birth date (the age) differ from the version before — for a discarded (cancelled or trashed) person only the
 * state and verification count, and only they are sent with the person and external ids. A record's first version
 * (its creation) is no change of status and sends nothing;</li>
 * <li>{@code census.people.confirm_email_change} when the e-mail differs from the version before and staff made the
 * change: the actor is a user ({@code user:<login>} — a registrar deciding a review or an administrator), not the
 * person through the Census API ({@code anonymous} or {@code client:<name>}) nor a {@code system…} worker processing
 * the person's own request.</li>
 * </ul>
 */
@Component
class CensusNotifications {

    static final String FULL_STATUS_CHANGED = "census.people.full_status_changed";
    static final String CONFIRM_EMAIL_CHANGE = "census.people.confirm_email_change";
    private static final Set<String> DOCUMENT_TYPES = Set.of("dni", "nie", "passport");

    private final Catalog catalog;
    private final JsonMapper json = JsonMapper.builder().build();

    CensusNotifications(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A notification: its routing key and JSON body. */
    record Notification(String routingKey, String body) {
        byte[] bytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The notifications of the change from {@code before} (null for a first version) to {@code after}. */
    List<Notification> of(Registrant before, Registrant after, String actor, LocalDate today) {
        if (before == null) {
            return List.of();
        }
        java.util.ArrayList<Notification> out = new java.util.ArrayList<>(2);
        if (!statusKey(before).equals(statusKey(after))) {
            out.add(new Notification(FULL_STATUS_CHANGED, json.writeValueAsString(fullStatus(after, today))));
        }
        if (staffChangedEmail(before.data().email(), after.data().email(), actor)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("person", qualifiedId(after));
            body.put("external_ids", after.externalIds());
            body.put("email", after.data().email());
            out.add(new Notification(CONFIRM_EMAIL_CHANGE, json.writeValueAsString(body)));
        }
        return out;
    }

    /**
     * Whether a version asks Decidim to confirm an e-mail: the e-mail changed to a value, and a user ({@code
     * user:<login>}: staff — a registrar deciding a review, an administrator) made the change; not the person through
     * the Census API ({@code anonymous}, {@code client:<name>}) nor a {@code system…} worker processing the person's
     * own request.
     */
    static boolean staffChangedEmail(String before, String after, String actor) {
        return after != null && !after.equals(before) && actor != null && actor.startsWith("user:");
    }

    /** The values a full-status notification reports; for a discarded person only state and verification. */
    private List<Object> statusKey(Registrant r) {
        if (r.status().discarded()) {
            return List.of(r.status().state(), r.status().verification());
        }
        return java.util.Arrays.asList(r.status().state(), r.status().verification(), r.status().membershipLevel(),
                r.data().scopeCode(), documentType(r), r.data().birthdate());
    }

    Map<String, Object> fullStatus(Registrant r, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", qualifiedId(r));
        body.put("external_ids", r.externalIds());
        body.put("state", r.status().state().code());
        body.put("verification", r.status().verification().code());
        if (!r.status().discarded()) {
            body.put("membership_level", r.status().membershipLevel().code());
            body.put("scope_code", r.data().scopeCode());
            body.put("document_type", documentType(r));
            body.put("age", r.age(today).orElse(null));
        }
        return body;
    }

    private static String qualifiedId(Registrant r) {
        return r.id() + "@census";
    }

    /**
     * The document type as the Census API shows it: the primary document's type when it is dni, nie or passport;
     * without a primary document, that of the first document of one of those types.
     */
    private String documentType(Registrant r) {
        Optional<Identifier> document = r.primaryDocument()
                .or(() -> r.identifiers().stream().filter(i -> documentType(i) != null).findFirst());
        return document.map(this::documentType).orElse(null);
    }

    private String documentType(Identifier i) {
        return catalog.idType(i.idTypeId()).map(IdType::name).filter(DOCUMENT_TYPES::contains).orElse(null);
    }

}
