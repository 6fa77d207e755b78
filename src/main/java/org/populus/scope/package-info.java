/**
 * Scope: the territorial scopes of the Census API — countries, and for Spain its autonomous communities,
 * provinces and municipalities — with their names per locale, their place in the tree and their codes in other
 * encodings (INE, ISO).
 *
 * <p>Owns tables {@code scope_type} and {@code scope} (migrations {@code V6__scope.sql} and the Java migration
 * 6.1, {@code ScopeDefaultsMigration}). Public API: {@link org.populus.scope.Scopes} (look-ups
 * and loading), the records {@link org.populus.scope.Scope}, {@link org.populus.scope.ScopeType},
 * {@link org.populus.scope.ScopeView}, {@link org.populus.scope.ScopeLoadSummary}, and
 * {@link org.populus.scope.ScopeFormat}, {@link org.populus.scope.ScopeLoadException}.
 *
 * <h2>The tree</h2>
 * As in the original Census there are two roots, with no parent: {@code ES} (Spain, the local root) and
 * {@code XX} ("abroad": es Exterior, ca Exterior, eu Atzerria, en Abroad, gl Estranxeiro, type {@code zone}).
 * Every other country hangs from {@code XX}; Spain's regions, provinces and municipalities hang from {@code ES}.
 * There is no synthetic world root above them: it would appear in every {@code part_of} chain, and so in every
 * Census {@code scopes} list, where the original shows none.
 * <pre>
 * ES                       Spain (country)
 * └─ ES-CL                 Castilla y León (autonomous community)
 *    └─ ES-CL-LE           León (province, INE-PROV 24)
 *       └─ ES-CL-LE-001    Acebedo (municipality, INE-MUNI 24001)
 * XX                       Abroad (zone)
 * ├─ AD                    Andorra (country)
 * ├─ FR                    France (country)
 * └─ …                     every other ISO 3166-1 country
 * </pre>
 * {@code part_of} holds the scope's own id followed by its ancestors' ids, <b>root last</b> (as the original):
 * {@code part_of(FR) = [id(FR), id(XX)]}. A scope is local when {@code ES} is in its {@code part_of}.
 * {@code part_of} and {@code children_count} are derived from {@code parent_id} after every load.
 *
 * <h2>Default set</h2>
 * Created once, by Flyway migration 6.1 right after the tables, when {@code scope} is empty: {@code XX}, then every
 * code of {@code Locale.getISOCountries()} (249 on JDK 17) as type {@code country}, named in es, ca, eu, en and gl
 * by the JDK, with mapping {@code ISO-3166-1-ALPHA2} (the original's files call it {@code ISO-3166-1-a2}). A
 * migration rather than a start-up runner: it runs exactly once per database under Flyway's lock (no race between
 * instances starting together), in the schema's transaction, and before any request or load can look for
 * {@code ES} or {@code XX}. Scope types {@code zone}, {@code country}, {@code autonomous community},
 * {@code autonomous city}, {@code province}, {@code island}, {@code region}, {@code municipality} and
 * {@code district} are created with names in the five locales by {@code V6__scope.sql}.
 *
 * <h2>Loading full hierarchies</h2>
 * {@link org.populus.scope.Scopes#load(java.io.Reader, org.populus.scope.ScopeFormat)} (or
 * {@link org.populus.scope.Scopes#load(java.nio.file.Path)}), or from the command line, with the application
 * stopped or not (it only needs the same database):
 * <pre>
 * java -jar target/populus.jar scopes load spain.tsv
 * </pre>
 * The command starts the application against the configured database (the embedded one under
 * {@code POPULUS_DATA_DIR}, which a running Populus holds locked — use another data directory's server, an
 * external PostgreSQL via {@code SPRING_DATASOURCE_URL}, or stop the server first), runs the migrations, loads the
 * file, prints {@code Loaded N scopes from spain.tsv: C created, U updated, K unchanged} and exits with status 0;
 * 1 if the file was refused or unreadable (the message names the line; nothing was changed); 2 on wrong usage.
 * During that run the HTTP server listens only on a free loopback port (see
 * {@code ScopeCommandLineEnvironment}).
 *
 * <p><b>Format.</b> UTF-8 (a byte-order mark is ignored), one header line, then one scope per line. TSV (tab) or
 * CSV (comma): by the file extension ({@code .tsv}/{@code .tab}, {@code .csv}), otherwise a tab in the header
 * means TSV. In both, a field that starts with {@code "} is quoted as in RFC 4180 ({@code ""} is a quote; it may
 * hold delimiters and line breaks) — Ruby's CSV, which read the original's TSV files, does the same. Values are
 * trimmed; an empty value means "not given"; blank lines are skipped. Column names are case-insensitive except the
 * keys after {@code mapping:} and {@code metadata:}; an unknown column is an error. Columns:
 * <ul>
 * <li>{@code UID} or {@code code} — required: the scope code, e.g. {@code ES-CL-LE-001}; no white space.</li>
 * <li>{@code Type} — required: the scope type code, e.g. {@code province}. Unknown types are created (named
 * after their code in {@code en} unless the file names them).</li>
 * <li>{@code name_<locale>} (or {@code name:<locale>}), e.g. {@code name_es}, {@code name_en} — the name in that
 * locale. {@code Name} — a name for the Census locales (es, ca, eu, en, gl) that have none of their own. At least
 * one name per row. The original's {@code scopes.tsv} ({@code UID Type Name}) loads as it is.</li>
 * <li>{@code parent} — optional: the parent's code. When absent or empty it is the code up to its last non-word
 * character ({@code ES-CL-LE-001} → {@code ES-CL-LE}); a code without one has parent {@code XX}, except
 * {@code ES} and {@code XX}, which have none. The parent must be in the file (before or after the row) or
 * already loaded.</li>
 * <li>{@code mapping:<KEY>}, e.g. {@code mapping:INE-PROV}, {@code mapping:INE-MUNI}, {@code mapping:ISO-3166-2}
 * — one mapping each; and/or {@code mappings} — a JSON object, e.g. {@code {"INE-PROV":"24"}} (in CSV quote it:
 * {@code "{""INE-PROV"":""24""}"}). Single-key columns win over the JSON column.</li>
 * <li>{@code metadata:<key>} and/or {@code metadata} (JSON object) — the same for free metadata. JSON values
 * must be texts or numbers (stored as texts).</li>
 * <li>{@code type_name_<locale>}, {@code type_plural_<locale>} — optional: set the names of the row's type in
 * that locale.</li>
 * </ul>
 * Example (TSV):
 * <pre>
 * UID            Type                  name_es          name_en          mapping:INE-PROV  mapping:INE-MUNI
 * ES-CL          autonomous community  Castilla y León  Castile and León
 * ES-CL-LE       province              León             León             24
 * ES-CL-LE-001   municipality          Acebedo          Acebedo                            24001
 * </pre>
 *
 * <p><b>Semantics.</b> A load is an upsert by code in one transaction: a scope in the file is created, or updated
 * in place (same id, {@code version} + 1) when its name, type, parent, mappings or metadata differ; a scope not in
 * the file is left alone. A row's names replace the stored names; its mappings (metadata) replace the stored
 * ones only when the file has mapping (metadata) columns, otherwise they are kept. Any error — malformed line,
 * repeated code, unknown parent, a parent chain that loops — refuses the whole file with a
 * {@link org.populus.scope.ScopeLoadException} naming the line, and changes nothing. Rows are written in a few
 * set-based statements, then {@code part_of} and {@code children_count} are recomputed for the whole tree: about
 * 16,000 rows load in a few seconds. Concurrent loads are serialised (advisory lock).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scope")
package org.populus.scope;
