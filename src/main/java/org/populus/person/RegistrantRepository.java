package org.populus.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.populus.platform.db.AdvisoryLocks;
import org.populus.shared.DateRanges;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Explicit SQL for registrants. A registrant is read in one round trip (children aggregated as JSON); a save
 * bumps the version with {@code where version = ?} — zero rows updated is a conflict, never a silent success.
 */
@Repository
class RegistrantRepository {

    /**
     * A date column as the registry reads it: null outside what the database accepts (only a date stored before its
     * range constraints existed can be there, even {@code -infinity}), as {@link DateRanges#readable} does.
     */
    static String readable(String column) {
        return "(case when " + column + " between date '" + DateRanges.EARLIEST + "' and date '"
                + DateRanges.LATEST_STORED + "' then " + column + " end)";
    }

    private static final String SELECT = """
            select p.id, p.is_group, p.name, p.given_name, p.family_name, p.second_family_name, p.addl_name,
              p.gender, %s as birthdate, p.birth_place, p.email, p.address, p.postal_code, p.scope_code,
              p.address_scope_code, p.document_scope_code, %s as registration_date, p.notification_preference,
              p.additional_info, p.external_ids, p.state, p.verification, p.membership_level, p.phone_verification,
              p.created_at, p.updated_at, p.discarded_at, p.version,
              coalesce((select json_agg(json_build_object('id', i.id, 'idTypeId', i.id_type_id, 'value', i.value,
                          'expiryDate', %s, 'primaryDocument', i.primary_document) order by i.id)
                        from party_identifier i where i.party_id = p.id), '[]') as identifiers_json,
              coalesce((select json_agg(json_build_object('id', f.id, 'number', f.phone_no, 'e164', f.phone_sanitized,
                          'collected', %s, 'disabled', %s) order by f.position, f.id)
                        from party_phone f where f.party_id = p.id), '[]') as phones_json,
              coalesce((select json_agg(json_build_object('id', m.id, 'programmeId', m.programme_id, 'state', m.state,
                          'enrollmentDate', %s, 'exitDate', %s) order by m.id)
                        from programme_membership m where m.party_id = p.id), '[]') as programmes_json
            from party p
            """.formatted(readable("p.birthdate"), readable("p.registration_date"), readable("i.expiry_date"),
            readable("f.date_collected"), readable("f.disabled"), readable("m.enrollment_date"),
            readable("m.exit_date"));


    /** The advisory-lock key space of identifier values (the hash seed; never change it). */
    private static final long IDENTIFIER_LOCKS = 17;

    private final JdbcClient jdbc;
    private final AdvisoryLocks locks;
    private final JsonMapper json;
    private final RowMapper<Registrant> mapper = this::map;
    private final ObjectReader identifiers;
    private final ObjectReader phones;
    private final ObjectReader programmes;
    private final ObjectReader externalIds;

