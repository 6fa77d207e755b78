package org.populus.procedure;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.populus.person.CensusPersonData;
import org.populus.person.DocumentIds;
import org.populus.scope.Scopes;
import org.populus.shared.DateRanges;
import org.populus.shared.TextLimits;
import org.springframework.stereotype.Component;

/**
 * The Census person-data rules (the original's {@code PersonDataForm} and {@code RegistrationForm}): required
 * fields, enumerations, document normalization and the Spanish DNI/NIE/passport checks under scope {@code ES},
 * {@code should_be_local}, postal codes against the {@code INE-PROV} mapping of the address scope.
 */
@Component
class PersonDataForm {

    static final Set<String> DOCUMENT_TYPES = Set.of("dni", "nie", "passport");
    static final Set<String> GENDERS = Set.of("female", "male", "other", "undisclosed");
    static final int DOCUMENT_ID_MINIMUM_LENGTH = 4;
    private static final Pattern DNI = Pattern.compile("^\\d{8}[A-Z]$");
    private static final Pattern NIE = Pattern.compile("^[XYZ]\\d{7}[A-Z]$");
    // the original's alternation is anchored on one side each: kept as it is, so the same values pass
    private static final Pattern PASSPORT = Pattern.compile("^([A-Z]\\d{10})|([A-Z]{2,3}\\d{6})$");
    private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT));

    private final Scopes scopes;
    private final java.time.Clock clock;

    PersonDataForm(Scopes scopes, java.time.Clock clock) {
        this.scopes = scopes;
        this.clock = clock;
    }

    /** Every field is required except {@code last_name2} and {@code phone}. */
    CensusPersonData registration(PersonDataInput in) {
        var errors = new ProcedureInvalid.Collector();
        if (!withinLimits(errors, in)) {
            errors.throwIfAny();
        }
        String firstName = required(errors, "first_name", in.firstName());
        String lastName1 = required(errors, "last_name1", in.lastName1());
        String type = enumeration(errors, "document_type", in.documentType(), DOCUMENT_TYPES, true);
        String documentId = required(errors, "document_id", in.documentId());
        LocalDate bornAt = date(errors, in.bornAt(), true);
        String gender = enumeration(errors, "gender", in.gender(), GENDERS, true);
        String address = required(errors, "address", in.address());
        String postalCodeGiven = required(errors, "postal_code", in.postalCode());
        String email = required(errors, "email", in.email());
        String documentScope = scope(errors, "document_scope", in.documentScopeCode(), true);
        String addressScope = scope(errors, "address_scope", in.addressScopeCode(), true);
        String scope = scope(errors, "scope", in.scopeCode(), true);
        String document = documentId == null ? null : normalizeDocument(type, documentId);
        if (document != null) {
            checkDocument(errors, type, document, documentScope);
        }
        checkLocal(errors, type, documentScope);
        String postalCode = postalCodeGiven == null ? null : normalizePostalCode(postalCodeGiven, addressScope);
        if (postalCode != null && addressScope != null) {
            checkPostalCode(errors, postalCode, addressScope);
        }
        errors.throwIfAny();
        return new CensusPersonData(firstName, lastName1, emptyToNull(in.lastName2()), type, document, documentScope,
                bornAt, gender, address, addressScope, postalCode, email, scope, emptyToNull(in.phone()));
    }

    /**
     * The changes a data-change request makes to the person: only given values that differ from the current ones;
     * a change to any document field brings all three (type, id, scope). Empty when nothing changes.
     */
    CensusPersonData change(PersonDataInput in, CensusPersonData current, boolean ignoreEmail) {
        var errors = new ProcedureInvalid.Collector();
        if (!withinLimits(errors, in)) {
            errors.throwIfAny();
        }
        String firstName = optional(errors, "first_name", in.firstName());
        String lastName1 = optional(errors, "last_name1", in.lastName1());
        String type = in.documentType() == null ? null
                : enumeration(errors, "document_type", in.documentType(), DOCUMENT_TYPES, true);
        String documentIdGiven = optional(errors, "document_id", in.documentId());
        LocalDate bornAt = in.bornAt() == null ? null : date(errors, in.bornAt(), true);
        String gender = in.gender() == null ? null : enumeration(errors, "gender", in.gender(), GENDERS, true);
        String address = optional(errors, "address", in.address());
        String postalCodeGiven = optional(errors, "postal_code", in.postalCode());
        String email = optional(errors, "email", in.email());
        String documentScope = in.documentScopeCode() == null ? null
                : scope(errors, "document_scope", in.documentScopeCode(), true);
        String addressScope = in.addressScopeCode() == null ? null
                : scope(errors, "address_scope", in.addressScopeCode(), true);
        String scope = in.scopeCode() == null ? null : scope(errors, "scope", in.scopeCode(), true);

        boolean documentGiven = in.documentType() != null || in.documentId() != null || in.documentScopeCode() != null;
        String effectiveType = in.documentType() != null ? type : current.documentType();
        String effectiveScope = in.documentScopeCode() != null ? documentScope : current.documentScopeCode();
        String effectiveDocument = documentIdGiven != null ? normalizeDocument(effectiveType, documentIdGiven)
                : current.documentId() == null ? null : normalizeDocument(effectiveType, current.documentId());
        if (documentGiven && !errors.has("document_type") && !errors.has("document_id")
                && !errors.has("document_scope")) {
            if (effectiveDocument != null) {
                checkDocument(errors, effectiveType, effectiveDocument, effectiveScope);
            }
            checkLocal(errors, effectiveType, effectiveScope);
        }
        String effectiveAddressScope = in.addressScopeCode() != null ? addressScope : current.addressScopeCode();
        String postalCode = null;
        if ((postalCodeGiven != null || in.addressScopeCode() != null) && !errors.has("postal_code")
                && !errors.has("address_scope")) {
            String base = postalCodeGiven != null ? postalCodeGiven : current.postalCode();
            postalCode = base == null ? null : normalizePostalCode(base, effectiveAddressScope);
            if (postalCode != null && effectiveAddressScope != null) {
                checkPostalCode(errors, postalCode, effectiveAddressScope);
            }
        }
        errors.throwIfAny();

        boolean documentChanged = documentGiven && (!Objects.equals(effectiveType, current.documentType())
                || !Objects.equals(effectiveDocument, current.documentId())
                || !Objects.equals(effectiveScope, current.documentScopeCode()));
        return new CensusPersonData(
                changed(firstName, current.firstName()),
                changed(lastName1, current.lastName1()),
                changed(in.lastName2(), current.lastName2()),
                documentChanged ? effectiveType : null,
                documentChanged ? effectiveDocument : null,
                documentChanged ? effectiveScope : null,
                bornAt != null && !bornAt.equals(current.bornAt()) ? bornAt : null,
                changed(gender, current.gender()),
                changed(address, current.address()),
                changed(addressScope, current.addressScopeCode()),
                changed(postalCode, current.postalCode()),
                ignoreEmail ? null : changed(email, current.email()),
                changed(scope, current.scopeCode()),
                changed(in.phone(), current.phone()));
    }

    /**
     * Every given text within its limit ({@link TextLimits}): else {@code too_long} with the limit as {@code count},
     * as Rails' length validation reports it, and false.
     */
    private static boolean withinLimits(ProcedureInvalid.Collector errors, PersonDataInput in) {
        boolean ok = limit(errors, "first_name", in.firstName(), TextLimits.NAME_PART);
        ok &= limit(errors, "last_name1", in.lastName1(), TextLimits.NAME_PART);
        ok &= limit(errors, "last_name2", in.lastName2(), TextLimits.NAME_PART);
        ok &= limit(errors, "document_type", in.documentType(), TextLimits.LABEL);
        ok &= limit(errors, "document_id", in.documentId(), TextLimits.IDENTIFIER_VALUE);
        ok &= limit(errors, "document_scope", in.documentScopeCode(), TextLimits.LABEL);
        ok &= limit(errors, "born_at", in.bornAt(), TextLimits.LABEL);
        ok &= limit(errors, "gender", in.gender(), TextLimits.LABEL);
        ok &= limit(errors, "address", in.address(), TextLimits.ADDRESS);
        ok &= limit(errors, "address_scope", in.addressScopeCode(), TextLimits.LABEL);
        ok &= limit(errors, "postal_code", in.postalCode(), TextLimits.POSTAL_CODE);
        ok &= limit(errors, "email", in.email(), TextLimits.EMAIL);
        ok &= limit(errors, "scope", in.scopeCode(), TextLimits.LABEL);
        ok &= limit(errors, "phone", in.phone(), TextLimits.PHONE);
        return ok;
    }

    private static boolean limit(ProcedureInvalid.Collector errors, String attribute, String value, int max) {
        if (TextLimits.tooLong(value == null ? null : value.strip(), max)) {
            errors.add(attribute, ProcedureInvalid.detail("too_long", "count", max));
            return false;
        }
        if (TextLimits.hasNul(value)) {
            errors.add(attribute, "invalid");
            return false;
        }
        return true;
    }

    // ---- the original's normalizers and validators ---------------------------------------------------------------

    /** Upper case without non-word characters; a dni padded to 8 (9 with its letter), a nie after its letter. */
    static String normalizeDocument(String type, String value) {
        if ("dni".equals(type)) {
            return DocumentIds.dni(value);
        }
        if ("nie".equals(type)) {
            return DocumentIds.nie(value);
        }
        return DocumentIds.clean(value);
    }

    /** {@code document_id_validator.rb}: the length everywhere; the Spanish formats and check letters under ES. */
    static boolean validDocument(String type, String value, String scopeCode) {
        if (value.length() < DOCUMENT_ID_MINIMUM_LENGTH) {
            return false;
        }
        if (!"ES".equals(scopeCode) || type == null) {
            return true;
        }
        return switch (type) {
            case "dni" -> DNI.matcher(value).matches() && checkLetter(value.substring(0, 8), value.charAt(8));
            case "nie" -> NIE.matcher(value).matches()
                    && checkLetter("XYZ".indexOf(value.charAt(0)) + value.substring(1, 8), value.charAt(8));
            case "passport" -> PASSPORT.matcher(value).find();
            default -> true;
        };
    }

    private static boolean checkLetter(String digits, char letter) {
        return NIF_LETTERS.charAt((int) (Long.parseLong(digits) % 23)) == letter;
    }

    static String normalizePostalCode(String value, String addressScopeCode) {
        String v = value.strip().replaceAll("\\s+", " ");
        if (addressScopeCode != null && addressScopeCode.startsWith("ES-") && v.length() == 4) {
            v = "0" + v;
        }
        return v;
    }

    private void checkDocument(ProcedureInvalid.Collector errors, String type, String document, String scopeCode) {
        if (!validDocument(type, document, scopeCode)) {
            errors.add("document_id", "invalid");
        }
    }

    private static void checkLocal(ProcedureInvalid.Collector errors, String type, String documentScope) {
        if (type != null && !"passport".equals(type) && documentScope != null
                && !Scopes.LOCAL_CODE.equals(documentScope)) {
            errors.add("document_scope", "should_be_local");
        }
    }

    private void checkPostalCode(ProcedureInvalid.Collector errors, String postalCode, String addressScope) {
        scopes.mappingOfAncestor(addressScope, Scopes.INE_PROVINCE).ifPresent(province -> {
            if (!postalCode.matches("^" + Pattern.quote(province) + "\\d{3}$")) {
                errors.add("postal_code", "invalid");
            }
        });
    }

    private static String required(ProcedureInvalid.Collector errors, String attribute, String value) {
        if (value == null || value.isBlank()) {
            errors.add(attribute, "blank");
            return null;
        }
        return value.strip();
    }

    /** Absent is fine; given empty is {@code blank}. */
    private static String optional(ProcedureInvalid.Collector errors, String attribute, String value) {
        return value == null ? null : required(errors, attribute, value);
    }

    private static String enumeration(ProcedureInvalid.Collector errors, String attribute, String value,
            Set<String> allowed, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(attribute, "blank");
            }
            return null;
        }
        String v = value.strip();
        if (!allowed.contains(v)) {
            errors.add(attribute, ProcedureInvalid.detail("inclusion", "value", TextLimits.shown(value)));
            return null;
        }
        return v;
    }

    /** A birth date ({@code born_at}): a readable day from 1900-01-01 to today ({@link DateRanges.Kind#PAST}). */
    private LocalDate date(ProcedureInvalid.Collector errors, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add("born_at", "blank");
            }
            return null;
        }
        LocalDate parsed = parseDate(value.strip());
        if (parsed == null || !DateRanges.accepts(parsed, DateRanges.Kind.PAST, LocalDate.now(clock))) {
            errors.add("born_at", "invalid");
            return null;
        }
        return parsed;
    }

    static LocalDate parseDate(String value) {
        String v = value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(v, f);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private String scope(ProcedureInvalid.Collector errors, String attribute, String code, boolean required) {
        if (code == null || code.isBlank() || !scopes.exists(code.strip())) {
            if (required) {
                errors.add(attribute, "blank");
            }
            return null;
        }
        return code.strip();
    }

    private static String changed(String given, String current) {
        return given != null && !given.equals(current) ? given : null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
