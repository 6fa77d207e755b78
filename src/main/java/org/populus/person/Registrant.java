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
import org.populus.shared.DateRanges;
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
    // the children as loaded, so a save can skip them when unchanged
    private final List<Identifier> loadedIdentifiers;
    private final List<Phone> loadedPhones;
    private final List<ProgrammeEnrolment> loadedProgrammes;

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
        this.discardedAt = stored(discardedAt);
        this.loadedIdentifiers = List.copyOf(identifiers);
        this.loadedPhones = List.copyOf(phones);
        this.loadedProgrammes = List.copyOf(programmes);
    }

    /** Whether documents, phones or programme memberships differ from what was loaded. */
    boolean childrenChanged() {
        return id == null || !identifiers.equals(loadedIdentifiers) || !phones.equals(loadedPhones)
                || !programmes.equals(loadedProgrammes);
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

    /** Whole years of age on {@code today}; empty without a birthdate, or with one after {@code today}. */
    public Optional<Integer> age(LocalDate today) {
        return Optional.ofNullable(data.birthdate()).filter(b -> !b.isAfter(today))
                .map(b -> Period.between(b, today).getYears());
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

    /**
     * Whether the event is allowed now (the transition exists from the current state and its guard holds):
     * membership and phone events need the person kept (not discarded); becoming a member also needs identity
     * verified and the minimum age reached on {@code today}.
     */
    public boolean may(PersonEvent event, LocalDate today, int minimumAge) {
        CensusStatus s = status;
        boolean kept = !discarded();
        return switch (event) {
            case ACCEPT -> s.state() == CensusStatus.State.PENDING;
            case UNDO -> s.state() == CensusStatus.State.ENABLED || s.state() == CensusStatus.State.TRASHED;
            case CANCEL, TRASH -> s.state() == CensusStatus.State.PENDING || s.state() == CensusStatus.State.ENABLED;
            case REQUEST_VERIFICATION -> s.verification() == CensusStatus.Verification.NOT_VERIFIED
                    || s.verification() == CensusStatus.Verification.VERIFICATION_RECEIVED;
            case RECEIVE_VERIFICATION -> s.verification() == CensusStatus.Verification.NOT_VERIFIED
                    || s.verification() == CensusStatus.Verification.VERIFICATION_REQUESTED;
            case VERIFY -> s.verification() == CensusStatus.Verification.NOT_VERIFIED
                    || s.verification() == CensusStatus.Verification.VERIFICATION_REQUESTED
                    || s.verification() == CensusStatus.Verification.VERIFICATION_RECEIVED;
            case UNDO_VERIFICATION, UNVERIFY -> s.verification() == CensusStatus.Verification.VERIFIED;
            case FRAUD_DETECTED, MISTAKE_DETECTED -> s.verification() != CensusStatus.Verification.FRAUDULENT
                    && s.verification() != CensusStatus.Verification.MISTAKE;
            case TO_MEMBER -> s.membershipLevel() == CensusStatus.MembershipLevel.FOLLOWER && kept
                    && s.verification() == CensusStatus.Verification.VERIFIED && adult(today, minimumAge);
            case TO_FOLLOWER -> s.membershipLevel() == CensusStatus.MembershipLevel.MEMBER && kept;
            case VERIFY_PHONE -> kept;
            case UNVERIFY_PHONE -> s.phoneVerification() == CensusStatus.PhoneVerification.NOT_VERIFIED
                    || s.phoneVerification() == CensusStatus.PhoneVerification.VERIFIED;
            case REASSIGN_PHONE -> s.phoneVerification() == CensusStatus.PhoneVerification.VERIFIED;
        };
    }

    /** True from the day the person reaches {@code minimumAge} (on the birthday itself). */
    public boolean adult(LocalDate today, int minimumAge) {
        LocalDate born = data.birthdate();
        return born != null && !born.isAfter(today) && !born.plusYears(minimumAge).isAfter(today);
    }

    /**
     * Applies a state-machine event.
     *
     * @throws RuleViolation ({@link Rule#TRANSITION_NOT_ALLOWED}) when {@link #may} says no; nothing changes then
     */
    void apply(PersonEvent event, LocalDate today, int minimumAge, Instant now) {
        if (!may(event, today, minimumAge)) {
            throw new RuleViolation(Rule.TRANSITION_NOT_ALLOWED, "person", event.name().toLowerCase(java.util.Locale.ROOT),
                    "The person cannot " + event.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + " now (state " + status.state().code() + ", verification "
                            + status.verification().code() + ", membership " + status.membershipLevel().code()
                            + ", phone " + status.phoneVerification().code() + ").");
        }
        CensusStatus s = status;
        status = switch (event) {
            case ACCEPT -> s.with(CensusStatus.State.ENABLED);
            case UNDO -> s.with(CensusStatus.State.PENDING);
            case CANCEL -> s.with(CensusStatus.State.CANCELLED);
            case TRASH -> s.with(CensusStatus.State.TRASHED);
            case REQUEST_VERIFICATION -> s.with(CensusStatus.Verification.VERIFICATION_REQUESTED);
            case RECEIVE_VERIFICATION, UNDO_VERIFICATION -> s.with(CensusStatus.Verification.VERIFICATION_RECEIVED);
            case VERIFY -> s.with(CensusStatus.Verification.VERIFIED);
            case UNVERIFY -> s.with(CensusStatus.Verification.NOT_VERIFIED);
            case FRAUD_DETECTED -> trashedIfPossible(s.with(CensusStatus.Verification.FRAUDULENT));
            case MISTAKE_DETECTED -> trashedIfPossible(s.with(CensusStatus.Verification.MISTAKE));
            case TO_MEMBER -> s.with(CensusStatus.MembershipLevel.MEMBER);
            case TO_FOLLOWER -> s.with(CensusStatus.MembershipLevel.FOLLOWER);
            case VERIFY_PHONE -> s.with(CensusStatus.PhoneVerification.VERIFIED);
            case UNVERIFY_PHONE -> s.with(CensusStatus.PhoneVerification.NOT_VERIFIED);
            case REASSIGN_PHONE -> s.with(CensusStatus.PhoneVerification.REASSIGNED);
        };
        if (status.discarded() && discardedAt == null) {
            discardedAt = stored(now);
        } else if (!status.discarded()) {
            discardedAt = null;
        }
    }

    private static CensusStatus trashedIfPossible(CensusStatus s) {
        return s.state() == CensusStatus.State.PENDING || s.state() == CensusStatus.State.ENABLED
                ? s.with(CensusStatus.State.TRASHED) : s;
    }

    /**
     * Sets the non-null fields of a Census data change. A document replaces the primary document (type and
     * value); a phone replaces the first phone.
     *
     * @param documentTypeId the ID type of {@code d.documentType()}, resolved by the caller (null when not given)
     * @param phoneE164 the E.164 form of {@code d.phone()}, when it has one
     */
    void setCensusData(CensusPersonData d, Long documentTypeId, String phoneE164, LocalDate today) {
        DateRanges.check("birthdate", d.bornAt(), DateRanges.Kind.PAST, today);
        PersonalData o = data;
        String given = pick(d.firstName(), o.givenName());
        String family = pick(d.lastName1(), o.familyName());
        String second = pick(d.lastName2(), o.secondFamilyName());
        String name = java.util.stream.Stream.of(given, family, second).filter(x -> x != null && !x.isBlank())
                .map(String::strip).collect(java.util.stream.Collectors.joining(" "));
        data = new PersonalData(name.isBlank() ? o.name() : name, given, family, second, o.additionalName(),
                pick(d.gender(), o.gender()), d.bornAt() != null ? d.bornAt() : o.birthdate(), o.birthPlace(),
                pick(d.email(), o.email()), pick(d.address(), o.address()), pick(d.postalCode(), o.postalCode()),
                pick(d.scopeCode(), o.scopeCode()), pick(d.addressScopeCode(), o.addressScopeCode()),
                pick(d.documentScopeCode(), o.documentScopeCode()),
                o.registrationDate() == null ? today : o.registrationDate(),
                o.notificationPreference() == null ? "none" : o.notificationPreference(), o.additionalInfo());
        if (d.documentId() != null || documentTypeId != null) {
            Identifier primary = primaryDocument().orElse(null);
            long typeId = documentTypeId != null ? documentTypeId : primary.idTypeId();
            String value = d.documentId() != null ? d.documentId() : primary.value();
            List<Identifier> next = new ArrayList<>();
            for (Identifier i : identifiers) {
                if (i.primaryDocument() || i.idTypeId() == typeId) {
                    continue;
                }
                next.add(i);
            }
            Identifier sameType = identifiers.stream().filter(i -> i.idTypeId() == typeId).findFirst().orElse(null);
            next.add(new Identifier(sameType == null ? null : sameType.id(), typeId, value,
                    sameType == null ? null : sameType.expiryDate(), true));
            replaceIdentifiers(next);
        }
        if (d.phone() != null) {
            Phone first = phones.isEmpty() ? null : phones.get(0);
            if (first == null) {
                phones.add(new Phone(null, d.phone(), phoneE164, today, null));
            } else if (!first.number().equals(d.phone())) {
                phones.set(0, new Phone(first.id(), d.phone(), phoneE164, today, null));
            }
        }
    }

    /** Sets one key of the additional information ({@code null} value removes it); {@code info} is the new JSON. */
    void setAdditionalInfo(String info) {
        normalizeAdditionalInfo(info);
    }

    /** Takes every attribute, child and state of an earlier version (undo); ids of children are kept when alike. */
    void restore(Registrant earlier) {
        data = earlier.data;
        identifiers.clear();
        identifiers.addAll(earlier.identifiers);
        phones.clear();
        phones.addAll(earlier.phones);
        externalIds.clear();
        externalIds.putAll(earlier.externalIds);
        status = earlier.status;
        discardedAt = earlier.discardedAt;
    }

    void putExternalId(String system, long value) {
        externalIds.put(system, value);
    }

    private static String pick(String given, String current) {
        return given != null ? given : current;
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

    /** An instant as PostgreSQL stores it (to the microsecond), so history's copy and the row agree exactly. */
    private static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** An unchanged copy, to be edited without touching this one. */
    Registrant copy() {
        return new Registrant(id, version, kind, data, identifiers, phones, programmes, externalIds, status,
                createdAt, updatedAt, discardedAt);
    }

    Registrant saved(long newId, int newVersion, Instant created, Instant updated) {
        return new Registrant(newId, newVersion, kind, data, identifiers, phones, programmes, externalIds, status,
                created, updated, discardedAt);
    }
}
