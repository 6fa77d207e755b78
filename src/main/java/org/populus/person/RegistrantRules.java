package org.populus.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.populus.catalog.Catalog;
import org.populus.catalog.Gender;
import org.populus.catalog.IdType;
import org.populus.catalog.Programme;
import org.populus.shared.DateRanges;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;
import org.populus.shared.TextLimits;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks a draft against the registry's rules and the catalogues, and resolves catalogue names to entries. */
@Component
class RegistrantRules {

    static final Set<String> NOTIFICATION_PREFERENCES = Set.of("none", "email", "sms", "both");
    // the shape Odoo accepts (tools.single_email_re): local part, one @, a dotted domain
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private final Catalog catalog;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;
    private final JsonMapper json;

    RegistrantRules(Catalog catalog, PhoneNumbers phoneNumbers, Clock clock, JsonMapper json) {
        this.catalog = catalog;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
        this.json = json;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    PersonalData checkData(PersonalData d) {
        checkTexts(d);
        String name = d.name() == null || d.name().isBlank() ? nameFromParts(d) : d.name().strip();
        if (name.isBlank()) {
            throw new RuleViolation(Rule.NAME_MISSING, "name", null,
                    "Name should not be empty. Please provide a valid name.");
        }
        String gender = d.gender() == null ? null : canonicalGender(d.gender());
        LocalDate today = today();
        DateRanges.check("birthdate", d.birthdate(), DateRanges.Kind.PAST, today);
        LocalDate registration = d.registrationDate() == null ? today : d.registrationDate();
        DateRanges.check("registration_date", registration, DateRanges.Kind.PAST, today);
        if (d.email() != null && !d.email().isBlank() && (TextLimits.tooLong(d.email(), TextLimits.EMAIL)
                || !EMAIL.matcher(d.email().strip()).matches())) {
            throw new RuleViolation(Rule.EMAIL_INVALID, "email", TextLimits.shown(d.email()),
                    "Please provide a valid email address");
        }
        String preference = d.notificationPreference() == null ? "none" : d.notificationPreference();
        if (!NOTIFICATION_PREFERENCES.contains(preference)) {
            throw new RuleViolation(Rule.NOTIFICATION_PREFERENCE_INVALID, "notification_preference",
                    TextLimits.shown(preference), "Invalid notification preference '" + TextLimits.shown(preference)
                            + "'. It should be one of "
                            + "[none, email, sms, both]");
        }
        return new PersonalData(name, d.givenName(), d.familyName(), d.secondFamilyName(), d.additionalName(),
                gender, d.birthdate(), d.birthPlace(), blankToNull(d.email()), d.address(), d.postalCode(),
                d.scopeCode(), d.addressScopeCode(), d.documentScopeCode(), registration, preference,
                d.additionalInfo());
    }

    /** Every text within its limit and free of NUL characters; additional information within its size and keys. */
    private void checkTexts(PersonalData d) {
        TextLimits.check("name", d.name(), TextLimits.DISPLAY_NAME);
        TextLimits.check("given_name", d.givenName(), TextLimits.NAME_PART);
        TextLimits.check("family_name", d.familyName(), TextLimits.NAME_PART);
        TextLimits.check("second_family_name", d.secondFamilyName(), TextLimits.NAME_PART);
        TextLimits.check("addl_name", d.additionalName(), TextLimits.NAME_PART);
        TextLimits.check("gender", d.gender(), TextLimits.LABEL);
        TextLimits.check("birth_place", d.birthPlace(), TextLimits.BIRTH_PLACE);
        TextLimits.check("address", d.address(), TextLimits.ADDRESS);
        TextLimits.check("postal_code", d.postalCode(), TextLimits.POSTAL_CODE);
        TextLimits.check("scope_code", d.scopeCode(), TextLimits.LABEL);
        TextLimits.check("address_scope_code", d.addressScopeCode(), TextLimits.LABEL);
        TextLimits.check("document_scope_code", d.documentScopeCode(), TextLimits.LABEL);
        TextLimits.check("notification_preference", d.notificationPreference(), TextLimits.LABEL);
        checkAdditionalInfo(d.additionalInfo());
    }

    /**
     * Additional information (serialized JSON): at most {@link TextLimits#ADDITIONAL_INFO} characters and
     * {@link TextLimits#ADDITIONAL_INFO_KEYS} keys, no NUL character anywhere.
     */
    void checkAdditionalInfo(String info) {
        if (info == null || info.isBlank()) {
            return;
        }
        String field = "additional_info";
        TextLimits.check(field, info, TextLimits.ADDITIONAL_INFO);
        JsonNode node;
        try {
            node = json.readTree(info);
        } catch (JacksonException e) {
            throw new RuleViolation(Rule.TEXT_INVALID, field, null, "Field '" + field + "' is not valid JSON.");
        }
        if (node != null && node.isObject() && node.size() > TextLimits.ADDITIONAL_INFO_KEYS) {
            throw new RuleViolation(Rule.TOO_MANY_KEYS, field, String.valueOf(TextLimits.ADDITIONAL_INFO_KEYS),
                    "Field '" + field + "' has more than " + TextLimits.ADDITIONAL_INFO_KEYS + " keys.");
        }
        java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>();
        if (node != null) {
            pending.push(node);
        }
        while (!pending.isEmpty()) {
            JsonNode n = pending.pop();
            if (n.isString() && TextLimits.hasNul(n.stringValue())) {
                throw new RuleViolation(Rule.TEXT_INVALID, field, null,
                        "Field '" + field + "' must not contain the NUL character.");
            }
            if (n.isObject()) {
                for (var e : n.properties()) {
                    if (TextLimits.hasNul(e.getKey())) {
                        throw new RuleViolation(Rule.TEXT_INVALID, field, null,
                                "Field '" + field + "' must not contain the NUL character.");
                    }
                    pending.push(e.getValue());
                }
            } else if (n.isArray()) {
                n.forEach(pending::push);
            }
        }
    }

    private String canonicalGender(String given) {
        String g = given.strip();
        return catalog.gender(g).map(Gender::code)
                .or(() -> catalog.activeGenders().stream().filter(x -> x.value().equalsIgnoreCase(g))
                        .map(Gender::code).findFirst())
                .orElseThrow(() -> new RuleViolation(Rule.GENDER_UNKNOWN, "gender", TextLimits.shown(given),
                        "Invalid gender-" + TextLimits.shown(given) + ". It should be " + catalog.activeGenders().stream()
                                .map(x -> "'" + x.code() + "'").collect(Collectors.joining(", ", "[", "]"))));
    }

    IdType idType(String name) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation(Rule.ID_TYPE_MISSING, "id_type", name, "ID type field cannot be empty.");
        }
        return catalog.idType(name.strip()).orElseThrow(() -> new RuleViolation(Rule.ID_TYPE_UNKNOWN, "id_type",
                TextLimits.shown(name), "ID type - " + TextLimits.shown(name) + " is not present in the database."));
    }

    String checkIdValue(IdType type, String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(Rule.ID_VALUE_MISSING, "value", type.name(),
                    "The " + type.name() + " ID value cannot be empty.");
        }
        String v = value.strip();
        if (TextLimits.tooLong(v, TextLimits.IDENTIFIER_VALUE)) {
            throw new RuleViolation(Rule.ID_VALUE_INVALID, "value", TextLimits.shown(v), "The provided "
                    + type.name() + " ID is longer than " + TextLimits.IDENTIFIER_VALUE + " characters.");
        }
        if (TextLimits.hasNul(v)) {
            throw new RuleViolation(Rule.ID_VALUE_INVALID, "value", null,
                    "The provided " + type.name() + " ID must not contain the NUL character.");
        }
        if (!type.accepts(v)) {
            throw new RuleViolation(Rule.ID_VALUE_INVALID, "value", TextLimits.shown(v),
                    "The provided " + type.name() + " ID '" + TextLimits.shown(v) + "' is invalid.");
        }
        return v;
    }

    List<Identifier> identifiers(List<RegistrantDraft.IdentifierDraft> drafts) {
        List<Identifier> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (RegistrantDraft.IdentifierDraft d : drafts) {
            IdType type = idType(d.idType());
            String value = checkIdValue(type, d.value());
            if (!seen.add(type.id())) {
                throw new RuleViolation(Rule.ID_TYPE_REPEATED, "ids", type.name(),
                        "ID Type must be unique: " + type.name() + " is given more than once.");
            }
            result.add(new Identifier(null, type.id(), value, checkExpiry(d.expiryDate()), d.primaryDocument()));
        }
        Registrant.checkIdentifiers(result);
        return result;
    }

    /** An identity document's expiry: within {@link DateRanges.Kind#AHEAD} (null: none). */
    LocalDate checkExpiry(LocalDate expiry) {
        return DateRanges.check("expiry_date", expiry, DateRanges.Kind.AHEAD, today());
    }

    List<Phone> phones(List<RegistrantDraft.PhoneDraft> drafts) {
        List<Phone> result = new ArrayList<>();
        for (RegistrantDraft.PhoneDraft d : drafts) {
            if (d.number() == null || TextLimits.tooLong(d.number().strip(), TextLimits.PHONE)
                    || TextLimits.hasNul(d.number()) || !phoneNumbers.acceptable(d.number())) {
                throw new RuleViolation(Rule.PHONE_INVALID, "phone_no", TextLimits.shown(d.number()),
                        "Please provide a valid phone number");
            }
            DateRanges.check("date_collected", d.collected(), DateRanges.Kind.PAST, today());
            String number = d.number().strip();
            result.add(new Phone(null, number, phoneNumbers.e164(number).orElse(null),
                    d.collected() == null ? today() : d.collected(), null));
        }
        return result;
    }

    List<ProgrammeEnrolment> programmes(List<RegistrantDraft.EnrolmentDraft> drafts, RegistrantKind kind) {
        Programme.TargetType target = kind == RegistrantKind.GROUP ? Programme.TargetType.GROUP
                : Programme.TargetType.INDIVIDUAL;
        List<ProgrammeEnrolment> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (RegistrantDraft.EnrolmentDraft d : drafts) {
            String name = d.programme() == null ? "" : d.programme().strip();
            Programme programme = catalog.programme(name, target).orElseThrow(() -> new RuleViolation(
                    Rule.PROGRAMME_UNKNOWN, "program_memberships", TextLimits.shown(name), "Program - "
                            + TextLimits.shown(name) + " is not present in the database for " + target.code() + "s."));
            DateRanges.check("enrollment_date", d.enrollmentDate(), DateRanges.Kind.AHEAD, today());
            if (!seen.add(programme.id())) {
                throw new RuleViolation(Rule.PROGRAMME_REPEATED, "program_memberships", name,
                        "Program - " + name + " is given more than once.");
            }
            result.add(new ProgrammeEnrolment(null, programme.id(), "draft", d.enrollmentDate(), null));
        }
        return result;
    }

    static String nameFromParts(PersonalData d) {
        return java.util.stream.Stream.of(d.givenName(), d.additionalName(), d.familyName(), d.secondFamilyName())
                .filter(s -> s != null && !s.isBlank()).map(String::strip).collect(Collectors.joining(" "));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
