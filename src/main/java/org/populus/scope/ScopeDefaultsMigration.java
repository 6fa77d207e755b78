package org.populus.scope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flyway migration 6.1, right after {@code V6__scope.sql}: the default scopes — {@code ES} and {@code XX} at the
 * top, every other ISO 3166-1 country under {@code XX}, names from the JDK in the Census locales. It runs once per
 * database, under Flyway's lock and in its transaction, before anything else can read or load scopes; it inserts
 * nothing if the table already holds scopes. A Spring bean so that Flyway finds it (Spring Boot hands
 * {@link JavaMigration} beans to Flyway); it depends on nothing.
 */
@Component
class ScopeDefaultsMigration implements JavaMigration {

    /** Names of {@code XX}, which no ISO list has. */
    static final Map<String, String> ABROAD_NAMES = names("Exterior", "Exterior", "Atzerria", "Abroad", "Estranxeiro");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6.1");
    }

    @Override
    public String getDescription() {
        return "scope defaults";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select exists (select 1 from scope)")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return;
            }
        }
        JsonMapper json = JsonMapper.shared();
        try (PreparedStatement insert = c.prepareStatement("""
                insert into scope (code, name, scope_type_id, parent_id, mappings)
                values (?, cast(? as jsonb), (select id from scope_type where code = ?),
                        (select id from scope where code = ?), cast(? as jsonb))
                on conflict (code) do nothing""")) {
            insert(insert, Scopes.ABROAD_CODE, json.writeValueAsString(ABROAD_NAMES), "zone", null, "{}");
            insert.executeUpdate();
            for (String code : Locale.getISOCountries()) {
                String parent = code.equals(Scopes.LOCAL_CODE) ? null : Scopes.ABROAD_CODE;
                insert(insert, code, json.writeValueAsString(countryNames(code)), "country", parent,
                        json.writeValueAsString(Map.of(Scopes.ISO_ALPHA2, code)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate(ScopeRepository.RECOMPUTE_PART_OF);
            s.executeUpdate(ScopeRepository.RECOMPUTE_CHILDREN_COUNT);
        }
    }

    private static void insert(PreparedStatement insert, String code, String name, String type, String parent,
            String mappings) throws SQLException {
        insert.setString(1, code);
        insert.setString(2, name);
        insert.setString(3, type);
        insert.setString(4, parent);
        insert.setString(5, mappings);
    }

    /** The country's name in each Census locale, as the JDK knows it (none where it only knows the code). */
    @SuppressWarnings("deprecation") // Locale.of needs Java 19; the build targets 17
    static Map<String, String> countryNames(String code) {
        Locale country = new Locale("", code);
        Map<String, String> names = new LinkedHashMap<>();
        for (String locale : ScopeFile.CENSUS_LOCALES) {
            String name = country.getDisplayCountry(new Locale(locale));
            if (!name.isBlank() && !name.equals(code)) {
                names.put(locale, name);
            }
        }
        if (names.isEmpty()) {
            names.put("en", code);
        }
        return names;
    }

    private static Map<String, String> names(String es, String ca, String eu, String en, String gl) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("es", es);
        names.put("ca", ca);
        names.put("eu", eu);
        names.put("en", en);
        names.put("gl", gl);
        return names;
    }
}
