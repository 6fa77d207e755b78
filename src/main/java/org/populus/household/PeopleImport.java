package org.populus.household;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.populus.catalog.Catalog;
import org.populus.catalog.GroupKind;
import org.populus.catalog.MemberKind;
import org.populus.history.History;
import org.populus.history.Provenance;
import org.populus.person.PersonalData;
import org.populus.person.Registrant;
import org.populus.person.RegistrantDraft;
import org.populus.person.RegistrantImport;
import org.populus.person.RegistrantKind;
import org.populus.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports people and households from a CSV file ({@link PeopleFile}), fast: lines are checked like the APIs check
 * a registration, then written in batches (one transaction each) with {@code COPY} and set-wise inserts, with
 * version 1 of every registrant and household in history under the importer's provenance.
 *
 * <p>Columns (header line required, any order, only {@code import_id} mandatory):
 * <ul>
 * <li>{@code import_id}: a positive whole number naming the person for imports; stored as the external id
 * {@code {"import": n}} (so the person is also {@code n@import} on the Census API). A person already imported
 * under that id is skipped, so running the same file again imports only what is missing.
 * <li>{@code given_name}, {@code family_name}, {@code second_family_name}: the name parts; the display name is
 * built from them as the APIs do.
 * <li>{@code gender}: a gender of the catalogue (code or value); {@code birthdate}: {@code YYYY-MM-DD}.
 * <li>{@code ids}: identity documents, {@code <ID type>=<value>} separated by {@code ;}
 * (e.g. {@code National ID=X1234567;Passport=P998877}); ID types of the catalogue, values checked against the
 * type's rule, unique-valued types refused when another registrant (or another line) holds the value.
 * <li>{@code phones}: phone numbers separated by {@code ;}.
 * <li>{@code household}: a positive whole number; consecutive lines with the same number are the members of one
 * new group of kind {@code Household}, stored with the external id {@code {"import-household": n}};
 * {@code household_name} is the group's name (given on at least one of its lines); {@code member_kinds}: the
 * member's kinds of the catalogue separated by {@code ;} (e.g. {@code Head}, one per household).
 * </ul>
 *
 * <p>A line that breaks a rule refuses the import: the batch it belongs to is rolled back, the batches before it
 * stay imported, and the error names the line. After fixing it, the same command imports the rest (imported lines
 * are skipped). A household whose group was imported is skipped whole; one whose group is missing while one of its
 * members exists is refused.
 */
@Service
class PeopleImport {

    static final String IMPORT_SYSTEM = "import";
    static final String HOUSEHOLD_SYSTEM = "import-household";
    static final String GROUP_KIND = "Household";
    static final int DEFAULT_BATCH_SIZE = 50_000;

    private final RegistrantImport registrants;
    private final HouseholdRepository households;
    private final History history;
    private final Catalog catalog;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    PeopleImport(RegistrantImport registrants, HouseholdRepository households, History history, Catalog catalog,
            JsonMapper json, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.registrants = registrants;
        this.households = households;
        this.history = history;
        this.catalog = catalog;
        this.json = json;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private record Person(int line, long importId, RegistrantImport.Checked checked, List<Long> kindIds) {
    }

    /** A single person, or a household: its group and members. */
    private static final class Unit {
        final int line;
        final Long householdKey;
        String householdName;
        RegistrantImport.Checked group;
        final List<Person> people = new ArrayList<>();

        Unit(int line, Long householdKey) {
            this.line = line;
            this.householdKey = householdKey;
        }
    }

    private static final class Counts {
        long people;
        long households;
        long skipped;
        int batches;
    }

    /**
     * Imports the file in batches of {@code batchSize} lines (a household is never split), each in its own
     * transaction.
     *
     * @param progress told after each committed batch
     * @throws PeopleImportException naming the first line refused; the batches before it are committed
     * @throws UncheckedIOException when the file cannot be read
     */
    PeopleImportSummary load(Path file, Provenance provenance, int batchSize, Consumer<PeopleImportSummary> progress) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        Long groupKind = catalog.groupKind(GROUP_KIND).map(GroupKind::id).orElseThrow(() -> new PeopleImportException(
                1, "the group kind " + GROUP_KIND + " is not in the catalogue"));
        Instant started = Instant.now();
        Counts counts = new Counts();
        // The file is read and checked on its own thread while the previous batch is written: the two take about
        // as long, and the machine has a core for each. Batches are written in file order, and a refused line is
        // reported only once the batches before it are written, as if it all ran on one thread.
        BlockingQueue<Object> batches = new ArrayBlockingQueue<>(1);
        Object end = new Object();
        Thread reader = new Thread(() -> {
            try {
                read(file, batchSize, batches::put);
                batches.put(end);
            } catch (InterruptedException e) {
                // the writer stopped: nothing more to read
            } catch (RuntimeException e) {
                try {
                    batches.put(e);
                } catch (InterruptedException stopped) {
                    // the writer stopped first
                }
            }
        }, "people-import-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Object next = batches.take();
                if (next == end) {
                    break;
                }
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                @SuppressWarnings("unchecked")
                List<Unit> batch = (List<Unit>) next;
                write(batch, groupKind, provenance, counts);
                progress.accept(summary(counts, started));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } finally {
            reader.interrupt();
        }
        if (counts.people > 0) {
            registrants.analyze();
            households.analyze();
        }
        return summary(counts, started);
    }

