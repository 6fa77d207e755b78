package org.populus.scope;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Territorial scopes: look-ups for the Census API and the registry rules, and loading full hierarchies from
 * TSV/CSV files. Reads go to the database (indexed by code; a scope and its ancestors in one query), so every
 * instance sees a load as soon as it commits.
 */
@Service
public class Scopes {

    /** The local root: documents other than passports must be from here, and only here is the DNI checked. */
    public static final String LOCAL_CODE = "ES";
    /** "Abroad": the parent of every country but {@link #LOCAL_CODE}. */
    public static final String ABROAD_CODE = "XX";
    /** The mapping key of a country's ISO 3166-1 alpha-2 code in the default set. */
    public static final String ISO_ALPHA2 = "ISO-3166-1-ALPHA2";
    /** The mapping key of a Spanish province's INE code, e.g. {@code 24} for León: postal codes start with it. */
    public static final String INE_PROVINCE = "INE-PROV";

    private static final Logger log = LoggerFactory.getLogger(Scopes.class);

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
    private final ScopeLoader loader;

    Scopes(JdbcClient jdbc, JsonMapper json, ScopeLoader loader) {
        this.jdbc = jdbc;
        this.json = json;
        this.loader = loader;
    }

    // ---- look-ups ------------------------------------------------------------------------------------------

    /** Look-ups Census validation makes on every request are remembered this long (and forgotten on a load). */
    private static final long LOOKUP_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    private static final int LOOKUP_CACHE_LIMIT = 50_000;

    private record Cached(Object value, long until) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Cached> lookups =
            new java.util.concurrent.ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private <T> T remembered(String key, java.util.function.Supplier<T> load) {
        long now = System.nanoTime();
        Cached c = lookups.get(key);
        if (c != null && now - c.until() < 0) {
            return (T) c.value();
        }
        T value = load.get();
        if (lookups.size() >= LOOKUP_CACHE_LIMIT) {
            lookups.clear();
        }
        lookups.put(key, new Cached(value, now + LOOKUP_TTL_NANOS));
        return value;
    }

    /**
     * Whether a scope has this code. Remembered for a few seconds (scope files are loaded rarely; a load on this
     * instance is seen at once, one on another instance within 10 s).
     */
    public boolean exists(String code) {
        if (code == null) {
            return false;
        }
        return remembered("exists|" + code, () -> jdbc.sql("select exists (select 1 from scope where code = ?)")
                .param(code).query(Boolean.class).single());
    }

    /** The scope with exactly this code. */
    public Optional<Scope> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT_SCOPE + "where s.code = ?").param(code).query(this::scope).optional();
    }

    /** The scope and its ancestors, in {@code part_of} order: itself first, the root last. Empty if unknown. */
    public List<Scope> ancestors(String code) {
        if (code == null) {
            return List.of();
        }
        return jdbc.sql(SELECT_SCOPE + """
                join (select a.id, a.ord from scope o cross join unnest(o.part_of) with ordinality as a(id, ord)
                      where o.code = ?) chain on chain.id = s.id
                order by chain.ord""").param(code).query(this::scope).list();
    }

    /** Whether the scope is {@code ES} or lies under it. False for an unknown code. */
    public boolean isLocal(String code) {
        if (code == null) {
            return false;
        }
        return jdbc.sql("""
                select exists (select 1 from scope s join scope l on l.code = ?
                               where s.code = ? and s.part_of @> array[l.id])""")
                .params(LOCAL_CODE, code).query(Boolean.class).single();
    }

    /**
     * The value of this mapping on the nearest scope that has it, looking at the scope itself first and then
     * up its ancestors: {@code mappingOfAncestor("ES-CL-LE-001", "INE-PROV")} is {@code 24} (León). Empty when
     * the code is unknown or no scope in its chain has the key.
     */
    public Optional<String> mappingOfAncestor(String code, String key) {
        if (code == null || key == null) {
            return Optional.empty();
        }
        return remembered("mapping|" + key + "|" + code, () -> jdbc.sql("""
                select s.mappings ->> ? from scope o
                cross join unnest(o.part_of) with ordinality as a(id, ord)
                join scope s on s.id = a.id
                where o.code = ? and s.mappings ->> ? is not null
                order by a.ord limit 1""").params(key, code, key).query(String.class).optional());
    }

    /**
     * The Census API's {@code scopes} list for these codes: the union of their ancestor chains (each including the
     * scope itself), without repeats. For each code in the given order its chain is listed from the root down to
     * the scope. Unknown and null codes are left out.
     */
    public List<ScopeView> views(Collection<String> codes) {
        Set<String> wanted = new LinkedHashSet<>();
        codes.stream().filter(Objects::nonNull).forEach(wanted::add);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, List<ScopeView>> chains = new HashMap<>();
        jdbc.sql("""
                select o.code as origin, s.id, s.code, s.name, s.mappings, t.name as type_name from scope o
                cross join unnest(o.part_of) with ordinality as a(id, ord)
                join scope s on s.id = a.id
                join scope_type t on t.id = s.scope_type_id
                where o.code in (:codes)
                order by o.code, a.ord desc""").param("codes", wanted).query(rs -> {
                    chains.computeIfAbsent(rs.getString("origin"), k -> new ArrayList<>())
                            .add(new ScopeView(rs.getLong("id"), texts(rs.getString("name")),
                                    texts(rs.getString("type_name")), rs.getString("code"),
                                    texts(rs.getString("mappings"))));
                });
        Map<Long, ScopeView> union = new LinkedHashMap<>();
        for (String code : wanted) {
            for (ScopeView v : chains.getOrDefault(code, List.of())) {
                union.putIfAbsent(v.id(), v);
            }
        }
        return List.copyOf(union.values());
    }

    // ---- loading -------------------------------------------------------------------------------------------

    /**
     * Creates or updates (by code) every scope the file describes, all or nothing. See the package documentation
     * for the format.
     *
     * @throws ScopeLoadException naming the line at fault; nothing was changed
     */
    public ScopeLoadSummary load(Reader reader, ScopeFormat format) {
        long start = System.nanoTime();
        List<ScopeFile.Row> rows = ScopeFile.parse(reader, format);
        ScopeLoadSummary summary;
        try {
            summary = loader.load(rows);
        } finally {
            lookups.clear();
        }
        log.info("Loaded {} scopes in {} ms: {} created, {} updated, {} unchanged", summary.total(),
                (System.nanoTime() - start) / 1_000_000, summary.created(), summary.updated(), summary.unchanged());
        return summary;
    }

    /** {@link #load(Reader, ScopeFormat)} from a UTF-8 file, its format told by its extension or its header. */
    public ScopeLoadSummary load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, ScopeFormat.forFileName(file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- internals -----------------------------------------------------------------------------------------

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
