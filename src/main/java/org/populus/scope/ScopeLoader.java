package org.populus.scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.populus.platform.db.AdvisoryLocks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the rows of a scope file in one transaction: an upsert by code in a few set-based statements (rows
 * travel as one JSON document per chunk, unpacked with {@code jsonb_to_recordset}), then {@code part_of} and
 * {@code children_count} are recomputed for the whole tree. Loads are serialised by an advisory lock.
 */
@Component
class ScopeLoader {

    private static final long LOCK_KEY = 0x73636f70655f6cL; // "scope_l"
    private static final int CHUNK = 4000;

    private final ScopeRepository repository;
    private final AdvisoryLocks locks;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    ScopeLoader(ScopeRepository repository, AdvisoryLocks locks, TransactionTemplate tx, JsonMapper json) {
        this.repository = repository;
        this.locks = locks;
        this.tx = tx;
        this.json = json;
    }

    ScopeLoadSummary load(List<ScopeFile.Row> rows) {
        return tx.execute(status -> write(rows));
    }

    private ScopeLoadSummary write(List<ScopeFile.Row> rows) {
        locks.lockForTransaction(LOCK_KEY);

        Map<String, ScopeRepository.Existing> existing = repository.existing();
        Map<String, String> parents = checkTree(rows, existing);
        Map<String, Long> typeIds = types(rows);

        // 1. new scopes, without their parent (it may be new too)
        List<ScopeFile.Row> fresh = rows.stream().filter(r -> !existing.containsKey(r.code())).toList();
        Map<String, Long> ids = new HashMap<>();
        existing.forEach((code, e) -> ids.put(code, e.id()));
        for (List<ScopeFile.Row> chunk : chunks(fresh)) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (ScopeFile.Row r : chunk) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", r.code());
                m.put("name", r.name());
                m.put("type_id", typeIds.get(r.type()));
                putIfNotNull(m, "mappings", r.mappings());
                putIfNotNull(m, "metadata", r.metadata());
                records.add(m);
            }
            ids.putAll(repository.insertAll(json.writeValueAsString(records)));
        }

        // 2. everything else, now that every parent has an id; a row that changes nothing is not written
        int updated = 0;
        for (List<ScopeFile.Row> chunk : chunks(rows)) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (ScopeFile.Row r : chunk) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", ids.get(r.code()));
                m.put("name", r.name());
                m.put("type_id", typeIds.get(r.type()));
                String parent = parents.get(r.code());
                putIfNotNull(m, "parent_id", parent == null ? null : ids.get(parent));
                putIfNotNull(m, "mappings", r.mappings());
                putIfNotNull(m, "metadata", r.metadata());
                m.put("existed", existing.containsKey(r.code()));
                records.add(m);
            }
            updated += repository.updateAll(json.writeValueAsString(records));
        }

        // 3. derived columns
        repository.recomputeDerivedColumns();
        return new ScopeLoadSummary(fresh.size(), updated, rows.size() - fresh.size() - updated, rows.size());
    }

    /**
     * The parent code of every scope once the file is applied; refuses a parent that exists neither in the file
     * nor in the database, and a parent chain that loops.
     */
    private static Map<String, String> checkTree(List<ScopeFile.Row> rows,
            Map<String, ScopeRepository.Existing> existing) {
        Map<String, String> parents = new HashMap<>();
        existing.forEach((code, e) -> parents.put(code, e.parentCode()));
        for (ScopeFile.Row r : rows) {
            parents.put(r.code(), r.parent() != null ? r.parent() : ScopeCodes.derivedParent(r.code()));
        }
        for (ScopeFile.Row r : rows) {
            String parent = parents.get(r.code());
            if (parent != null && !parents.containsKey(parent)) {
                throw new ScopeLoadException(r.line(), "parent '" + parent + "' of '" + r.code()
                        + "' does not exist (neither in the file nor already loaded)");
            }
        }
        Set<String> checked = new HashSet<>();
        for (ScopeFile.Row r : rows) {
            Set<String> path = new LinkedHashSet<>();
            for (String c = r.code(); c != null && !checked.contains(c); c = parents.get(c)) {
                if (!path.add(c)) {
                    throw new ScopeLoadException(r.line(), "'" + r.code() + "' would be its own ancestor: "
                            + String.join(" → ", path) + " → " + c);
                }
            }
            checked.addAll(path);
        }
        return parents;
    }

    /** Creates the scope types the file names and sets the type names it gives; returns every type's id. */
    private Map<String, Long> types(List<ScopeFile.Row> rows) {
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        Map<String, Map<String, String>> plurals = new LinkedHashMap<>();
        for (ScopeFile.Row r : rows) {
            names.computeIfAbsent(r.type(), t -> new LinkedHashMap<>()).putAll(r.typeName());
            plurals.computeIfAbsent(r.type(), t -> new LinkedHashMap<>()).putAll(r.typePlural());
        }
        List<Map<String, Object>> records = new ArrayList<>();
        names.forEach((code, name) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("name", name);
            m.put("plural", plurals.get(code));
            records.add(m);
        });
        return repository.mergeTypes(json.writeValueAsString(records));
    }

    private static void putIfNotNull(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
        return chunks;
    }
}
