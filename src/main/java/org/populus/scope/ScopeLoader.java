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
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /** Recomputes every scope's {@code part_of} (itself, then its ancestors, root last) from {@code parent_id}. */
    static final String RECOMPUTE_PART_OF = """
            with recursive tree (id, part_of) as (
                select id, array[id] from scope where parent_id is null
                union all
                select c.id, c.id || t.part_of from scope c join tree t on c.parent_id = t.id
            )
            update scope s set part_of = t.part_of from tree t
            where s.id = t.id and s.part_of is distinct from t.part_of""";

    /** Recomputes every scope's {@code children_count}. */
    static final String RECOMPUTE_CHILDREN_COUNT = """
            update scope s set children_count = n.count
            from (select p.id, count(c.id)::int as count from scope p left join scope c on c.parent_id = p.id
                  group by p.id) n
            where s.id = n.id and s.children_count <> n.count""";

    private static final long LOCK_KEY = 0x73636f70655f6cL; // "scope_l"
    private static final int CHUNK = 4000;

    private final JdbcClient jdbc;
    private final AdvisoryLocks locks;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    ScopeLoader(JdbcClient jdbc, AdvisoryLocks locks, TransactionTemplate tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.tx = tx;
        this.json = json;
    }

    ScopeLoadSummary load(List<ScopeFile.Row> rows) {
        return tx.execute(status -> write(rows));
    }

    private record Existing(long id, String parentCode) {
    }

    private ScopeLoadSummary write(List<ScopeFile.Row> rows) {
        locks.lockForTransaction(LOCK_KEY);

        Map<String, Existing> existing = new HashMap<>();
        jdbc.sql("select s.id, s.code, p.code as parent_code from scope s left join scope p on p.id = s.parent_id")
                .query(rs -> {
                    existing.put(rs.getString("code"), new Existing(rs.getLong("id"), rs.getString("parent_code")));
                });
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
            jdbc.sql("""
                    insert into scope (code, name, scope_type_id, mappings, metadata)
                    select r.code, r.name, r.type_id, coalesce(r.mappings, '{}'), coalesce(r.metadata, '{}')
                    from jsonb_to_recordset(cast(? as jsonb))
                         as r(code text, name jsonb, type_id bigint, mappings jsonb, metadata jsonb)
                    returning id, code""").param(json.writeValueAsString(records))
                    .query(rs -> {
                        ids.put(rs.getString("code"), rs.getLong("id"));
                    });
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
            updated += jdbc.sql("""
                    update scope s
                    set name = r.name, scope_type_id = r.type_id, parent_id = r.parent_id,
                        mappings = coalesce(r.mappings, s.mappings), metadata = coalesce(r.metadata, s.metadata),
                        version = s.version + case when r.existed then 1 else 0 end
                    from jsonb_to_recordset(cast(? as jsonb)) as r(id bigint, name jsonb, type_id bigint,
                         parent_id bigint, mappings jsonb, metadata jsonb, existed boolean)
                    where s.id = r.id
                      and (s.name, s.scope_type_id, s.parent_id, s.mappings, s.metadata) is distinct from
                          (r.name, r.type_id, r.parent_id, coalesce(r.mappings, s.mappings),
                           coalesce(r.metadata, s.metadata))
                    returning r.existed""").param(json.writeValueAsString(records))
                    .query((rs, i) -> rs.getBoolean(1)).list().stream().filter(Boolean::booleanValue).count();
        }

        // 3. derived columns
        jdbc.sql(RECOMPUTE_PART_OF).update();
        jdbc.sql(RECOMPUTE_CHILDREN_COUNT).update();
        return new ScopeLoadSummary(fresh.size(), updated, rows.size() - fresh.size() - updated, rows.size());
    }

    /**
     * The parent code of every scope once the file is applied; refuses a parent that exists neither in the file
     * nor in the database, and a parent chain that loops.
     */
    private static Map<String, String> checkTree(List<ScopeFile.Row> rows, Map<String, Existing> existing) {
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
        String document = json.writeValueAsString(records);
        jdbc.sql("""
                insert into scope_type (code, name, plural)
                select r.code, case when r.name = '{}' then jsonb_build_object('en', r.code) else r.name end, r.plural
                from jsonb_to_recordset(cast(? as jsonb)) as r(code text, name jsonb, plural jsonb)
                on conflict (code) do nothing""").param(document).update();
        jdbc.sql("""
                update scope_type t set name = t.name || r.name, plural = t.plural || r.plural
                from jsonb_to_recordset(cast(? as jsonb)) as r(code text, name jsonb, plural jsonb)
                where t.code = r.code and (t.name || r.name, t.plural || r.plural) is distinct from (t.name, t.plural)""")
                .param(document).update();
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, code from scope_type").query(rs -> {
            ids.put(rs.getString("code"), rs.getLong("id"));
        });
        return ids;
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
