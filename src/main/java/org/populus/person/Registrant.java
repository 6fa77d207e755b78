package org.populus.person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;

/**
 * A registrant: an individual, or the registrant part of a group. The aggregate guards its own invariants
 * (one identity document per type, at most one primary document); {@link Registrants} loads, checks against
 * the catalogue and saves it.
 */
public final class Registrant {

    private final Long id;
    private final int version;
    private final RegistrantKind kind;
    private PersonalData data;
    private final List<Identifier> identifiers;
    private final List<Phone> phones;
    private final List<ProgrammeEnrolment> programmes;
    private final Map<String, Long> externalIds;
    private CensusStatus status;
    private final Instant createdAt;
    private final Instant updatedAt;
    private Instant discardedAt;

    Registrant(Long id, int version, RegistrantKind kind, PersonalData data, List<Identifier> identifiers,
            List<Phone> phones, List<ProgrammeEnrolment> programmes, Map<String, Long> externalIds,
            CensusStatus status, Instant createdAt, Instant updatedAt, Instant discardedAt) {
        this.id = id;
        this.version = version;
        this.kind = kind;
        this.data = data;
        this.identifiers = new ArrayList<>(identifiers);
        this.phones = new ArrayList<>(phones);
        this.programmes = new ArrayList<>(programmes);
        this.externalIds = new LinkedHashMap<>(externalIds);
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.discardedAt = discardedAt;
    }

    public long id() {
        return id;
    }

    /** Optimistic-lock version; also the number of the newest history version. */
    public int version() {
        return version;
    }

    public RegistrantKind kind() {
        return kind;
    }

    public boolean isGroup() {
        return kind == RegistrantKind.GROUP;
    }

    public PersonalData data() {
        return data;
    }

    public List<Identifier> identifiers() {
        return Collections.unmodifiableList(identifiers);
    }

    public List<Phone> phones() {
        return Collections.unmodifiableList(phones);
    }

    public List<ProgrammeEnrolment> programmes() {
        return Collections.unmodifiableList(programmes);
    }

    public Map<String, Long> externalIds() {
        return Collections.unmodifiableMap(externalIds);
    }

    public CensusStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant discardedAt() {
        return discardedAt;
    }

    public boolean discarded() {
        return discardedAt != null;
    }

    public Optional<Identifier> identifier(long idTypeId) {
        return identifiers.stream().filter(i -> i.idTypeId() == idTypeId).findFirst();
    }

    public Optional<Identifier> primaryDocument() {
        return identifiers.stream().filter(Identifier::primaryDocument).findFirst();
    }

    /** Whole years of age on {@code today}, or empty without a birthdate. */
    public Optional<Integer> age(LocalDate today) {
        return Optional.ofNullable(data.birthdate()).map(b -> Period.between(b, today).getYears());
    }

    /**
     * Sets the document of that type: replaces its value and expiry when the registrant has one, adds it
     * otherwise.
     *
     * @return the identifier as it now stands (without an id when newly added, until saved)
     */
    Identifier putIdentifier(long idTypeId, String value, LocalDate expiryDate) {
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier existing = identifiers.get(i);
            if (existing.idTypeId() == idTypeId) {
                Identifier changed = existing.withValue(value, expiryDate);
                identifiers.set(i, changed);
                return changed;
            }
        }
        Identifier added = new Identifier(null, idTypeId, value, expiryDate, false);
        identifiers.add(added);
        return added;
    }

    static void checkIdentifiers(List<Identifier> identifiers) {
        long distinctTypes = identifiers.stream().mapToLong(Identifier::idTypeId).distinct().count();
        if (distinctTypes != identifiers.size()) {
            throw new RuleViolation(Rule.ID_TYPE_REPEATED, "ids", null, "A registrant has one ID of each type.");
        }
        if (identifiers.stream().filter(Identifier::primaryDocument).count() > 1) {
            throw new RuleViolation(Rule.ID_TYPE_REPEATED, "ids", null, "A registrant has one primary document.");
        }
    }

    void replaceIdentifiers(List<Identifier> replacement) {
        checkIdentifiers(replacement);
        identifiers.clear();
        identifiers.addAll(replacement);
    }

    void assignIds(List<Identifier> savedIdentifiers, List<Phone> savedPhones,
            List<ProgrammeEnrolment> savedProgrammes) {
        identifiers.clear();
        identifiers.addAll(savedIdentifiers);
        phones.clear();
        phones.addAll(savedPhones);
        programmes.clear();
        programmes.addAll(savedProgrammes);
    }

    /** Takes the additional information as the database stores it (jsonb's canonical text). */
    void normalizeAdditionalInfo(String stored) {
        PersonalData d = data;
        data = new PersonalData(d.name(), d.givenName(), d.familyName(), d.secondFamilyName(), d.additionalName(),
                d.gender(), d.birthdate(), d.birthPlace(), d.email(), d.address(), d.postalCode(), d.scopeCode(),
                d.addressScopeCode(), d.documentScopeCode(), d.registrationDate(), d.notificationPreference(),
                stored);
    }

    Registrant saved(long newId, int newVersion, Instant created, Instant updated) {
        return new Registrant(newId, newVersion, kind, data, identifiers, phones, programmes, externalIds, status,
                created, updated, discardedAt);
    }
}
