package org.populus.api.openg2p;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.populus.api.openg2p.Requests.IdIn;
import org.populus.api.openg2p.Requests.PersonIn;
import org.populus.api.openg2p.Requests.PhoneIn;
import org.populus.api.openg2p.Requests.ProgramIn;
import org.populus.api.openg2p.Requests.RegistrantIn;
import org.populus.api.openg2p.Responses.GroupOut;
import org.populus.api.openg2p.Responses.GroupShortOut;
import org.populus.api.openg2p.Responses.IndividualOut;
import org.populus.api.openg2p.Responses.KindOut;
import org.populus.api.openg2p.Responses.MembershipOut;
import org.populus.api.openg2p.Responses.PhoneOut;
import org.populus.api.openg2p.Responses.ProgramMembershipOut;
import org.populus.api.openg2p.Responses.RegIdOut;
import org.populus.catalog.Catalog;
import org.populus.catalog.Gender;
import org.populus.catalog.IdType;
import org.populus.catalog.MemberKind;
import org.populus.household.GroupView;
import org.populus.household.MemberDraft;
import org.populus.person.CensusStatus;
import org.populus.person.Identifier;
import org.populus.person.PersonalData;
import org.populus.person.Phone;
import org.populus.person.ProgrammeEnrolment;
import org.populus.person.Registrant;
import org.populus.person.RegistrantDraft;
import org.populus.person.RegistrantKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Translates between OpenG2P's wire shapes and the registry's model. No rules live here beyond presence. */
@Component
class OpenG2pMapper {

    private final Catalog catalog;
    private final Clock clock;

