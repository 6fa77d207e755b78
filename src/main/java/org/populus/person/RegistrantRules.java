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
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;
import org.springframework.stereotype.Component;

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

    RegistrantRules(Catalog catalog, PhoneNumbers phoneNumbers, Clock clock) {
        this.catalog = catalog;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    PersonalData checkData(PersonalData d) {
        String name = d.name() == null || d.name().isBlank() ? nameFromParts(d) : d.name().strip();
        if (name.isBlank()) {
            throw new RuleViolation(Rule.NAME_MISSING, "name", null,
                    "Name should not be empty. Please provide a valid name.");
        }
        String gender = d.gender() == null ? null : canonicalGender(d.gender());
        LocalDate today = today();
        if (d.birthdate() != null && d.birthdate().isAfter(today)) {
            throw new RuleViolation(Rule.FUTURE_DATE, "birthdate", d.birthdate().toString(),
                    "Birthdate cannot be in the future");
        }
        LocalDate registration = d.registrationDate() == null ? today : d.registrationDate();
        if (registration.isAfter(today)) {
            throw new RuleViolation(Rule.FUTURE_DATE, "registration_date", registration.toString(),
                    "Registration date cannot be in the future");
        }
        if (d.email() != null && !d.email().isBlank() && !EMAIL.matcher(d.email().strip()).matches()) {
            throw new RuleViolation(Rule.EMAIL_INVALID, "email", d.email(), "Please provide a valid email address");
        }
        String preference = d.notificationPreference() == null ? "none" : d.notificationPreference();
        if (!NOTIFICATION_PREFERENCES.contains(preference)) {
            throw new RuleViolation(Rule.NOTIFICATION_PREFERENCE_INVALID, "notification_preference", preference,
                    "Invalid notification preference '" + preference + "'. It should be one of "
                            + "[none, email, sms, both]");
        }
        return new PersonalData(name, d.givenName(), d.familyName(), d.secondFamilyName(), d.additionalName(),
                gender, d.birthdate(), d.birthPlace(), blankToNull(d.email()), d.address(), d.postalCode(),
                d.scopeCode(), d.addressScopeCode(), d.documentScopeCode(), registration, preference,
                d.additionalInfo());
    }

    private String canonicalGender(String given) {
        String g = given.strip();
        return catalog.gender(g).map(Gender::code)
                .or(() -> catalog.activeGenders().stream().filter(x -> x.value().equalsIgnoreCase(g))
                        .map(Gender::code).findFirst())
                .orElseThrow(() -> new RuleViolation(Rule.GENDER_UNKNOWN, "gender", given,
                        "Invalid gender-" + given + ". It should be " + catalog.activeGenders().stream()
                                .map(x -> "'" + x.code() + "'").collect(Collectors.joining(", ", "[", "]"))));
    }

    IdType idType(String name) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation(Rule.ID_TYPE_MISSING, "id_type", name, "ID type field cannot be empty.");
        }
        return catalog.idType(name.strip()).orElseThrow(() -> new RuleViolation(Rule.ID_TYPE_UNKNOWN, "id_type",
                name, "ID type - " + name + " is not present in the database."));
    }

    String checkIdValue(IdType type, String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(Rule.ID_VALUE_MISSING, "value", type.name(),
                    "The " + type.name() + " ID value cannot be empty.");
        }
        String v = value.strip();
        if (!type.accepts(v)) {
            throw new RuleViolation(Rule.ID_VALUE_INVALID, "value", v,
                    "The provided " + type.name() + " ID '" + v + "' is invalid.");
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
            result.add(new Identifier(null, type.id(), value, d.expiryDate(), d.primaryDocument()));
        }
        Registrant.checkIdentifiers(result);
        return result;
    }

    List<Phone> phones(List<RegistrantDraft.PhoneDraft> drafts) {
        List<Phone> result = new ArrayList<>();
        for (RegistrantDraft.PhoneDraft d : drafts) {
            if (!phoneNumbers.acceptable(d.number())) {
                throw new RuleViolation(Rule.PHONE_INVALID, "phone_no", d.number(),
                        "Please provide a valid phone number");
            }
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
                    Rule.PROGRAMME_UNKNOWN, "program_memberships", name, "Program - " + name
                            + " is not present in the database for " + target.code() + "s."));
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
