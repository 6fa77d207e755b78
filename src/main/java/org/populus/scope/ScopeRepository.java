package org.populus.scope;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code scope} and {@code scope_type} tables: reads, and the set-based writes of a load (rows travel as one JSON
 * document per statement, unpacked with {@code jsonb_to_recordset}).
 */
@Repository
class ScopeRepository {

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

    private static final String SELECT_SCOPE = """
            select s.id, s.code, s.name, s.parent_id, p.code as parent_code, s.part_of, s.children_count,
                   s.mappings, s.metadata, s.version,
                   t.id as type_id, t.code as type_code, t.name as type_name, t.plural as type_plural
            from scope s
            join scope_type t on t.id = s.scope_type_id
            left join scope p on p.id = s.parent_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScopeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean exists(String code) {
        return jdbc.sql("select exists (select 1 from scope where code = ?)").param(code).query(Boolean.class)
                .single();
    }

    Optional<Scope> find(String code) {
        return jdbc.sql(SELECT_SCOPE + "where s.code = ?").param(code).query(this::scope).optional();
    }

    /** The scope and its ancestors, in {@code part_of} order: itself first, the root last. */
    List<Scope> ancestors(String code) {
        return jdbc.sql(SELECT_SCOPE + """
                join (select a.id, a.ord from scope o cross join unnest(o.part_of) with ordinality as a(id, ord)
                      where o.code = ?) chain on chain.id = s.id
                order by chain.ord""").param(code).query(this::scope).list();
    }

    /** Whether the scope {@code code} is {@code root} or lies under it. */
    boolean isUnder(String code, String root) {
        return jdbc.sql("""
                select exists (select 1 from scope s join scope l on l.code = ?
                               where s.code = ? and s.part_of @> array[l.id])""")
                .params(root, code).query(Boolean.class).single();
    }

    /** The value of this mapping on the nearest scope of the chain that has it. */
    Optional<String> mappingOfAncestor(String code, String key) {
        return jdbc.sql("""
                select s.mappings ->> ? from scope o
                cross join unnest(o.part_of) with ordinality as a(id, ord)
                join scope s on s.id = a.id
                where o.code = ? and s.mappings ->> ? is not null
                order by a.ord limit 1""").params(key, code, key).query(String.class).optional();
    }

    /** For each known code, its chain of views from the root down to the scope itself. */
    Map<String, List<ScopeView>> chains(Collection<String> codes) {
        Map<String, List<ScopeView>> chains = new HashMap<>();
        jdbc.sql("""
                select o.code as origin, s.id, s.code, s.name, s.mappings, t.name as type_name from scope o
                cross join unnest(o.part_of) with ordinality as a(id, ord)
                join scope s on s.id = a.id
                join scope_type t on t.id = s.scope_type_id
                where o.code in (:codes)
                order by o.code, a.ord desc""").param("codes", codes).query(rs -> {
                    chains.computeIfAbsent(rs.getString("origin"), k -> new ArrayList<>())
                            .add(new ScopeView(rs.getLong("id"), texts(rs.getString("name")),
                                    texts(rs.getString("type_name")), rs.getString("code"),
                                    texts(rs.getString("mappings"))));
                });
        return chains;
    }

    // ---- loading -------------------------------------------------------------------------------------------

    /** A stored scope as a load sees it. */
    record Existing(long id, String parentCode) {
    }

    /** Every stored scope by code. */
    Map<String, Existing> existing() {
        Map<String, Existing> existing = new HashMap<>();
        jdbc.sql("select s.id, s.code, p.code as parent_code from scope s left join scope p on p.id = s.parent_id")
                .query(rs -> {
                    existing.put(rs.getString("code"), new Existing(rs.getLong("id"), rs.getString("parent_code")));
                });
        return existing;
    }

    /**
     * Inserts new scopes, without parents, from a JSON array of {@code {code, name, type_id, mappings?, metadata?}};
     * returns their ids by code.
     */
    Map<String, Long> insertAll(String records) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                insert into scope (code, name, scope_type_id, mappings, metadata)
                select r.code, r.name, r.type_id, coalesce(r.mappings, '{}'), coalesce(r.metadata, '{}')
                from jsonb_to_recordset(cast(? as jsonb))
                     as r(code text, name jsonb, type_id bigint, mappings jsonb, metadata jsonb)
                returning id, code""").param(records)
                .query(rs -> {
                    ids.put(rs.getString("code"), rs.getLong("id"));
                });
        return ids;
    }

    /**
     * Updates scopes from a JSON array of {@code {id, name, type_id, parent_id?, mappings?, metadata?, existed}},
     * leaving alone a row that would not change (an {@code existed} one that changes gets a new version); returns
     * how many of the {@code existed} ones changed.
     */
    long updateAll(String records) {
        return jdbc.sql("""
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
                returning r.existed""").param(records)
                .query((rs, i) -> rs.getBoolean(1)).list().stream().filter(Boolean::booleanValue).count();
    }

    /** Recomputes {@code part_of} and {@code children_count} for the whole tree. */
    void recomputeDerivedColumns() {
        jdbc.sql(RECOMPUTE_PART_OF).update();
        jdbc.sql(RECOMPUTE_CHILDREN_COUNT).update();
    }

    /**
     * Creates the scope types of a JSON array of {@code {code, name, plural}} that do not exist and adds these names
     * to the ones that do; returns every type's id by code.
     */
    Map<String, Long> mergeTypes(String records) {
        jdbc.sql("""
                insert into scope_type (code, name, plural)
                select r.code, case when r.name = '{}' then jsonb_build_object('en', r.code) else r.name end, r.plural
                from jsonb_to_recordset(cast(? as jsonb)) as r(code text, name jsonb, plural jsonb)
                on conflict (code) do nothing""").param(records).update();
        jdbc.sql("""
                update scope_type t set name = t.name || r.name, plural = t.plural || r.plural
                from jsonb_to_recordset(cast(? as jsonb)) as r(code text, name jsonb, plural jsonb)
                where t.code = r.code and (t.name || r.name, t.plural || r.plural) is distinct from (t.name, t.plural)""")
                .param(records).update();
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, code from scope_type").query(rs -> {
            ids.put(rs.getString("code"), rs.getLong("id"));
        });
        return ids;
    }

    // ---- rows ----------------------------------------------------------------------------------------------

    private Scope scope(ResultSet rs, int row) throws SQLException {
        ScopeType type = new ScopeType(rs.getLong("type_id"), rs.getString("type_code"),
                texts(rs.getString("type_name")), texts(rs.getString("type_plural")));
        long parentId = rs.getLong("parent_id");
        Long parent = rs.wasNull() ? null : parentId;
        return new Scope(rs.getLong("id"), rs.getString("code"), texts(rs.getString("name")), type, parent,
                rs.getString("parent_code"), ids(rs.getArray("part_of")), rs.getInt("children_count"),
                texts(rs.getString("mappings")), texts(rs.getString("metadata")), rs.getInt("version"));
    }

    private static List<Long> ids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<Long> ids = new ArrayList<>(values.length);
        for (Object v : values) {
            ids.add(((Number) v).longValue());
        }
        return ids;
    }

    /** A stored JSON object as key → text (nested values, which loading never stores, as their JSON). */
    private Map<String, String> texts(String document) {
        if (document == null) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : json.readTree(document).properties()) {
            JsonNode v = e.getValue();
            if (!v.isNull()) {
                map.put(e.getKey(), v.isValueNode() ? v.asString() : v.toString());
            }
        }
        return map;
    }
}