    /** What receives the batches read. */
    private interface BatchSink {
        void accept(List<Unit> batch) throws InterruptedException;
    }

    /** Reads and checks the file, handing on batches of at least {@code batchSize} lines (households whole). */
    private void read(Path file, int batchSize, BatchSink sink) throws InterruptedException {
        Set<Long> importIds = new HashSet<>();
        Set<Long> householdKeys = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            PeopleFile people = new PeopleFile(reader);
            List<Unit> batch = new ArrayList<>();
            int batchLines = 0;
            Unit open = null;
            for (PeopleFile.Row row = people.next(); row != null; row = people.next()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                Long key = positive(row, "household");
                if (open != null && (key == null || !key.equals(open.householdKey))) {
                    batch.add(close(open));
                    batchLines += open.people.size();
                    open = null;
                    if (batchLines >= batchSize) {
                        sink.accept(batch);
                        batch = new ArrayList<>();
                        batchLines = 0;
                    }
                }
                Person person = person(row, importIds);
                if (key == null) {
                    if (!person.kindIds().isEmpty()) {
                        throw new PeopleImportException(row.line(), "member_kinds given without a household");
                    }
                    Unit single = new Unit(row.line(), null);
                    single.people.add(person);
                    batch.add(single);
                    batchLines++;
                    if (batchLines >= batchSize) {
                        sink.accept(batch);
                        batch = new ArrayList<>();
                        batchLines = 0;
                    }
                } else {
                    if (open == null) {
                        if (!householdKeys.add(key)) {
                            throw new PeopleImportException(row.line(), "household " + key
                                    + " continues after lines of others: a household's lines must follow each other");
                        }
                        open = new Unit(row.line(), key);
                    }
                    if (open.householdName == null) {
                        open.householdName = row.get("household_name");
                    }
                    open.people.add(person);
                }
            }
            if (open != null) {
                batch.add(close(open));
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PeopleImportSummary summary(Counts c, Instant started) {
        return new PeopleImportSummary(c.people + c.skipped, c.people, c.households, c.skipped, c.batches,
                Duration.between(started, Instant.now()));
    }

    private Person person(PeopleFile.Row row, Set<Long> importIds) {
        int line = row.line();
        Long importId = positive(row, PeopleFile.IMPORT_ID);
        if (importId == null) {
            throw new PeopleImportException(line, "import_id is required");
        }
        if (!importIds.add(importId)) {
            throw new PeopleImportException(line, "import_id " + importId + " is given on an earlier line too");
        }
        LocalDate birthdate = null;
        if (row.get("birthdate") != null) {
            try {
                birthdate = LocalDate.parse(row.get("birthdate"));
            } catch (DateTimeParseException e) {
                throw new PeopleImportException(line,
                        "birthdate '" + PeopleFile.shown(row.get("birthdate")) + "' is not a date (YYYY-MM-DD)");
            }
        }
        List<RegistrantDraft.IdentifierDraft> ids = new ArrayList<>();
        for (String entry : list(row.get("ids"))) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new PeopleImportException(line, "ids entry '" + PeopleFile.shown(entry)
                        + "' is not <ID type>=<value>");
            }
            ids.add(new RegistrantDraft.IdentifierDraft(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip(),
                    null, false));
        }
        List<RegistrantDraft.PhoneDraft> phones = list(row.get("phones")).stream()
                .map(p -> new RegistrantDraft.PhoneDraft(p, null)).toList();
        List<Long> kinds = new ArrayList<>(new LinkedHashSet<>(list(row.get("member_kinds")).stream()
                .map(k -> catalog.memberKind(k).map(MemberKind::id).orElseThrow(() -> new PeopleImportException(line,
                        "Membership kind - " + PeopleFile.shown(k) + " is not present in the database.")))
                .toList()));
        PersonalData data = new PersonalData(null, row.get("given_name"), row.get("family_name"),
                row.get("second_family_name"), null, row.get("gender"), birthdate, null, null, null, null, null, null,
                null, null, null, null);
        try {
            RegistrantImport.Checked checked = registrants.check(new RegistrantDraft(RegistrantKind.INDIVIDUAL, data,
                    ids, phones, List.of(), Map.of(IMPORT_SYSTEM, importId), null), line);
            return new Person(line, importId, checked, kinds);
        } catch (RuleViolation e) {
            throw new PeopleImportException(line, e.getMessage());
        }
    }