    OpenG2pMapper(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    // ---- requests ------------------------------------------------------------------------------------------

    RegistrantDraft individual(PersonIn in, boolean namePartsRequired) {
        checkName(in.name());
        if (namePartsRequired) {
            if (in.givenName() == null || in.givenName().isBlank()) {
                throw new G2pException(G2pError.MANDATORY, "Given name is mandatory");
            }
            if (in.familyName() == null || in.familyName().isBlank()) {
                throw new G2pException(G2pError.MANDATORY, "Family name is mandatory");
            }
        }
        PersonalData data = new PersonalData(in.name(), strip(in.givenName()), strip(in.familyName()), null,
                strip(in.addlName()), in.gender(), in.birthdate(), in.birthPlace(), in.email(), in.address(), null,
                null, null, null, in.registrationDate(), in.notificationPreference(),
                additionalInfo(in.additionalG2pInfo()));
        return draft(RegistrantKind.INDIVIDUAL, data, in);
    }

    RegistrantDraft group(RegistrantIn in) {
        checkName(in.name());
        if (in.name() == null) {
            throw new G2pException(G2pError.REQUIRED, "Name should not be empty. Please provide a valid name.");
        }
        PersonalData data = new PersonalData(in.name(), null, null, null, null, null, null, null, in.email(),
                in.address(), null, null, null, null, in.registrationDate(), in.notificationPreference(),
                additionalInfo(in.additionalG2pInfo()));
        return draft(RegistrantKind.GROUP, data, in);
    }

    List<MemberDraft> members(List<Requests.MemberIn> members) {
        if (members == null) {
            throw new G2pException(G2pError.REQUIRED, "members is required (it may be an empty list).");
        }
        return members.stream().map(m -> {
            if (m == null) {
                throw new G2pException(G2pError.REQUIRED, "A member cannot be null.");
            }
            if (m.name() == null) {
                throw new G2pException(G2pError.REQUIRED, "Name should not be empty. Please provide a valid name.");
            }
            List<String> kinds = m.kind() == null ? List.of()
                    : m.kind().stream().map(k -> k == null ? null : k.name()).map(this::kindName).toList();
            return new MemberDraft(individual(m, false), kinds);
        }).toList();
    }

    private String kindName(String name) {
        if (name == null || name.isBlank()) {
            throw new G2pException(G2pError.MEMBER_KIND_NOT_FOUND, "Membership kind name cannot be empty.");
        }
        return name;
    }

    private RegistrantDraft draft(RegistrantKind kind, PersonalData data, RegistrantIn in) {
        List<RegistrantDraft.IdentifierDraft> ids = nonNull(in.ids(), "ids").stream()
                .map((IdIn i) -> new RegistrantDraft.IdentifierDraft(i.idType(), i.value(), i.expiryDate(), false))
                .toList();
        List<RegistrantDraft.PhoneDraft> phones = nonNull(in.phoneNumbers(), "phone_numbers").stream()
                .map((PhoneIn p) -> new RegistrantDraft.PhoneDraft(p.phoneNo(), p.dateCollected())).toList();
        List<RegistrantDraft.EnrolmentDraft> programmes = nonNull(in.programMemberships(), "program_memberships")
                .stream().map((ProgramIn p) -> new RegistrantDraft.EnrolmentDraft(p.name(), p.enrollmentDate()))
                .toList();
        return new RegistrantDraft(kind, data, ids, phones, programmes, null, CensusStatus.enabled());
    }

    private static <T> List<T> nonNull(List<T> list, String field) {
        if (list == null) {
            return List.of();
        }
        if (list.stream().anyMatch(Objects::isNull)) {
            throw new G2pException(G2pError.REQUIRED, "Field '" + field + "' cannot contain null entries.");
        }
        return list;
    }

    private static void checkName(String name) {
        if (name != null && name.isBlank()) {
            throw new G2pException(G2pError.REQUIRED, "Name should not be empty. Please provide a valid name.");
        }
    }

    private static String additionalInfo(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject() && !node.isArray()) {
            throw new G2pException(G2pError.REQUIRED,
                    "Field 'additional_g2p_info' must be a JSON object or a list of objects.");
        }
        return node.toString();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    // ---- responses -----------------------------------------------------------------------------------------

    IndividualOut individual(Registrant r) {
        PersonalData d = r.data();
        return new IndividualOut(r.id(), d.name(), regIds(r), false, d.registrationDate(), phones(r), d.email(),
                d.address(), d.additionalInfo(), programmes(r), d.notificationPreference(), d.givenName(),
                d.additionalName(), d.familyName(), gender(d.gender()), d.birthdate(),
                r.age(LocalDate.now(clock)).map(String::valueOf).orElse(null), d.birthPlace());
    }

    GroupShortOut groupShort(Registrant r) {
        PersonalData d = r.data();
        return new GroupShortOut(r.id(), d.name(), regIds(r), true, d.registrationDate(), phones(r), d.email(),
                d.address(), d.additionalInfo(), programmes(r), d.notificationPreference());
    }

    GroupOut group(GroupView v) {
        Registrant r = v.group();
        PersonalData d = r.data();
        List<MembershipOut> members = v.members().stream().map(m -> new MembershipOut(m.membership().id(),
                individual(m.individual()), m.membership().kindIds().stream().map(this::memberKind).toList()))
                .toList();
        String kind = v.household().kindId() == null ? null
                : catalog.groupKind(v.household().kindId()).map(k -> k.name()).orElse(null);
        return new GroupOut(r.id(), d.name(), regIds(r), true, d.registrationDate(), phones(r), d.email(),
                d.address(), d.additionalInfo(), programmes(r), d.notificationPreference(), members, kind,
                v.household().partialGroup());
    }

    Responses.IdentificationOut identification(Identifier i, long partnerId) {
        return new Responses.IdentificationOut(i.id(), idTypeName(i.idTypeId()), i.value(), i.expiryDate(),
                partnerId);
    }

    private KindOut memberKind(long id) {
        return new KindOut(catalog.memberKind(id).map(MemberKind::name).orElse(null));
    }

    private List<RegIdOut> regIds(Registrant r) {
        return r.identifiers().stream()
                .map(i -> new RegIdOut(i.id(), idTypeName(i.idTypeId()), i.value(), i.expiryDate())).toList();
    }

    private String idTypeName(long idTypeId) {
        return catalog.idType(idTypeId).map(IdType::name).orElse(null);
    }

    private static List<PhoneOut> phones(Registrant r) {
        return r.phones().stream().map((Phone p) -> new PhoneOut(p.id(), p.number(), p.e164(), p.collected(),
                p.disabled())).collect(Collectors.toList());
    }

    private static List<ProgramMembershipOut> programmes(Registrant r) {
        return r.programmes().stream().map((ProgrammeEnrolment m) -> new ProgramMembershipOut(m.programmeId(),
                m.state(), m.enrollmentDate(), m.exitDate())).toList();
    }

    private String gender(String code) {
        return code == null ? null : catalog.anyGender(code).map(Gender::value).orElse(code);
    }

}