    RegistrantRepository(JdbcClient jdbc, AdvisoryLocks locks, JsonMapper json) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.json = json;
        this.identifiers = json.readerFor(new TypeReference<List<Identifier>>() { });
        this.phones = json.readerFor(new TypeReference<List<Phone>>() { });
        this.programmes = json.readerFor(new TypeReference<List<ProgrammeEnrolment>>() { });
        this.externalIds = json.readerFor(new TypeReference<Map<String, Long>>() { });
    }

    /**
     * The registrant from its row and child tables. {@link Registrants#find} reads the newest history version
     * instead; {@code RegistrantReadModelTest} checks that both agree.
     */
    Optional<Registrant> find(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(mapper).optional();
    }

    /** The individual's id and whether it is discarded, from its row alone. */
    Optional<Registrants.Standing> standing(long id) {
        return jdbc.sql("select id, discarded_at is not null from party where id = ? and not is_group").param(id)
                .query((rs, n) -> new Registrants.Standing(rs.getLong(1), rs.getBoolean(2))).optional();
    }

    /**
     * Locks the registrant's row until the end of the transaction, so concurrent changes queue up; false when there
     * is no such registrant. The caller reads the registrant in a statement of its own afterwards: after waiting for
     * the lock, PostgreSQL re-checks only the locked row, so a read in the locking statement would return the
     * children (documents, phones) as they were before the wait, and a concurrent change to them would be lost.
     */
    boolean lockRow(long id) {
        return jdbc.sql("select 1 from party where id = ? for update").param(id).query(Integer.class)
                .optional().isPresent();
    }

    /**
     * The individual whose external ids hold {@code {system: id}} (GIN index {@code party_external_ids}); the lowest
     * id when several do.
     *
     * <p>No {@code order by … limit 1} in SQL on purpose: with it, PostgreSQL's generic plan for the prepared
     * statement walks the primary key and filters every row — the whole table for an id nobody has yet, which is
     * every new registration. Without it the GIN index is always used and the (rare) several matches are ordered
     * here.
     */
    Optional<Long> idByExternalId(String system, long id) {
        return idsByExternalId(system, id).stream().findFirst();
    }

    /** Every individual whose external ids hold {@code {system: id}}, lowest id first. */
    List<Long> idsByExternalId(String system, long id) {
        return jdbc.sql("select p.id from party p where p.external_ids @> jsonb_build_object(?::text, ?::bigint)"
                + " and not p.is_group").params(system, id).query(Long.class).list().stream()
                .sorted().toList();
    }

    /**
     * The individual whose primary document has one of these values; when a person has no primary document, an
     * ID of type dni, nie or passport counts.
     */
    Optional<Long> idByDocument(Collection<String> values) {
        return idsByDocument(values).stream().findFirst();
    }

    /** Every individual {@link #idByDocument} would choose from, lowest id first. */
    List<Long> idsByDocument(Collection<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select i.party_id from party_identifier i
                join id_type t on t.id = i.id_type_id
                join party p on p.id = i.party_id and not p.is_group
                where i.value = any(?)
                  and (i.primary_document
                       or (t.name in ('dni', 'nie', 'passport') and not exists (
                           select 1 from party_identifier o where o.party_id = i.party_id and o.primary_document)))
                """).param(values.toArray(String[]::new)).query(Long.class).list().stream().distinct().sorted()
                .toList();
    }

    List<Registrant> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where p.id = any(?) order by p.id").param(ids.toArray(Long[]::new)).query(mapper)
                .list();
    }

    /** A where clause and its positional parameters. */
    record Conditions(String where, List<Object> params) {

        /** These parameters followed by more. */
        Object[] with(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(Arrays.asList(more));
            return all.toArray();
        }
    }

    /**
     * One page of registrants matching the query, in id order after {@code afterId} (keyset) or at
     * {@code offset}, walking the primary key. With a name, this is the slow way, taken only while the search index
     * cannot answer ({@link NameIndex}): the substring is tested on every row in turn.
     */
    List<Registrant> search(RegistrantQuery query, long afterId, long offset, int limit) {
        Conditions c = conditions(query, afterId);
        return jdbc.sql(SELECT + c.where() + " order by p.id limit ? offset ?").params(c.with(limit, offset))
                .query(mapper).list();
    }

    /** The conditions of an OpenG2P search: kind, id, not discarded, and the substring of the normalised name. */
    static Conditions conditions(RegistrantQuery query, long afterId) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where p.is_group = ? and p.id > ?");
        params.add(query.kind() == RegistrantKind.GROUP);
        params.add(afterId);
        if (!query.includeDiscarded()) {
            where.append(" and p.discarded_at is null");
        }
        if (query.id() != null) {
            where.append(" and p.id = ?");
            params.add(query.id());
        }
        if (query.name() != null) {
            where.append(" and p.search_name like ? escape '\\'");
            params.add("%" + likeEscape(query.normalizedName()) + "%");
        }
        return new Conditions(where.toString(), params);
    }

    /**
     * The registrars' search in PostgreSQL (while the search index cannot answer): the people whose name has a word
     * starting with each of the search's words, in id order, counted up to {@link PeopleSearch#MAX_TOTAL}, one
     * page; when none match, names close to the words (pg_trgm's word similarity), the closest first, flagged
     * fuzzy. Every row is tested: slow on a large registry, but the same answers.
     */
    PeopleSearch.Result search(PeopleSearch search, long offset, int limit) {
        StringBuilder where = new StringBuilder(" where not p.is_group");
        if (!search.includeDiscarded()) {
            where.append(" and p.discarded_at is null");
        }
        search.words().forEach(w -> where.append(" and party_name_has_word_prefix(p.search_name, ?)"));
        List<Long> ids = jdbc.sql("select p.id from party p" + where + " order by p.id limit ?")
                .params(new Conditions(where.toString(), new ArrayList<>(search.words()))
                        .with(PeopleSearch.MAX_TOTAL + 1))
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return fuzzy(search, offset, limit);
        }
        return new PeopleSearch.Result(findAll(ids.stream().limit(PeopleSearch.MAX_TOTAL).skip(offset).limit(limit)
                .toList()), Math.min(ids.size(), PeopleSearch.MAX_TOTAL), ids.size() > PeopleSearch.MAX_TOTAL, false);
    }

    /**
     * Names close to the search's words (pg_trgm's word similarity with the name, over its threshold), the closest
     * first, then by id; at most {@link PeopleSearch#MAX_TOTAL} are ranked.
     */
    private PeopleSearch.Result fuzzy(PeopleSearch search, long offset, int limit) {
        String text = String.join(" ", search.words());
        record Scored(long id, double similarity) {
        }
        List<Scored> found = jdbc.sql("select p.id, word_similarity(?, p.search_name) from party p"
                + " where ? <% p.search_name and not p.is_group"
                + (search.includeDiscarded() ? "" : " and p.discarded_at is null") + " limit ?")
                .params(text, text, PeopleSearch.MAX_TOTAL + 1)
                .query((rs, n) -> new Scored(rs.getLong(1), rs.getDouble(2))).list();
        List<Long> page = found.stream()
                .sorted(Comparator.comparingDouble(Scored::similarity).reversed().thenComparingLong(Scored::id))
                .limit(PeopleSearch.MAX_TOTAL).skip(offset).limit(limit).map(Scored::id).toList();
        Map<Long, Registrant> byId = new HashMap<>();
        findAll(page).forEach(r -> byId.put(r.id(), r));
        return new PeopleSearch.Result(page.stream().map(byId::get).filter(Objects::nonNull).toList(),
                Math.min(found.size(), PeopleSearch.MAX_TOTAL), found.size() > PeopleSearch.MAX_TOTAL, true);
    }

    /** The ids of registrants (individuals and groups, discarded or not) after {@code afterId}, in id order. */
    List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("select id from party where id > ? order by id limit ?").params(afterId, limit)
                .query(Long.class).list();
    }

    /** How many registrants there are (individuals and groups, discarded or not). */
    long count() {
        return jdbc.sql("select count(*) from party").query(Long.class).single();
    }

    Optional<Long> holderOf(long idTypeId, String value, Long exceptRegistrant) {
        return jdbc.sql("""
                select party_id from party_identifier where id_type_id = ? and value = ? and party_id <> ?
                order by party_id limit 1""")
                .params(idTypeId, value, exceptRegistrant == null ? -1L : exceptRegistrant)
                .query(Long.class).optional();
    }

    /**
     * Other non-discarded people whose primary document is this one.
     *
     * <p>The primary-document test is made here, not in SQL: given {@code i.primary_document}, PostgreSQL's generic
     * plan may walk the partial index of primary documents (every Census person) instead of looking the value up —
     * measured at 15,000 buffers per registration with 16,000 Census people.
     */
    List<Long> othersWithDocument(long self, long idTypeId, String scopeCode, String value) {
        return jdbc.sql("""
                select p.id, i.primary_document from party_identifier i join party p on p.id = i.party_id
                where i.id_type_id = ? and i.value = ? and p.id <> ?
                  and p.discarded_at is null and p.document_scope_code is not distinct from ?""")
                .params(idTypeId, value, self, scopeCode)
                .query((rs, n) -> rs.getBoolean(2) ? rs.getLong(1) : null).list().stream()
                .filter(java.util.Objects::nonNull).sorted().limit(50).toList();
    }

    List<Long> othersWithNameAndBirthdate(long self, String searchName, java.time.LocalDate bornAt) {
        return jdbc.sql("""
                select id from party where birthdate = ? and search_name = ? and id <> ? and discarded_at is null
                  and not is_group order by id limit 50""").params(bornAt, searchName, self).query(Long.class).list();
    }

    List<Long> othersWithVerifiedPhone(long self, String number, String e164) {
        return jdbc.sql("""
                select distinct p.id from party_phone f join party p on p.id = f.party_id
                where (f.phone_no = ? or f.phone_sanitized = ?) and f.position = 0 and p.id <> ?
                  and p.discarded_at is null and p.phone_verification = 'verified'
                order by p.id limit 50""").params(number, e164, self).query(Long.class).list();
    }

    /** Serialises creations and changes of one (type, value) pair until the end of the transaction. */
    void lockIdentifierValue(long idTypeId, String value) {
        locks.lockForTransaction(idTypeId + ":" + value, IDENTIFIER_LOCKS);
    }

    Registrant insert(Registrant r) {
        var row = jdbc.sql("""
                insert into party (is_group, name, search_name, given_name, family_name, second_family_name, addl_name,
                  gender, birthdate, birth_place, email, address, postal_code, scope_code, address_scope_code,
                  document_scope_code, registration_date, notification_preference, additional_info, external_ids,
                  state, verification, membership_level, phone_verification, created_at, updated_at, discarded_at,
                  version)
                values (:isGroup, :name, :searchName, :givenName, :familyName, :secondFamilyName, :addlName,
                  :gender, :birthdate, :birthPlace, :email, :address, :postalCode, :scopeCode, :addressScopeCode,
                  :documentScopeCode, :registrationDate, :notificationPreference, cast(:additionalInfo as jsonb),
                  cast(:externalIds as jsonb), :state, :verification, :membershipLevel, :phoneVerification,
                  statement_timestamp(), statement_timestamp(), :discardedAt, 1)
                returning id, created_at, updated_at, additional_info::text""")
                .paramSource(columns(r))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)})
                .single();
        long id = (Long) row[0];
        r.normalizeAdditionalInfo((String) row[3]);
        saveChildren(id, r, true);
        return r.saved(id, 1, (Instant) row[1], (Instant) row[2]);
    }

    Registrant update(Registrant r) {
        Map<String, Object> params = columns(r);
        params.put("id", r.id());
        params.put("version", r.version());
        Optional<Instant> updated = jdbc.sql("""
                update party set name = :name, search_name = :searchName, given_name = :givenName,
                  family_name = :familyName, second_family_name = :secondFamilyName, addl_name = :addlName,
                  gender = :gender, birthdate = :birthdate, birth_place = :birthPlace, email = :email,
                  address = :address, postal_code = :postalCode, scope_code = :scopeCode,
                  address_scope_code = :addressScopeCode, document_scope_code = :documentScopeCode,
                  registration_date = :registrationDate, notification_preference = :notificationPreference,
                  additional_info = cast(:additionalInfo as jsonb), external_ids = cast(:externalIds as jsonb),
                  state = :state, verification = :verification, membership_level = :membershipLevel,
                  phone_verification = :phoneVerification, discarded_at = :discardedAt,
                  updated_at = greatest(statement_timestamp(), updated_at + interval '1 microsecond'),
                  version = version + 1
                where id = :id and version = :version
                returning updated_at, additional_info::text""")
                .paramSource(params)
                .query((rs, i) -> {
                    r.normalizeAdditionalInfo(rs.getString(2));
                    return rs.getTimestamp(1).toInstant();
                })
                .optional();
        if (updated.isEmpty()) {
            throw new OptimisticLockingFailureException(
                    "Registrant " + r.id() + " was changed by someone else (expected version " + r.version() + ")");
        }
        if (r.childrenChanged()) {
            saveChildren(r.id(), r, false);
        }
        return r.saved(r.id(), r.version() + 1, r.createdAt(), updated.get());
    }

    /** Writes the children; a new registrant ({@code fresh}) has none stored to remove. */
    private void saveChildren(long partyId, Registrant r, boolean fresh) {
        List<Identifier> identifiers = sync(IDENTIFIERS, partyId, r.identifiers(), fresh);
        List<Phone> phones = sync(PHONES, partyId, r.phones(), fresh);
        List<ProgrammeEnrolment> programmes = sync(PROGRAMMES, partyId, r.programmes(), fresh);
        r.assignIds(identifiers, phones, programmes);
    }

    /**
     * How one kind of child is stored: its table, the columns set once when it is inserted ({@code fixed}: what it
     * is, e.g. the document's type) and the ones every save writes ({@code columns}), and their values for a child
     * at a position among its siblings ({@code fixed} values first).
     */
    private record ChildTable<C>(String table, Function<C, Long> idOf, BiFunction<C, Long, C> withId,
            List<String> fixed, List<String> columns, BiFunction<C, Integer, Object[]> values) {

        String insert() {
            List<String> all = new ArrayList<>(List.of("party_id"));
            all.addAll(fixed);
            all.addAll(columns);
            return "insert into " + table + " (" + String.join(", ", all) + ") values ("
                    + String.join(", ", Collections.nCopies(all.size(), "?")) + ") returning id";
        }

        String update() {
            return "update " + table + " set " + String.join(" = ?, ", columns) + " = ? where id = ?";
        }
    }

    private static final ChildTable<Identifier> IDENTIFIERS = new ChildTable<>("party_identifier", Identifier::id,
            Identifier::withId, List.of("id_type_id"), List.of("value", "expiry_date", "primary_document"),
            (i, position) -> new Object[] {i.idTypeId(), i.value(), i.expiryDate(), i.primaryDocument()});

    /** Phones keep their order in {@code position} (0 is the main phone). */
    private static final ChildTable<Phone> PHONES = new ChildTable<>("party_phone", Phone::id, Phone::withId,
            List.of(), List.of("position", "phone_no", "phone_sanitized", "date_collected", "disabled"),
            (p, position) -> new Object[] {position, p.number(), p.e164(), p.collected(), p.disabled()});

    private static final ChildTable<ProgrammeEnrolment> PROGRAMMES = new ChildTable<>("programme_membership",
            ProgrammeEnrolment::id, ProgrammeEnrolment::withId, List.of("programme_id"),
            List.of("state", "enrollment_date", "exit_date"),
            (m, position) -> new Object[] {m.programmeId(), m.state(), m.enrollmentDate(), m.exitDate()});

    /**
     * Makes the stored children of one kind these, in this order: deletes the stored ones no longer among them
     * (unless {@code fresh}: nothing is stored yet), updates the ones that have an id and inserts the others.
     * Returns them with their ids.
     */
    private <C> List<C> sync(ChildTable<C> kind, long partyId, List<C> children, boolean fresh) {
        if (!fresh) {
            keepOnly(kind.table(), partyId, children.stream().map(kind.idOf()).toList());
        }
        List<C> saved = new ArrayList<>(children.size());
        for (int position = 0; position < children.size(); position++) {
            C child = children.get(position);
            Object[] values = kind.values().apply(child, position);
            Long id = kind.idOf().apply(child);
            if (id == null) {
                List<Object> params = new ArrayList<>(values.length + 1);
                params.add(partyId);
                params.addAll(Arrays.asList(values));
                saved.add(kind.withId().apply(child, jdbc.sql(kind.insert()).params(params).query(Long.class).single()));
            } else {
                List<Object> params = new ArrayList<>(Arrays.asList(values).subList(kind.fixed().size(), values.length));
                params.add(id);
                jdbc.sql(kind.update()).params(params).update();
                saved.add(child);
            }
        }
        return saved;
    }

    private void keepOnly(String table, long partyId, List<Long> ids) {
        Long[] kept = ids.stream().filter(java.util.Objects::nonNull).toArray(Long[]::new);
        jdbc.sql("delete from " + table + " where party_id = ? and not (id = any(?))").params(partyId, kept).update();
    }

    private Map<String, Object> columns(Registrant r) {
        PersonalData d = r.data();
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("isGroup", r.isGroup());
        p.put("name", d.name());
        p.put("searchName", org.populus.shared.Names.normalize(d.name()));
        p.put("givenName", d.givenName());
        p.put("familyName", d.familyName());
        p.put("secondFamilyName", d.secondFamilyName());
        p.put("addlName", d.additionalName());
        p.put("gender", d.gender());
        p.put("birthdate", d.birthdate());
        p.put("birthPlace", d.birthPlace());
        p.put("email", d.email());
        p.put("address", d.address());
        p.put("postalCode", d.postalCode());
        p.put("scopeCode", d.scopeCode());
        p.put("addressScopeCode", d.addressScopeCode());
        p.put("documentScopeCode", d.documentScopeCode());
        p.put("registrationDate", d.registrationDate());
        p.put("notificationPreference", d.notificationPreference());
        p.put("additionalInfo", d.additionalInfo());
        p.put("externalIds", json.writeValueAsString(r.externalIds()));
        p.put("state", r.status().state().code());
        p.put("verification", r.status().verification().code());
        p.put("membershipLevel", r.status().membershipLevel().code());
        p.put("phoneVerification", r.status().phoneVerification().code());
        p.put("discardedAt", r.discardedAt() == null ? null : Timestamp.from(r.discardedAt()));
        return p;
    }

    private Registrant map(ResultSet rs, int row) throws SQLException {
        PersonalData data = new PersonalData(rs.getString("name"), rs.getString("given_name"),
                rs.getString("family_name"), rs.getString("second_family_name"), rs.getString("addl_name"),
                rs.getString("gender"), rs.getObject("birthdate", java.time.LocalDate.class),
                rs.getString("birth_place"), rs.getString("email"), rs.getString("address"),
                rs.getString("postal_code"), rs.getString("scope_code"), rs.getString("address_scope_code"),
                rs.getString("document_scope_code"), rs.getObject("registration_date", java.time.LocalDate.class),
                rs.getString("notification_preference"), rs.getString("additional_info"));
        CensusStatus status = new CensusStatus(
                CensusStatus.parse(CensusStatus.State.class, rs.getString("state")),
                CensusStatus.parse(CensusStatus.Verification.class, rs.getString("verification")),
                CensusStatus.parse(CensusStatus.MembershipLevel.class, rs.getString("membership_level")),
                CensusStatus.parse(CensusStatus.PhoneVerification.class, rs.getString("phone_verification")));
        Timestamp discarded = rs.getTimestamp("discarded_at");
        Instant created = rs.getTimestamp("created_at").toInstant();
        return new Registrant(rs.getLong("id"), rs.getInt("version"),
                rs.getBoolean("is_group") ? RegistrantKind.GROUP : RegistrantKind.INDIVIDUAL,
                StoredDates.data(data, created),
                list(identifiers, rs.getString("identifiers_json")),
                list(phones, rs.getString("phones_json")),
                list(programmes, rs.getString("programmes_json")),
                externalIds(rs.getString("external_ids")), status,
                created, rs.getTimestamp("updated_at").toInstant(),
                discarded == null ? null : discarded.toInstant());
    }

    private static <T> List<T> list(ObjectReader reader, String json) {
        return "[]".equals(json) ? List.of() : reader.readValue(json);
    }

    private Map<String, Long> externalIds(String json) {
        return json == null || "{}".equals(json) ? Map.of() : externalIds.readValue(json);
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** How many individuals are in each state (codes); groups are not counted. */
    Map<String, Long> countIndividualsByState() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select state, count(*) as n from party where not is_group group by state")
                .query(rs -> {
                    counts.put(rs.getString("state"), rs.getLong("n"));
                });
        return counts;
    }

    /** How many individuals were created on each day (UTC) from {@code since} on; days without any are absent. */
    Map<java.time.LocalDate, Long> countIndividualsCreatedPerDay(Instant since) {
        Map<java.time.LocalDate, Long> counts = new HashMap<>();
        jdbc.sql("""
                select (created_at at time zone 'UTC')::date as day, count(*) as n from party
                where not is_group and created_at >= ? group by day""")
                .param(Timestamp.from(since))
                .query(rs -> {
                    counts.put(rs.getObject("day", java.time.LocalDate.class), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * The individuals holding one of these identity-document values (of any type), this phone (as typed or in
     * E.164) or this e-mail address (case-insensitive), in id order, at most {@code limit}.
     */
    List<Long> idsByIdentifierPhoneOrEmail(Collection<String> documentValues, String phone, String e164,
            String email, boolean includeDiscarded, int limit) {
        return jdbc.sql("""
                select id from party where id in (
                    select party_id from party_identifier where value = any(?)
                    union select party_id from party_phone where phone_no = ? or phone_sanitized = ?
                    union select id from party where lower(email) = ? and email is not null)
                  and not is_group and (? or discarded_at is null)
                order by id limit ?""")
                .params(documentValues.toArray(String[]::new), phone, e164, email, includeDiscarded, limit)
                .query(Long.class).list();
    }

    /** Whether anyone (an individual or a group's member, in any state) carries this gender code, in any case. */
    boolean anyWithGender(String code) {
        return jdbc.sql("select exists (select 1 from party where lower(gender) = lower(?))").param(code)
                .query(Boolean.class).single();
    }
}
