package org.populus.scope;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

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

    private final ScopeRepository repository;
    private final ScopeLoader loader;

    Scopes(ScopeRepository repository, ScopeLoader loader) {
        this.repository = repository;
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
        return remembered("exists|" + code, () -> repository.exists(code));
    }

    /** The scope with exactly this code. */
    public Optional<Scope> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return repository.find(code);
    }

    /** The scope and its ancestors, in {@code part_of} order: itself first, the root last. Empty if unknown. */
    public List<Scope> ancestors(String code) {
        if (code == null) {
            return List.of();
        }
        return repository.ancestors(code);
    }

    /** Whether the scope is {@code ES} or lies under it. False for an unknown code. */
    public boolean isLocal(String code) {
        if (code == null) {
            return false;
        }
        return repository.isUnder(code, LOCAL_CODE);
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
        return remembered("mapping|" + key + "|" + code, () -> repository.mappingOfAncestor(code, key));
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
        Map<String, List<ScopeView>> chains = repository.chains(wanted);
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
}
