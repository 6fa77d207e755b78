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

/** Reads of the {@code scope} and {@code scope_type} tables (the loader writes them). */
@Repository
class ScopeRepository {

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
