package org.populus.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The catalogues: lookups for the registry, and their administration. */
@Service
public class Catalog {

    private final CatalogRepository repository;
    private final TransactionTemplate tx;
    private final long refreshNanos;
    private final ObjectProvider<GenderHolders> genderHolders;
    private volatile CatalogSnapshot snapshot;

    Catalog(CatalogRepository repository, TransactionTemplate tx,
            @Value("${populus.catalog.refresh:5s}") Duration refresh, ObjectProvider<GenderHolders> genderHolders) {
        this.repository = repository;
        this.tx = tx;
        this.refreshNanos = refresh.toNanos();
        this.genderHolders = genderHolders;
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
        long id = write(() -> repository.insertIdType(n, blankToNull(regex), uniqueValues), "ID type", n);
        return idType(id).orElseThrow();
    }

    public IdType updateIdType(long id, String name, String regex, boolean uniqueValues, int version) {
        String n = requireName(name);
        checkRegex(regex);
        write(() -> stale(repository.updateIdType(id, n, blankToNull(regex), uniqueValues, version),
                "ID type", id), "ID type", n);
        return idType(id).orElseThrow();
    }

    public void deleteIdType(long id) {
        delete(CatalogRepository.Table.ID_TYPE, "ID type", id);
    }

    public Gender createGender(String code, String value, boolean active) {
        String c = requireName(code);
        String v = requireName(value);
        long id = write(() -> repository.insertGender(c, v, active), "Gender", c);
        return genderWithId(id).orElseThrow();
    }

    /**
     * Replaces a gender. Its code may change only while nobody carries it (people keep the code they were given):
     * to rename a gender in use, add the new one and deactivate this one.
     */
    public Gender updateGender(long id, String code, String value, boolean active, int version) {
        String c = requireName(code);
        String v = requireName(value);
        Optional<Gender> current = genderWithId(id);
        if (current.isPresent() && !current.get().code().equalsIgnoreCase(c)) {
            refuseIfCarried(current.get(), "it cannot change; add a gender with the new code and deactivate this one");
        }
        write(() -> stale(repository.updateGender(id, c, v, active, version), "Gender", id), "Gender", c);
        return genderWithId(id).orElseThrow();
    }

    /** Deletes a gender nobody carries; one that people carry is refused: deactivate it instead. */
    public void deleteGender(long id) {
        genderWithId(id).ifPresent(g -> refuseIfCarried(g, "deactivate it instead"));
        delete(CatalogRepository.Table.GENDER, "Gender", id);
    }

    private Optional<Gender> genderWithId(long id) {
        return reload().genders.stream().filter(g -> g.id() == id).findFirst();
    }

    /** Refuses (in use) a change to a gender whose code people carry; {@code advice} ends the message. */
    private void refuseIfCarried(Gender gender, String advice) {
        if (genderHolders.stream().anyMatch(h -> h.anyCarry(gender.code()))) {
            throw new CatalogException(CatalogException.Reason.IN_USE, "Gender " + gender.id() + " is in use: "
                    + "people carry its code '" + gender.code() + "'; " + advice);
        }
    }

    public GroupKind createGroupKind(String name) {
        String n = requireName(name);
        long id = write(() -> repository.insertGroupKind(n), "Group kind", n);
        return groupKind(id).orElseThrow();
    }

    public GroupKind updateGroupKind(long id, String name, int version) {
        String n = requireName(name);
        write(() -> stale(repository.updateGroupKind(id, n, version), "Group kind", id), "Group kind", n);
        return groupKind(id).orElseThrow();
    }

    public void deleteGroupKind(long id) {
        delete(CatalogRepository.Table.GROUP_KIND, "Group kind", id);
    }

    public MemberKind createMemberKind(String name, boolean unique) {
        String n = requireName(name);
        long id = write(() -> repository.insertMemberKind(n, unique), "Member kind", n);
        return memberKind(id).orElseThrow();
    }

    public MemberKind updateMemberKind(long id, String name, boolean unique, int version) {
        String n = requireName(name);
        write(() -> stale(repository.updateMemberKind(id, n, unique, version), "Member kind", id), "Member kind", n);
        return memberKind(id).orElseThrow();
    }

    public void deleteMemberKind(long id) {
        delete(CatalogRepository.Table.MEMBER_KIND, "Member kind", id);
    }

    public Programme createProgramme(String name, Programme.TargetType target, String description, boolean active) {
        String n = requireName(name);
        long id = write(() -> repository.insertProgramme(n, target.code(), description, active), "Programme", n);
        return programme(id).orElseThrow();
    }

    public Programme updateProgramme(long id, String name, Programme.TargetType target, String description,
            boolean active, int version) {
        String n = requireName(name);
        write(() -> stale(repository.updateProgramme(id, n, target.code(), description, active, version),
                "Programme", id), "Programme", n);
        return programme(id).orElseThrow();
    }

    public void deleteProgramme(long id) {
        delete(CatalogRepository.Table.PROGRAMME, "Programme", id);
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
        CatalogSnapshot s = repository.load();
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

    private void delete(CatalogRepository.Table table, String what, long id) {
        try {
            int rows = tx.execute(s -> repository.delete(table, id));
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
