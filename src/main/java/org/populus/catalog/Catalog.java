package org.populus.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalogues: lookups for the registry, and their administration. */
@Service
public class Catalog {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final long refreshNanos;
    private volatile CatalogSnapshot snapshot;

    Catalog(JdbcClient jdbc, TransactionTemplate tx,
            @Value("${populus.catalog.refresh:5s}") Duration refresh) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.refreshNanos = refresh.toNanos();
    }

    // ---- lookups -------------------------------------------------------------------------------------------

    public Optional<IdType> idType(String name) {
        return current().idType(name);
    }

    public Optional<IdType> idType(long id) {
        return current().idType(id).or(() -> reload().idType(id));
    }

    /** An active gender by its code, compared case-insensitively. */
    public Optional<Gender> gender(String code) {
        return current().gender(code).filter(Gender::active);
    }

    /** A gender by code whether active or not, for showing stored values. */
    public Optional<Gender> anyGender(String code) {
        return current().gender(code);
    }

    public Optional<GroupKind> groupKind(String name) {
        return current().groupKind(name);
    }

    public Optional<GroupKind> groupKind(long id) {
        return current().groupKind(id).or(() -> reload().groupKind(id));
    }

    public Optional<MemberKind> memberKind(String name) {
        return current().memberKind(name);
    }

    public Optional<MemberKind> memberKind(long id) {
        return current().memberKind(id).or(() -> reload().memberKind(id));
    }

    /** An active programme of that exact name for that target. */
    public Optional<Programme> programme(String name, Programme.TargetType target) {
        return current().programme(name, target).filter(Programme::active);
    }

    public Optional<Programme> programme(long id) {
        return current().programme(id).or(() -> reload().programme(id));
    }

    public List<IdType> idTypes() {
        return reload().idTypes;
    }

    public List<Gender> genders() {
        return reload().genders;
    }

    public List<Gender> activeGenders() {
        return current().genders.stream().filter(Gender::active).toList();
    }

    public List<GroupKind> groupKinds() {
        return reload().groupKinds;
    }

    public List<MemberKind> memberKinds() {
        return reload().memberKinds;
    }

    public List<Programme> programmes() {
        return reload().programmes;
    }

    // ---- administration ------------------------------------------------------------------------------------

    public IdType createIdType(String name, String regex, boolean uniqueValues) {
        String n = requireName(name);
        checkRegex(regex);
        long id = write(() -> jdbc.sql("insert into id_type (name, validation_regex, unique_values) values (?, ?, ?) returning id")
                .params(n, blankToNull(regex), uniqueValues).query(Long.class).single(), "ID type", n);
        return idType(id).orElseThrow();
    }

    public IdType updateIdType(long id, String name, String regex, boolean uniqueValues, int version) {
        String n = requireName(name);
        checkRegex(regex);
        write(() -> stale(jdbc.sql("""
                update id_type set name = ?, validation_regex = ?, unique_values = ?, version = version + 1
                where id = ? and version = ?""").params(n, blankToNull(regex), uniqueValues, id, version).update(),
                "ID type", id), "ID type", n);
        return idType(id).orElseThrow();
    }

    public void deleteIdType(long id) {
        delete("id_type", "ID type", id);
    }

    public Gender createGender(String code, String value, boolean active) {
        String c = requireName(code);
        String v = requireName(value);
        long id = write(() -> jdbc.sql("insert into gender (code, value, active) values (?, ?, ?) returning id")
                .params(c, v, active).query(Long.class).single(), "Gender", c);
        return reload().genders.stream().filter(g -> g.id() == id).findFirst().orElseThrow();
    }

    public Gender updateGender(long id, String code, String value, boolean active, int version) {
        String c = requireName(code);
        String v = requireName(value);
        write(() -> stale(jdbc.sql("update gender set code = ?, value = ?, active = ?, version = version + 1 where id = ? and version = ?")
                .params(c, v, active, id, version).update(), "Gender", id), "Gender", c);
        return reload().genders.stream().filter(g -> g.id() == id).findFirst().orElseThrow();
    }

    public void deleteGender(long id) {
        delete("gender", "Gender", id);
    }

    public GroupKind createGroupKind(String name) {
        String n = requireName(name);
        long id = write(() -> jdbc.sql("insert into group_kind (name) values (?) returning id").params(n)
                .query(Long.class).single(), "Group kind", n);
        return groupKind(id).orElseThrow();
    }

    public GroupKind updateGroupKind(long id, String name, int version) {
        String n = requireName(name);
        write(() -> stale(jdbc.sql("update group_kind set name = ?, version = version + 1 where id = ? and version = ?")
                .params(n, id, version).update(), "Group kind", id), "Group kind", n);
        return groupKind(id).orElseThrow();
    }

    public void deleteGroupKind(long id) {
        delete("group_kind", "Group kind", id);
    }

    public MemberKind createMemberKind(String name, boolean unique) {
        String n = requireName(name);
        long id = write(() -> jdbc.sql("insert into member_kind (name, is_unique) values (?, ?) returning id")
                .params(n, unique).query(Long.class).single(), "Member kind", n);
        return memberKind(id).orElseThrow();
    }

    public MemberKind updateMemberKind(long id, String name, boolean unique, int version) {
        String n = requireName(name);
        write(() -> stale(jdbc.sql("update member_kind set name = ?, is_unique = ?, version = version + 1 where id = ? and version = ?")
                .params(n, unique, id, version).update(), "Member kind", id), "Member kind", n);
        return memberKind(id).orElseThrow();
    }

    public void deleteMemberKind(long id) {
        delete("member_kind", "Member kind", id);
    }

    public Programme createProgramme(String name, Programme.TargetType target, String description, boolean active) {
        String n = requireName(name);
        long id = write(() -> jdbc.sql("insert into programme (name, target_type, description, active) values (?, ?, ?, ?) returning id")
                .params(n, target.code(), description, active).query(Long.class).single(), "Programme", n);
        return programme(id).orElseThrow();
    }

    public Programme updateProgramme(long id, String name, Programme.TargetType target, String description,
            boolean active, int version) {
        String n = requireName(name);
        write(() -> stale(jdbc.sql("""
                update programme set name = ?, target_type = ?, description = ?, active = ?, version = version + 1
                where id = ? and version = ?""").params(n, target.code(), description, active, id, version).update(),
                "Programme", id), "Programme", n);
        return programme(id).orElseThrow();
    }

    public void deleteProgramme(long id) {
        delete("programme", "Programme", id);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private CatalogSnapshot current() {
        CatalogSnapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAtNanos > refreshNanos) {
            return reload();
        }
        return s;
    }

    private CatalogSnapshot reload() {
        CatalogSnapshot s = new CatalogSnapshot(
                jdbc.sql("select * from id_type order by id").query((rs, i) -> new IdType(rs.getLong("id"),
                        rs.getString("name"), rs.getString("validation_regex"), rs.getBoolean("unique_values"),
                        rs.getInt("version"))).list(),
                jdbc.sql("select * from gender order by id").query((rs, i) -> new Gender(rs.getLong("id"),
                        rs.getString("code"), rs.getString("value"), rs.getBoolean("active"), rs.getInt("version")))
                        .list(),
                jdbc.sql("select * from group_kind order by id").query((rs, i) -> new GroupKind(rs.getLong("id"),
                        rs.getString("name"), rs.getInt("version"))).list(),
                jdbc.sql("select * from member_kind order by id").query((rs, i) -> new MemberKind(rs.getLong("id"),
                        rs.getString("name"), rs.getBoolean("is_unique"), rs.getInt("version"))).list(),
                jdbc.sql("select * from programme order by id").query((rs, i) -> new Programme(rs.getLong("id"),
                        rs.getString("name"), Programme.TargetType.of(rs.getString("target_type")),
                        rs.getString("description"), rs.getBoolean("active"), rs.getInt("version"))).list());
        snapshot = s;
        return s;
    }

    private <T> T write(Supplier<T> change, String what, String name) {
        try {
            T result = tx.execute(status -> {
                T r = change.get();
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            snapshot = null;
                        }
                    });
                }
                return r;
            });
            snapshot = null;
            return result;
        } catch (DuplicateKeyException e) {
            throw new CatalogException(CatalogException.Reason.DUPLICATE, what + " '" + name + "' already exists");
        }
    }

    private static int stale(int rows, String what, long id) {
        if (rows == 0) {
            throw new CatalogException(CatalogException.Reason.STALE,
                    what + " " + id + " does not exist or was changed by someone else; reload it and try again");
        }
        return rows;
    }

    private void delete(String table, String what, long id) {
        try {
            int rows = tx.execute(s -> jdbc.sql("delete from " + table + " where id = ?").param(id).update());
            if (rows == 0) {
                throw new CatalogException(CatalogException.Reason.NOT_FOUND, what + " " + id + " does not exist");
            }
        } catch (DataIntegrityViolationException e) {
            throw new CatalogException(CatalogException.Reason.IN_USE, what + " " + id + " is in use");
        } finally {
            snapshot = null;
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new CatalogException(CatalogException.Reason.INVALID, "A name is required");
        }
        return name.strip();
    }

    private static void checkRegex(String regex) {
        if (regex == null || regex.isBlank()) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CatalogException(CatalogException.Reason.INVALID, "Invalid regular expression: " + e.getDescription());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
