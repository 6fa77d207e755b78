package org.populus.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.populus.catalog.Catalog;
import org.populus.catalog.GroupKind;
import org.populus.catalog.MemberKind;
import org.populus.history.History;
import org.populus.history.Provenance;
import org.populus.person.Registrant;
import org.populus.person.RegistrantDraft;
import org.populus.person.RegistrantKind;
import org.populus.person.Registrants;
import org.populus.shared.Rule;
import org.populus.shared.RuleViolation;
import org.populus.shared.TextLimits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Groups and their members. */
@Service
public class Households {

    /** Subject type of households in history. */
    public static final String HISTORY_SUBJECT = "household";

    private final HouseholdRepository repository;
    private final Registrants registrants;
    private final Catalog catalog;
    private final History history;
    private final JsonMapper json;

    Households(HouseholdRepository repository, Registrants registrants, Catalog catalog, History history,
            JsonMapper json) {
        this.repository = repository;
        this.registrants = registrants;
        this.catalog = catalog;
        this.history = history;
        this.json = json;
    }

    /**
     * Creates a group and each of its members as a new individual, in one transaction: any error leaves nothing
     * behind.
     *
     * @param kindName the group kind by name, or null for none
     */
    @Transactional
    public GroupView create(RegistrantDraft group, String kindName, Boolean partialGroup, List<MemberDraft> members,
            Provenance provenance) {
        Long kindId = groupKind(kindName);
        List<List<MemberKind>> memberKinds = members.stream().map(m -> m.kinds().stream().map(this::memberKind)
                .distinct().toList()).toList();
        // check the member-kind rule before creating anyone
        List<Membership> planned = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            planned.add(new Membership(null, -(i + 1), ids(memberKinds.get(i)), LocalDate.now(), null));
        }
        Household.of(0, kindId, partialGroup, planned, this::isUnique, this::kindName);

        Registrant groupRegistrant = registrants.create(
                new RegistrantDraft(RegistrantKind.GROUP, group.data(), group.identifiers(), group.phones(),
                        group.programmes(), group.externalIds(), group.status()), provenance);
        List<Membership> memberships = new ArrayList<>();
        List<Registrant> individuals = new ArrayList<>();
        LocalDate start = groupRegistrant.updatedAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        for (int i = 0; i < members.size(); i++) {
            RegistrantDraft d = members.get(i).individual();
            Registrant individual = registrants.create(new RegistrantDraft(RegistrantKind.INDIVIDUAL, d.data(),
                    d.identifiers(), d.phones(), d.programmes(), d.externalIds(), d.status()), provenance);
            individuals.add(individual);
            memberships.add(new Membership(null, individual.id(), ids(memberKinds.get(i)), start, null));
        }
        Household household = Household.of(groupRegistrant.id(), kindId, partialGroup, memberships,
                this::isUnique, this::kindName);
        Household saved;
        try {
            saved = repository.insert(household, this::isUnique);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation(Rule.UNIQUE_MEMBER_KIND_TAKEN, "kind", null,
                    "Only one Head is allowed per group.");
        }
        history.append(HISTORY_SUBJECT, saved.groupId(), saved.version(), groupRegistrant.updatedAt(), provenance,
                json.writeValueAsString(saved));
        List<GroupView.Member> views = new ArrayList<>();
        for (int i = 0; i < saved.members().size(); i++) {
            views.add(new GroupView.Member(saved.members().get(i), individuals.get(i)));
        }
        return new GroupView(groupRegistrant, saved, views);
    }

    /** The group with its household data and members; empty when there is no group of that id. */
    @Transactional(readOnly = true)
    public Optional<GroupView> find(long groupId) {
        return registrants.find(groupId).filter(r -> r.isGroup() && !r.discarded())
                .flatMap(r -> views(List.of(r)).stream().findFirst());
    }

    /** Household data and members for groups already loaded, in the same order; batch-loads everything. */
    @Transactional(readOnly = true)
    public List<GroupView> views(List<Registrant> groups) {
        Map<Long, Household> households = repository.findAll(groups.stream().map(Registrant::id).toList()).stream()
                .collect(Collectors.toMap(Household::groupId, Function.identity()));
        List<Long> memberIds = households.values().stream().flatMap(h -> h.members().stream())
                .map(Membership::individualId).distinct().toList();
        Map<Long, Registrant> individuals = registrants.findAll(memberIds).stream()
                .collect(Collectors.toMap(Registrant::id, Function.identity()));
        List<GroupView> result = new ArrayList<>();
        for (Registrant g : groups) {
            Household h = households.getOrDefault(g.id(), new Household(g.id(), 0, null, null, List.of()));
            List<GroupView.Member> members = h.members().stream()
                    .filter(m -> individuals.containsKey(m.individualId()))
                    .map(m -> new GroupView.Member(m, individuals.get(m.individualId()))).toList();
            result.add(new GroupView(g, h, members));
        }
        return result;
    }

    /** The household data (kind, members) exactly as it was at {@code instant}. */
    @Transactional(readOnly = true)
    public Optional<Household> asOf(long groupId, Instant instant) {
        return history.asOf(HISTORY_SUBJECT, groupId, instant).map(v -> json.readValue(v.snapshot(), Household.class));
    }

    @Transactional(readOnly = true)
    public Optional<Household> household(long groupId) {
        return repository.find(groupId);
    }

    @Transactional(readOnly = true)
    public List<Household> households(Collection<Long> groupIds) {
        return repository.findAll(groupIds);
    }

    private Long groupKind(String name) {
        if (name == null) {
            return null;
        }
        if (name.isBlank()) {
            throw new RuleViolation(Rule.GROUP_KIND_INVALID, "kind", name, "Group kind field cannot be empty.");
        }
        return catalog.groupKind(name.strip()).map(GroupKind::id).orElseThrow(() -> new RuleViolation(
                Rule.GROUP_KIND_UNKNOWN, "kind", TextLimits.shown(name), "Group type - " + TextLimits.shown(name)
                        + " is not present in the database."));
    }

    private MemberKind memberKind(String name) {
        String n = name == null ? "" : name.strip();
        return catalog.memberKind(n).orElseThrow(() -> new RuleViolation(Rule.MEMBER_KIND_UNKNOWN, "kind", name,
                "Membership kind - " + TextLimits.shown(name) + " is not present in the database."));
    }

    private boolean isUnique(long kindId) {
        return catalog.memberKind(kindId).map(MemberKind::unique).orElse(false);
    }

    private String kindName(long kindId) {
        return catalog.memberKind(kindId).map(MemberKind::name).orElse(String.valueOf(kindId));
    }

    private static List<Long> ids(List<MemberKind> kinds) {
        return kinds.stream().map(MemberKind::id).toList();
    }

    /** Every version of the household data (kind, members) of a group, oldest first. */
    public List<org.populus.history.RecordVersion> versions(long groupId) {
        return history.versions(HISTORY_SUBJECT, groupId);
    }

    /** Up to {@code count} household versions numbered below {@code beforeVersion}, newest first. */
    public List<org.populus.history.RecordVersion> versionsBelow(long groupId, int beforeVersion, int count) {
        return history.versionsBelow(HISTORY_SUBJECT, groupId, beforeVersion, count);
    }

    /** The ids of the groups this individual is or was a member of, in id order (one statement). */
    @Transactional(readOnly = true)
    public List<Long> groupIdsOf(long individualId) {
        return repository.groupIdsOf(individualId);
    }
}
