package org.populus.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.populus.catalog.Catalog;
import org.populus.catalog.IdType;
import org.populus.history.History;
import org.populus.history.Provenance;
import org.populus.history.RecordVersion;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry of registrants: the only way to create or change one. Every committed change appends the whole
 * new version to history, with who and why, in the same transaction.
 */
@Service
public class Registrants {

    /** Subject type of registrants in history. */
    public static final String HISTORY_SUBJECT = "registrant";

    private final RegistrantRepository repository;
    private final RegistrantRules rules;
    private final Catalog catalog;
    private final History history;
    private final JsonMapper json;

    Registrants(RegistrantRepository repository, RegistrantRules rules, Catalog catalog, History history,
            JsonMapper json) {
        this.repository = repository;
        this.rules = rules;
        this.catalog = catalog;
        this.history = history;
        this.json = json;
    }

    /**
     * Registers a new registrant.
     *
     * @throws RuleViolation when the draft breaks a rule; nothing is stored then
     */
    @Transactional
    public Registrant create(RegistrantDraft draft, Provenance provenance) {
        PersonalData data = rules.checkData(draft.data());
        List<Identifier> identifiers = rules.identifiers(draft.identifiers());
        List<Phone> phones = rules.phones(draft.phones());
        List<ProgrammeEnrolment> programmes = rules.programmes(draft.programmes(), draft.kind());
        refuseTakenValues(identifiers, null);
        Registrant fresh = new Registrant(null, 0, draft.kind(), data, identifiers, phones, programmes,
                draft.externalIds(), draft.status(), null, null,
                draft.status().discarded() ? Instant.now() : null);
        Registrant saved = repository.insert(fresh);
        record(saved, provenance);
        return saved;
    }

    /**
     * Sets one identity document of an individual: updates the ID of that type, or adds it when absent.
     *
     * @return the document as stored
     */
    @Transactional
    public Identifier putIdentifier(long registrantId, String idTypeName, String value, LocalDate expiryDate,
            Provenance provenance) {
        IdType type = rules.idType(idTypeName);
        String checked = rules.checkIdValue(type, value);
        Registrant r = repository.findForUpdate(registrantId)
                .filter(x -> x.kind() == RegistrantKind.INDIVIDUAL && !x.discarded())
                .orElseThrow(() -> notFound(registrantId));
        if (type.uniqueValues()) {
            repository.lockIdentifierValue(type.id(), checked);
            refuseIfTaken(type, checked, registrantId);
        }
        r.putIdentifier(type.id(), checked, expiryDate);
        Registrant saved = repository.update(r);
        record(saved, provenance);
        return saved.identifier(type.id()).orElseThrow();
    }

    /** One statement, so no transaction is opened for it. */
    public Optional<Registrant> find(long id) {
        return repository.find(id);
    }

    /** The individual whose external ids hold {@code {"<system>": id}} (one statement). */
    public Optional<Registrant> findByExternalId(String system, long id) {
        return repository.findByExternalId(system, id);
    }

    /**
     * The individual a Census qualified id names ({@code N@census}, {@code N@<system>}, {@code <doc>@document_id});
     * empty for unparseable ids and for groups.
     */
    public Optional<Registrant> findByQualifiedId(String qualifiedId) {
        return QualifiedId.parse(qualifiedId).flatMap(q -> {
            if (q instanceof QualifiedId.Census c) {
                return repository.find(c.id()).filter(r -> r.kind() == RegistrantKind.INDIVIDUAL);
            }
            if (q instanceof QualifiedId.External e) {
                return repository.findByExternalId(e.system(), e.id());
            }
            return repository.findByDocument(((QualifiedId.Document) q).candidates());
        });
    }

    /** The registrants with these ids that exist, in id order (one statement). */
    public List<Registrant> findAll(Collection<Long> ids) {
        return repository.findAll(ids);
    }

    /** The registrant exactly as it was at {@code instant}; empty if it did not exist yet (one statement). */
    public Optional<Registrant> asOf(long id, Instant instant) {
        return history.asOf(HISTORY_SUBJECT, id, instant)
                .map(v -> json.readValue(v.snapshot(), RegistrantSnapshot.class).toRegistrant());
    }

    public List<RecordVersion> versions(long id) {
        return history.versions(HISTORY_SUBJECT, id);
    }

    /**
     * A page of matches in id order: those after {@code afterId} (keyset paging for streaming), skipping
     * {@code offset}.
     */
    public List<Registrant> search(RegistrantQuery query, long afterId, long offset, int limit) {
        return repository.search(query, afterId, offset, limit);
    }

    /** Locks (in a fixed order, so two requests cannot deadlock) and checks every unique-valued document. */
    private void refuseTakenValues(List<Identifier> identifiers, Long self) {
        record Document(IdType type, String value) {
        }
        identifiers.stream()
                .map(i -> new Document(catalog.idType(i.idTypeId()).orElseThrow(), i.value()))
                .filter(d -> d.type().uniqueValues())
                .sorted(Comparator.comparing((Document d) -> d.type().id()).thenComparing(Document::value))
                .forEach(d -> {
                    repository.lockIdentifierValue(d.type().id(), d.value());
                    refuseIfTaken(d.type(), d.value(), self);
                });
    }

    private void refuseIfTaken(IdType type, String value, Long self) {
        repository.holderOf(type.id(), value, self).ifPresent(holder -> {
            throw new RuleViolation(Rule.ID_ALREADY_REGISTERED, "ids", value,
                    "The " + type.name() + " ID '" + value + "' is already registered to registrant " + holder
                            + ".");
        });
    }

    private void record(Registrant saved, Provenance provenance) {
        history.append(HISTORY_SUBJECT, saved.id(), saved.version(), saved.updatedAt(), provenance,
                json.writeValueAsString(RegistrantSnapshot.of(saved)));
    }

    static RuleViolation notFound(long id) {
        return new RuleViolation(Rule.REGISTRANT_NOT_FOUND, "partner_id", String.valueOf(id),
                "The partner ID - " + id + " does not exist.");
    }
}