    /** Checks a complete household: its name, and one member at most of each unique kind (Head). */
    private Unit close(Unit unit) {
        if (unit.householdKey == null) {
            return unit;
        }
        if (unit.householdName == null) {
            throw new PeopleImportException(unit.line, "household " + unit.householdKey + " has no household_name");
        }
        Set<Long> uniqueTaken = new HashSet<>();
        for (Person p : unit.people) {
            for (long kind : p.kindIds()) {
                MemberKind k = catalog.memberKind(kind).orElseThrow();
                if (k.unique() && !uniqueTaken.add(kind)) {
                    throw new PeopleImportException(p.line(), "Only one " + k.name() + " is allowed per group.");
                }
            }
        }
        PersonalData data = new PersonalData(unit.householdName, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        try {
            unit.group = registrants.check(new RegistrantDraft(RegistrantKind.GROUP, data, List.of(), List.of(),
                    List.of(), Map.of(HOUSEHOLD_SYSTEM, unit.householdKey), null), unit.line);
        } catch (RuleViolation e) {
            throw new PeopleImportException(unit.line, e.getMessage());
        }
        return unit;
    }

    /** Writes one batch in one transaction; what was imported before is skipped. */
    private void write(List<Unit> batch, Long groupKind, Provenance provenance, Counts counts) {
        transactions.executeWithoutResult(status -> {
            Set<Long> existing = registrants.existingExternalIds(IMPORT_SYSTEM,
                    batch.stream().flatMap(u -> u.people.stream()).map(Person::importId).toList());
            Set<Long> existingGroups = registrants.existingExternalIds(HOUSEHOLD_SYSTEM,
                    batch.stream().map(u -> u.householdKey).filter(k -> k != null).toList());
            List<RegistrantImport.Checked> toInsert = new ArrayList<>();
            List<Unit> inserted = new ArrayList<>();
            long skipped = 0;
            for (Unit u : batch) {
                if (u.householdKey != null && existingGroups.contains(u.householdKey)) {
                    skipped += u.people.size();
                    continue;
                }
                if (u.householdKey == null && existing.contains(u.people.get(0).importId())) {
                    skipped++;
                    continue;
                }
                for (Person p : u.people) {
                    if (existing.contains(p.importId())) {
                        throw new PeopleImportException(p.line(), "import_id " + p.importId()
                                + " is imported already, but not its household " + u.householdKey);
                    }
                }
                if (u.group != null) {
                    toInsert.add(u.group);
                }
                u.people.forEach(p -> toInsert.add(p.checked()));
                inserted.add(u);
            }
            Instant at = jdbc.sql("select statement_timestamp()").query(java.sql.Timestamp.class).single().toInstant();
            List<Registrant> saved;
            try {
                saved = registrants.insert(toInsert, at, provenance);
            } catch (RegistrantImport.LineRefused e) {
                throw new PeopleImportException(e.line(), e.getMessage());
            }
            // the registrants come back in the order given: each household's group, then its members
            List<Household> planned = new ArrayList<>();
            LocalDate start = at.atZone(ZoneId.systemDefault()).toLocalDate();
            int next = 0;
            for (Unit u : inserted) {
                if (u.group == null) {
                    next += u.people.size();
                    continue;
                }
                long groupId = saved.get(next++).id();
                List<Membership> members = new ArrayList<>();
                for (Person p : u.people) {
                    members.add(new Membership(null, saved.get(next++).id(), p.kindIds(), start, null));
                }
                planned.add(new Household(groupId, 0, groupKind, null, members));
            }
            List<Household> stored = households.insertAll(planned, this::isUnique);
            history.appendAll(() -> stored.stream().map(h -> new History.NewVersion(Households.HISTORY_SUBJECT,
                    h.groupId(), h.version(), at, json.writeValueAsString(h))).iterator(), provenance);
            counts.people += toInsert.size() - planned.size();
            counts.households += stored.size();
            counts.skipped += skipped;
            counts.batches++;
        });
    }

    private boolean isUnique(long kindId) {
        return catalog.memberKind(kindId).map(MemberKind::unique).orElse(false);
    }

    private static Long positive(PeopleFile.Row row, String column) {
        String v = row.get(column);
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new PeopleImportException(row.line(), column + " '" + PeopleFile.shown(v)
                + "' is not a positive whole number");
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String s : value.split(";")) {
            if (!s.isBlank()) {
                result.add(s.strip());
            }
        }
        return result;
    }
}
