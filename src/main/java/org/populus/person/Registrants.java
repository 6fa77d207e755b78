package org.populus.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.populus.catalog.Catalog;
import org.populus.catalog.IdType;
import org.populus.history.History;
import org.populus.history.Provenance;
import org.populus.history.RecordVersion;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
    private final PhoneNumbers phoneNumbers;
    private final MembershipPolicy policy;
    private final ApplicationEventPublisher events;

    Registrants(RegistrantRepository repository, RegistrantRules rules, Catalog catalog, History history,
            JsonMapper json, PhoneNumbers phoneNumbers, MembershipPolicy policy, ApplicationEventPublisher events) {
        this.repository = repository;
        this.rules = rules;
        this.catalog = catalog;
        this.history = history;
        this.json = json;
        this.phoneNumbers = phoneNumbers;
        this.policy = policy;
        this.events = events;
    }

    /**
     * Registers a person through a Census registration: state pending, the document as primary document. Unlike
     * {@link #create}, a document another person already holds is accepted — the procedure's issue check flags it
     * for staff (duplicated document), as in the original Census.
     */
    @Transactional
    public Registrant registerCensus(CensusPersonData data, java.util.Map<String, Long> externalIds,
            Provenance provenance) {
        Registrant fresh = new Registrant(null, 0, RegistrantKind.INDIVIDUAL,
                new PersonalData("", null, null, null, null, null, null, null, null, null, null, null, null, null,
                        policy.today(), "none", null),
                List.of(), List.of(), List.of(), externalIds, CensusStatus.pending(), null, null, null);
        fresh.setCensusData(data, documentType(data.documentType()), e164(data.phone()), policy.today());
        Registrant saved = repository.insert(fresh);
        record(saved, provenance);
        return saved;
    }

    /**
     * Locks the individual until the end of the transaction: every change of a person (and of its procedures) takes
     * this lock first, so they queue up instead of deadlocking. The person is read once, after the lock is held;
     * the changes below take the locked person and keep it current.
     *
     * @return the person, or empty when there is no such individual
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LockedPerson> lock(long id) {
        return lockedRow(id).filter(r -> r.kind() == RegistrantKind.INDIVIDUAL)
                .map(r -> new LockedPerson(r, policy));
    }

    /**
     * Applies a Census data change (null fields are left alone) to the locked person, then those of the events
     * that are allowed afterwards (e.g. unverify after a document change), as one change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Registrant changeCensusData(LockedPerson person, CensusPersonData changes, Provenance provenance,
            PersonEvent... ifAllowed) {
        Registrant r = person.editable();
        r.setCensusData(changes, documentType(changes.documentType()), e164(changes.phone()), policy.today());
        for (PersonEvent e : ifAllowed) {
            policy.applyIfAllowed(r, e);
        }
        return save(person, r, provenance);
    }

    /**
     * Applies state-machine events in order to the locked person, as one change.
     *
     * @throws RuleViolation when one is not allowed now; nothing is changed then
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Registrant change(LockedPerson person, Provenance provenance, PersonEvent... events) {
        Registrant r = person.editable();
        for (PersonEvent e : events) {
            policy.apply(r, e);
        }
        return save(person, r, provenance);
    }

    /**
     * Applies state-machine events in order to the individual, as one change (locking and reading it once).
     *
     * @throws RuleViolation when one is not allowed now, or there is no such individual; nothing is changed then
     */
    @Transactional
    public Registrant transition(long id, Provenance provenance, PersonEvent... events) {
        return change(locked(id), provenance, events);
    }

    /**
     * Sets one key of the locked person's additional information to a JSON value; a null value removes the key.
     *
     * @param jsonValue JSON text, already checked to parse
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Registrant setAdditionalInformation(LockedPerson person, String key, String jsonValue,
            Provenance provenance) {
        Registrant r = person.editable();
        tools.jackson.databind.node.ObjectNode info;
        String current = r.data().additionalInfo();
        tools.jackson.databind.JsonNode parsed = current == null || current.isBlank() ? null : json.readTree(current);
        info = parsed != null && parsed.isObject() ? (tools.jackson.databind.node.ObjectNode) parsed
                : json.createObjectNode();
        if (jsonValue == null) {
            info.remove(key);
        } else {
            info.set(key, json.readTree(jsonValue));
        }
        String merged = json.writeValueAsString(info);
        rules.checkAdditionalInfo(merged);
        r.setAdditionalInfo(merged);
        return save(person, r, provenance);
    }

    /** {@link #setAdditionalInformation(LockedPerson, String, String, Provenance)} of the individual with this id. */
    @Transactional
    public Registrant setAdditionalInformation(long id, String key, String jsonValue, Provenance provenance) {
        return setAdditionalInformation(locked(id), key, jsonValue, provenance);
    }

    /**
     * Puts the locked person back as they were in an earlier version (undo of a procedure), as a new version.
     *
     * @param expectedVersion the version the caller saw; another change since then is a conflict
     * @throws org.springframework.dao.OptimisticLockingFailureException when the person changed since
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Registrant restore(LockedPerson person, int version, int expectedVersion, Provenance provenance) {
        if (person.version() != expectedVersion) {
            throw new org.springframework.dao.OptimisticLockingFailureException("Person " + person.id()
                    + " changed since (version " + person.version() + ", expected " + expectedVersion + ")");
        }
        Registrant earlier = history.versions(HISTORY_SUBJECT, person.id()).stream()
                .filter(v -> v.version() == version).findFirst()
                .map(v -> json.readValue(v.snapshot(), RegistrantSnapshot.class).toRegistrant())
                .orElseThrow(() -> new IllegalArgumentException("No version " + version + " of person "
                        + person.id()));
        Registrant r = person.editable();
        r.restore(earlier);
        return save(person, r, provenance);
    }

    /** Other non-discarded people holding this document (primary document of that type, scope and value). */
    public List<Long> othersWithDocument(long self, String documentType, String scopeCode, String value) {
        return catalog.idType(documentType).map(t -> repository.othersWithDocument(self, t.id(), scopeCode, value))
                .orElse(List.of());
    }

    /** Other non-discarded people with the same birth date and normalized full name. */
    public List<Long> othersWithNameAndBirthdate(long self, String fullName, LocalDate bornAt) {
        return bornAt == null || fullName == null || fullName.isBlank() ? List.of()
                : repository.othersWithNameAndBirthdate(self, org.populus.shared.Names.normalize(fullName), bornAt);
    }

    /** Other non-discarded people whose verified phone is this one. */
    public List<Long> othersWithVerifiedPhone(long self, String phone) {
        if (phone == null || phone.isBlank()) {
            return List.of();
        }
        return repository.othersWithVerifiedPhone(self, phone.strip(), e164(phone));
    }

    /** The E.164 form of a phone, when it has one. */
    public String e164(String phone) {
        return phone == null ? null : phoneNumbers.e164(phone.strip()).orElse(null);
    }

    /** The name of an ID type (for documents). */
    public String idTypeName(long idTypeId) {
        return catalog.idType(idTypeId).map(IdType::name).orElse(null);
    }

    private Long documentType(String name) {
        if (name == null) {
            return null;
        }
        return catalog.idType(name).map(IdType::id).orElseThrow(() -> new RuleViolation(Rule.ID_TYPE_UNKNOWN,
                "document_type", org.populus.shared.TextLimits.shown(name), "ID type - "
                        + org.populus.shared.TextLimits.shown(name) + " is not present in the database."));
    }

    private LockedPerson locked(long id) {
        return lock(id).orElseThrow(() -> notFound(id));
    }

    private Registrant save(LockedPerson person, Registrant edited, Provenance provenance) {
        Registrant saved = repository.update(edited);
        record(saved, provenance);
        person.saved(saved);
        return saved;
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
                draft.status().discarded() ? policy.now() : null);
        Registrant saved = repository.insert(fresh);
        record(saved, provenance);
        return saved;
    }

    /**
     * Sets one identity document of an individual: updates the ID of that type, or adds it when absent. A new
     * value of the person's primary document (the one their identity was verified with) unverifies them in the
     * same change, as a Census data change of the document does, and publishes {@link PrimaryDocumentChanged} so
     * the Census issue checks run for it.
     *
     * @return the document as stored
     */
    @Transactional
    public Identifier putIdentifier(long registrantId, String idTypeName, String value, LocalDate expiryDate,
            Provenance provenance) {
        IdType type = rules.idType(idTypeName);
        String checked = rules.checkIdValue(type, value);
        rules.checkExpiry(expiryDate);
        Registrant r = lockedRow(registrantId)
                .filter(x -> x.kind() == RegistrantKind.INDIVIDUAL && !x.discarded())
                .orElseThrow(() -> notFound(registrantId));
        if (type.uniqueValues()) {
            repository.lockIdentifierValue(type.id(), checked);
            refuseIfTaken(type, checked, registrantId);
        }
        boolean primaryChanged = r.identifier(type.id())
                .filter(d -> d.primaryDocument() && !d.value().equals(checked)).isPresent();
        r.putIdentifier(type.id(), checked, expiryDate);
        if (primaryChanged) {
            policy.applyIfAllowed(r, PersonEvent.UNVERIFY);
        }
        Registrant saved = repository.update(r);
        record(saved, provenance);
        if (primaryChanged) {
            events.publishEvent(new PrimaryDocumentChanged(registrantId));
        }
        return saved.identifier(type.id()).orElseThrow();
    }

    /**
     * The registrant as stored: its newest version in history, which every change appends in its own transaction
     * (a constraint trigger checks it at commit). One primary-key read of one document, not the row and three
     * aggregates of its children; so no transaction is opened for it.
     */
    public Optional<Registrant> find(long id) {
        return history.latestSnapshot(HISTORY_SUBJECT, id).map(this::fromSnapshot);
    }

    /**
     * Locks the registrant's row until the end of the transaction, then reads it (after the lock is held, so a
     * change committed while waiting is seen).
     */
    private Optional<Registrant> lockedRow(long id) {
        return repository.lockRow(id) ? find(id) : Optional.empty();
    }

    /** The registrant as one of its history versions' snapshots holds it (for readers of history, such as events). */
    public Registrant fromSnapshot(String snapshot) {
        return json.readValue(snapshot, RegistrantSnapshot.class).toRegistrant();
    }

    /** The id of the individual whose external ids hold {@code {"<system>": id}} (one statement). */
    public Optional<Long> idByExternalId(String system, long id) {
        return repository.idByExternalId(system, id);
    }

    /** The individual whose external ids hold {@code {"<system>": id}}. */
    public Optional<Registrant> findByExternalId(String system, long id) {
        return repository.idByExternalId(system, id).flatMap(this::find);
    }

    /**
     * The individual a Census qualified id names ({@code N@census}, {@code N@<system>}, {@code <doc>@document_id});
     * empty for unparseable ids and for groups.
     */
    public Optional<Registrant> findByQualifiedId(String qualifiedId) {
        return QualifiedId.parse(qualifiedId).flatMap(q -> {
            if (q instanceof QualifiedId.Census c) {
                return find(c.id()).filter(r -> r.kind() == RegistrantKind.INDIVIDUAL);
            }
            if (q instanceof QualifiedId.External e) {
                return findByExternalId(e.system(), e.id());
            }
            return repository.idByDocument(((QualifiedId.Document) q).candidates()).flatMap(this::find);
        });
    }

    /**
     * Every individual a Census qualified id names, lowest id first: one at most for {@code N@census}; an external
     * id or a document may be held by several (a duplicate registration, say). Empty for unparseable ids.
     */
    public List<Registrant> findAllByQualifiedId(String qualifiedId) {
        return QualifiedId.parse(qualifiedId).map(q -> {
            if (q instanceof QualifiedId.Census c) {
                return find(c.id()).filter(r -> r.kind() == RegistrantKind.INDIVIDUAL).stream().toList();
            }
            List<Long> ids = q instanceof QualifiedId.External e ? repository.idsByExternalId(e.system(), e.id())
                    : repository.idsByDocument(((QualifiedId.Document) q).candidates());
            return ids.stream().map(this::find).flatMap(Optional::stream).toList();
        }).orElse(List.of());
    }

    /** A person's id and whether they are discarded (cancelled or trashed) now. */
    public record Standing(long id, boolean discarded) {
    }

    /**
     * The id and current discarded state of the individual a Census qualified id names — a primary-key look-up for
     * {@code N@census}, without reading the whole person.
     */
    public Optional<Standing> standing(String qualifiedId) {
        return QualifiedId.parse(qualifiedId).flatMap(q -> q instanceof QualifiedId.Census c
                ? repository.standing(c.id())
                : findByQualifiedId(qualifiedId).map(r -> new Standing(r.id(), r.discarded())));
    }

    /** The registrants with these ids that exist, in id order (one statement). */
    public List<Registrant> findAll(Collection<Long> ids) {
        return history.latestSnapshots(HISTORY_SUBJECT, ids.stream().distinct().sorted().toList()).stream()
                .map(this::fromSnapshot).toList();
    }

    /** The registrant exactly as it was at {@code instant}; empty if it did not exist yet (one statement). */
    public Optional<Registrant> asOf(long id, Instant instant) {
        return history.asOf(HISTORY_SUBJECT, id, instant)
                .map(v -> fromSnapshot(v.snapshot()));
    }

    public List<RecordVersion> versions(long id) {
        return history.versions(HISTORY_SUBJECT, id);
    }

    /** Up to {@code count} versions numbered below {@code beforeVersion}, newest first (a page of the history). */
    public List<RecordVersion> versionsBelow(long id, int beforeVersion, int count) {
        return history.versionsBelow(HISTORY_SUBJECT, id, beforeVersion, count);
    }

    /** The ids of registrants (individuals and groups, discarded or not) after {@code afterId}, in id order. */
    public List<Long> idsAfter(long afterId, int limit) {
        return repository.idsAfter(afterId, limit);
    }

    /** How many registrants the registry holds (individuals and groups, discarded or not). */
    public long count() {
        return repository.count();
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

    /** How many individuals are in each Census state, every state listed (zero when none). */
    @Transactional(readOnly = true)
    public Map<CensusStatus.State, Long> countByState() {
        Map<String, Long> counts = repository.countIndividualsByState();
        Map<CensusStatus.State, Long> result = new EnumMap<>(CensusStatus.State.class);
        for (CensusStatus.State state : CensusStatus.State.values()) {
            result.put(state, counts.getOrDefault(state.code(), 0L));
        }
        return result;
    }

    /** How many individuals were registered on each day (UTC) from {@code since} on; days without any are absent. */
    public Map<LocalDate, Long> countRegisteredPerDay(Instant since) {
        return repository.countIndividualsCreatedPerDay(since);
    }

    /**
     * The individuals a value a registrar typed names exactly: any identity-document value (as typed, upper-cased,
     * and in its DNI/NIE normal forms), a phone (as typed or normalised to E.164 like stored phones) or an e-mail
     * address (case-insensitive); in id order, at most {@code limit} (one statement).
     */
    public List<Long> idsByIdentifierPhoneOrEmail(String text, boolean includeDiscarded, int limit) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || org.populus.shared.TextLimits.hasNul(value)) {
            return List.of();
        }
        java.util.LinkedHashSet<String> documents = new java.util.LinkedHashSet<>();
        documents.add(value);
        documents.add(value.toUpperCase(java.util.Locale.ROOT));
        documents.addAll(DocumentIds.candidates(value));
        String email = value.indexOf('@') > 0 ? value.toLowerCase(java.util.Locale.ROOT) : null;
        return repository.idsByIdentifierPhoneOrEmail(documents, value, e164(value), email, includeDiscarded,
                limit);
    }
}
