package org.populus.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An immutable copy of every catalogue, indexed for the lookups the registry makes on each request. */
final class CatalogSnapshot {

    final List<IdType> idTypes;
    final List<Gender> genders;
    final List<GroupKind> groupKinds;
    final List<MemberKind> memberKinds;
    final List<Programme> programmes;
    final long loadedAtNanos;

    private final Map<String, IdType> idTypesByName;
    private final Map<Long, IdType> idTypesById;
    private final Map<String, Gender> gendersByCode;
    private final Map<String, GroupKind> groupKindsByName;
    private final Map<Long, GroupKind> groupKindsById;
    private final Map<String, MemberKind> memberKindsByName;
    private final Map<Long, MemberKind> memberKindsById;
    private final Map<String, Programme> programmesByKey;
    private final Map<Long, Programme> programmesById;

    CatalogSnapshot(List<IdType> idTypes, List<Gender> genders, List<GroupKind> groupKinds,
            List<MemberKind> memberKinds, List<Programme> programmes) {
        this.idTypes = List.copyOf(idTypes);
        this.genders = List.copyOf(genders);
        this.groupKinds = List.copyOf(groupKinds);
        this.memberKinds = List.copyOf(memberKinds);
        this.programmes = List.copyOf(programmes);
        this.loadedAtNanos = System.nanoTime();
        idTypesByName = index(idTypes, IdType::name);
        idTypesById = index(idTypes, IdType::id);
        gendersByCode = index(genders, g -> g.code().toLowerCase(Locale.ROOT));
        groupKindsByName = index(groupKinds, GroupKind::name);
        groupKindsById = index(groupKinds, GroupKind::id);
        memberKindsByName = index(memberKinds, MemberKind::name);
        memberKindsById = index(memberKinds, MemberKind::id);
        programmesByKey = index(programmes, p -> key(p.name(), p.targetType()));
        programmesById = index(programmes, Programme::id);
    }

    Optional<IdType> idType(String name) {
        return Optional.ofNullable(idTypesByName.get(name));
    }

    Optional<IdType> idType(long id) {
        return Optional.ofNullable(idTypesById.get(id));
    }

    Optional<Gender> gender(String code) {
        return Optional.ofNullable(gendersByCode.get(code.toLowerCase(Locale.ROOT)));
    }

    Optional<GroupKind> groupKind(String name) {
        return Optional.ofNullable(groupKindsByName.get(name));
    }

    Optional<GroupKind> groupKind(long id) {
        return Optional.ofNullable(groupKindsById.get(id));
    }

    Optional<MemberKind> memberKind(String name) {
        return Optional.ofNullable(memberKindsByName.get(name));
    }

    Optional<MemberKind> memberKind(long id) {
        return Optional.ofNullable(memberKindsById.get(id));
    }

    Optional<Programme> programme(String name, Programme.TargetType target) {
        return Optional.ofNullable(programmesByKey.get(key(name, target)));
    }

    Optional<Programme> programme(long id) {
        return Optional.ofNullable(programmesById.get(id));
    }

    private static String key(String name, Programme.TargetType target) {
        return target + "|" + name;
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        return Collections.unmodifiableMap(values.stream()
                .collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    }
}
