package org.populus.person;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.populus.history.History;
import org.populus.history.Provenance;
import org.populus.platform.db.CopyWriter;
import org.populus.shared.Names;
import org.populus.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk creation of registrants, for imports of many people at once. Each registrant is checked against the same
 * rules as {@link Registrants#create} ({@link #check}); a batch is then written set-wise ({@link #insert}): ids
 * drawn from the sequences, rows streamed with {@code COPY} into temporary staging tables, unique-valued documents
 * checked against the registry and within the batch, then {@code insert … select} into the person tables, and
 * version 1 of every registrant appended to history — the same snapshot {@link Registrants} writes.
 *
 * <p>Unique-valued documents are checked against what is committed when the batch is written; an import is meant
 * for a registry where nobody registers the same documents at the same time.
 */
@Service
public class RegistrantImport {

    private final RegistrantRules rules;
    private final History history;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RegistrantImport(RegistrantRules rules, History history, JsonMapper json, JdbcClient jdbc,
            DataSource dataSource) {
        this.rules = rules;
        this.history = history;
        this.json = json;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A registrant checked against the rules and the catalogues, not stored yet; {@code line} names it in errors. */
    public static final class Checked {
        private final int line;
        private final RegistrantKind kind;
        private final PersonalData data;
        private final List<Identifier> identifiers;
        private final List<Phone> phones;
        private final Map<String, Long> externalIds;
        private final CensusStatus status;

        private Checked(int line, RegistrantKind kind, PersonalData data, List<Identifier> identifiers,
                List<Phone> phones, Map<String, Long> externalIds, CensusStatus status) {
            this.line = line;
            this.kind = kind;
            this.data = data;
            this.identifiers = identifiers;
            this.phones = phones;
            this.externalIds = externalIds;
            this.status = status;
        }

        public int line() {
            return line;
        }
    }

    /** A refusal found when a batch is written (e.g. a document another registrant holds), with its line. */
    public static final class LineRefused extends RuntimeException {
        private final int line;

        LineRefused(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Checks a draft like {@link Registrants#create} does (texts, name, gender, dates, ID types and values, phones).
     * Programme enrolments are not imported.
     *
     * @throws RuleViolation when the draft breaks a rule
     */
    public Checked check(RegistrantDraft draft, int line) {
        if (!draft.programmes().isEmpty()) {
            throw new IllegalArgumentException("Programme enrolments are not imported");
        }
        PersonalData data = rules.checkData(draft.data());
        List<Identifier> identifiers = rules.identifiers(draft.identifiers());
        List<Phone> phones = rules.phones(draft.phones());
        return new Checked(line, draft.kind(), data, identifiers, phones, draft.externalIds(), draft.status());
    }

    /** Which of these keys of an external-id system registrants (individuals or groups) already have. */
    public Set<Long> existingExternalIds(String system, Collection<Long> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select k from unnest(?::bigint[]) k
                where exists (select 1 from party p where p.external_ids @> jsonb_build_object(?::text, k))""")
                .params(keys.toArray(Long[]::new), system).query(Long.class).list());
    }

    /**
     * Stores the registrants as version 1, created at {@code at} (a timestamp of microsecond precision), and
     * appends their versions to history with this provenance. Must run in the caller's transaction.
     *
     * @return the registrants as stored, in the same order
     * @throws LineRefused when a unique-valued document is already registered or repeated in the batch; the
     *         transaction must then be rolled back
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Registrant> insert(List<Checked> people, Instant at, Provenance provenance) {
        if (people.isEmpty()) {
            return List.of();
        }
        int identifierCount = people.stream().mapToInt(p -> p.identifiers.size()).sum();
        int phoneCount = people.stream().mapToInt(p -> p.phones.size()).sum();
        long[] partyIds = nextIds("party", people.size());
        long[] identifierIds = nextIds("party_identifier", identifierCount);
        long[] phoneIds = nextIds("party_phone", phoneCount);
        createStagingTables();

        List<Registrant> saved = new ArrayList<>(people.size());
        CopyWriter party = CopyWriter.start(dataSource, "copy import_party from stdin");
        int nextIdentifier = 0;
        int nextPhone = 0;
        for (int i = 0; i < people.size(); i++) {
            Checked c = people.get(i);
            long id = partyIds[i];
            List<Identifier> identifiers = new ArrayList<>(c.identifiers.size());
            for (Identifier x : c.identifiers) {
                identifiers.add(x.withId(identifierIds[nextIdentifier++]));
            }
            List<Phone> phones = new ArrayList<>(c.phones.size());
            for (Phone x : c.phones) {
                phones.add(x.withId(phoneIds[nextPhone++]));
            }
            Registrant r = new Registrant(id, 1, c.kind, c.data, identifiers, phones, List.of(), c.externalIds,
                    c.status, at, at, c.status.discarded() ? at : null);
            saved.add(r);
            PersonalData d = c.data;
            party.add(c.line).add(id).add(c.kind == RegistrantKind.GROUP).add(d.name()).add(Names.normalize(d.name()))
                    .add(d.givenName()).add(d.familyName()).add(d.secondFamilyName()).add(d.additionalName())
                    .add(d.gender()).add(d.birthdate()).add(d.birthPlace()).add(d.email()).add(d.address())
                    .add(d.postalCode()).add(d.scopeCode()).add(d.addressScopeCode()).add(d.documentScopeCode())
                    .add(d.registrationDate()).add(d.notificationPreference()).add(d.additionalInfo())
                    .add(json.writeValueAsString(r.externalIds())).add(c.status.state().code())
                    .add(c.status.verification().code()).add(c.status.membershipLevel().code())
                    .add(c.status.phoneVerification().code()).add(r.discardedAt())
                    .endRow();
        }
        party.finish();

        // one COPY at a time per connection: the identifiers, then the phones
        CopyWriter identifiers = CopyWriter.start(dataSource, "copy import_identifier from stdin");
        for (int i = 0; i < saved.size(); i++) {
            Registrant r = saved.get(i);
            for (Identifier x : r.identifiers()) {
                identifiers.add(people.get(i).line).add(x.id()).add(r.id()).add(x.idTypeId()).add(x.value())
                        .add(x.expiryDate()).add(x.primaryDocument()).endRow();
            }
        }
        identifiers.finish();
        CopyWriter phones = CopyWriter.start(dataSource, "copy import_phone from stdin");
        for (Registrant r : saved) {
            int position = 0;
            for (Phone x : r.phones()) {
                phones.add(x.id()).add(r.id()).add(position++).add(x.number()).add(x.e164()).add(x.collected())
                        .add(x.disabled()).endRow();
            }
        }
        phones.finish();

        refuseTakenDocuments();
        insertParty(at);
        jdbc.sql("""
                insert into party_identifier (id, party_id, id_type_id, value, expiry_date, primary_document)
                select id, party_id, id_type_id, value, expiry_date, primary_document from import_identifier
                order by id""").update();
        jdbc.sql("""
                insert into party_phone (id, party_id, position, phone_no, phone_sanitized, date_collected, disabled)
                select id, party_id, position, phone_no, phone_sanitized, date_collected, disabled from import_phone
                order by id""").update();
        history.appendAll(() -> saved.stream().map(r -> new History.NewVersion(Registrants.HISTORY_SUBJECT, r.id(),
                r.version(), at, json.writeValueAsString(RegistrantSnapshot.of(r)))).iterator(), provenance);
        return saved;
    }

    /**
     * Inserts the staged registrants. The GIN indexes of {@code party} (name search, external ids) are kept with
     * {@code fastupdate} off so searches never scan a pending list; adding 50,000 rows to them one by one costs
     * six times more than merging them in bulk. So, for this transaction only, their pending list is switched
     * on, the rows inserted, the list merged into the index ({@code gin_clean_pending_list}) and the setting
     * switched back off: other sessions never see the change (it commits or rolls back with the batch), and the
     * lock it takes ({@code share update exclusive}, on the index) blocks neither reads nor writes. Indexes the
     * database user does not own (it may not alter them) are left as they are: the rows go in one by one.
     */
    private void insertParty(Instant at) {
        List<String> gin = jdbc.sql("""
                select quote_ident(n.nspname) || '.' || quote_ident(c.relname) from pg_index i
                join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
                join pg_am a on a.oid = c.relam
                where i.indrelid = 'party'::regclass and a.amname = 'gin' and 'fastupdate=off' = any(c.reloptions)
                  and pg_has_role(current_user, c.relowner, 'USAGE')
                order by c.relname""").query(String.class).list();
        for (String index : gin) {
            jdbc.sql("alter index " + index + " set (fastupdate = on)").update();
        }
        // a large pending list is merged in few, large, sorted steps
        jdbc.sql("set local gin_pending_list_limit = '64MB'").update();
        jdbc.sql("set local work_mem = '64MB'").update();
        jdbc.sql("""
                insert into party (id, is_group, name, search_name, given_name, family_name, second_family_name,
                  addl_name, gender, birthdate, birth_place, email, address, postal_code, scope_code,
                  address_scope_code, document_scope_code, registration_date, notification_preference,
                  additional_info, external_ids, state, verification, membership_level, phone_verification,
                  created_at, updated_at, discarded_at, version)
                select id, is_group, name, search_name, given_name, family_name, second_family_name, addl_name,
                  gender, birthdate, birth_place, email, address, postal_code, scope_code, address_scope_code,
                  document_scope_code, registration_date, notification_preference, additional_info, external_ids,
                  state, verification, membership_level, phone_verification, ?, ?, discarded_at, 1
                from import_party order by id""").params(java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
                .update();
        for (String index : gin) {
            jdbc.sql("select gin_clean_pending_list(?::regclass)").param(index).query(Long.class).single();
            jdbc.sql("alter index " + index + " set (fastupdate = off)").update();
        }
    }

    /**
     * Refreshes the planner's statistics of the person tables, as autovacuum would some time after a bulk import,
     * so that searches are planned for the new size at once.
     */
    public void analyze() {
        jdbc.sql("analyze party, party_identifier, party_phone").update();
    }

    private long[] nextIds(String table, int count) {
        if (count == 0) {
            return new long[0];
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")
                .params(table, count).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    private void createStagingTables() {
        jdbc.sql("""
                create temp table if not exists import_party (line int, id bigint, is_group boolean, name text,
                  search_name text, given_name text, family_name text, second_family_name text, addl_name text,
                  gender text, birthdate date, birth_place text, email text, address text, postal_code text,
                  scope_code text, address_scope_code text, document_scope_code text, registration_date date,
                  notification_preference text, additional_info jsonb, external_ids jsonb, state text,
                  verification text, membership_level text, phone_verification text, discarded_at timestamptz)
                  on commit delete rows""").update();
        jdbc.sql("""
                create temp table if not exists import_identifier (line int, id bigint, party_id bigint,
                  id_type_id bigint, value text, expiry_date date, primary_document boolean) on commit delete rows""")
                .update();
        jdbc.sql("""
                create temp table if not exists import_phone (id bigint, party_id bigint, position int, phone_no text,
                  phone_sanitized text, date_collected date, disabled date) on commit delete rows""").update();
    }

    /** Refuses the batch when a unique-valued document is held by a registrant already, or given twice in it. */
    private void refuseTakenDocuments() {
        jdbc.sql("analyze import_identifier").update();
        jdbc.sql("""
                select s.line, t.name, s.value, i.party_id from import_identifier s
                join id_type t on t.id = s.id_type_id and t.unique_values
                join party_identifier i on i.id_type_id = s.id_type_id and i.value = s.value
                order by s.line limit 1""")
                .query((rs, n) -> new LineRefused(rs.getInt(1), "The " + rs.getString(2) + " ID '" + rs.getString(3)
                        + "' is already registered to registrant " + rs.getLong(4) + "."))
                .optional().ifPresent(e -> {
                    throw e;
                });
        jdbc.sql("""
                select (array_agg(s.line order by s.line))[2], t.name, s.value, min(s.line) from import_identifier s
                join id_type t on t.id = s.id_type_id and t.unique_values
                group by t.name, s.value having count(*) > 1 order by 1 limit 1""")
                .query((rs, n) -> new LineRefused(rs.getInt(1), "The " + rs.getString(2) + " ID '" + rs.getString(3)
                        + "' is already given on line " + rs.getInt(4) + "."))
                .optional().ifPresent(e -> {
                    throw e;
                });
    }
}
