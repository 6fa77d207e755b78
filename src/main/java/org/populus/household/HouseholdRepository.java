package org.populus.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.populus.platform.db.CopyWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Explicit SQL for households and memberships. */
@Repository
class HouseholdRepository {

    private static final String SELECT = """
            select h.party_id, h.version, h.kind_id, h.is_partial_group,
              m.id as membership_id, m.individual_id, m.start_date, m.ended_date,
              (select array_agg(k.member_kind_id order by k.member_kind_id) from group_membership_kind k
               where k.membership_id = m.id) as kind_ids
            from household h left join group_membership m on m.group_id = h.party_id
            """;

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;

    HouseholdRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Stores new households (version 1) in bulk, for an import: membership ids drawn from the sequence, rows
     * streamed with {@code COPY} into temporary staging tables, then {@code insert … select}. Must run in a
     * transaction.
     *
     * @return the households as stored, with their memberships' ids
     */
    List<Household> insertAll(List<Household> households, java.util.function.LongPredicate uniqueKind) {
        if (households.isEmpty()) {
            return List.of();
        }
        int memberships = households.stream().mapToInt(h -> h.members().size()).sum();
        List<Long> ids = memberships == 0 ? List.of() : jdbc.sql(
                "select nextval(pg_get_serial_sequence('group_membership', 'id')) from generate_series(1, ?)")
                .param(memberships).query(Long.class).list();
        jdbc.sql("""
                create temp table if not exists import_household (party_id bigint, kind_id bigint,
                  is_partial_group boolean) on commit delete rows""").update();
        jdbc.sql("""
                create temp table if not exists import_membership (id bigint, group_id bigint, individual_id bigint,
                  start_date date, ended_date date) on commit delete rows""").update();
        jdbc.sql("""
                create temp table if not exists import_membership_kind (membership_id bigint, group_id bigint,
                  member_kind_id bigint, unique_kind boolean) on commit delete rows""").update();
        List<Household> saved = new ArrayList<>(households.size());
        int next = 0;
        for (Household h : households) {
            List<Membership> members = new ArrayList<>(h.members().size());
            for (Membership m : h.members()) {
                members.add(m.withId(ids.get(next++)));
            }
            saved.add(new Household(h.groupId(), 1, h.kindId(), h.partialGroup(), members));
        }
        // decided before any COPY starts: nothing else may use the connection while one runs
        java.util.Set<Long> uniqueKinds = new java.util.HashSet<>();
        saved.stream().flatMap(h -> h.members().stream()).flatMap(m -> m.kindIds().stream()).distinct()
                .filter(uniqueKind::test).forEach(uniqueKinds::add);
        CopyWriter copy = CopyWriter.start(dataSource, "copy import_household from stdin");
        for (Household h : saved) {
            copy.add(h.groupId()).add(h.kindId()).add(h.partialGroup()).endRow();
        }
        copy.finish();
        copy = CopyWriter.start(dataSource, "copy import_membership from stdin");
        for (Household h : saved) {
            for (Membership m : h.members()) {
                copy.add(m.id()).add(h.groupId()).add(m.individualId()).add(m.startDate()).add(m.endedDate()).endRow();
            }
        }
        copy.finish();
        copy = CopyWriter.start(dataSource, "copy import_membership_kind from stdin");
        for (Household h : saved) {
            for (Membership m : h.members()) {
                for (long kind : m.kindIds()) {
                    copy.add(m.id()).add(h.groupId()).add(kind)
                            .add(uniqueKinds.contains(kind) && m.endedDate() == null).endRow();
                }
            }
        }
        copy.finish();
        jdbc.sql("""
                insert into household (party_id, kind_id, is_partial_group, version)
                select party_id, kind_id, is_partial_group, 1 from import_household order by party_id""").update();
        jdbc.sql("""
                insert into group_membership (id, group_id, individual_id, start_date, ended_date)
                select id, group_id, individual_id, start_date, ended_date from import_membership order by id""")
                .update();
        jdbc.sql("""
                insert into group_membership_kind (membership_id, group_id, member_kind_id, unique_kind)
                select membership_id, group_id, member_kind_id, unique_kind from import_membership_kind
                order by membership_id""").update();
        return saved;
    }

    Optional<Household> find(long groupId) {
        return findAll(List.of(groupId)).stream().findFirst();
    }

    List<Household> findAll(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Builder> byGroup = new LinkedHashMap<>();
        jdbc.sql(SELECT + " where h.party_id = any(?) order by h.party_id, m.id")
                .param(groupIds.toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    long groupId = rs.getLong("party_id");
                    Builder b = byGroup.computeIfAbsent(groupId, id -> new Builder(id, rs));
                    long membershipId = rs.getLong("membership_id");
                    if (!rs.wasNull()) {
                        b.members.add(new Membership(membershipId, rs.getLong("individual_id"), kindIds(rs),
                                rs.getObject("start_date", java.time.LocalDate.class),
                                rs.getObject("ended_date", java.time.LocalDate.class)));
                    }
                });
        return byGroup.values().stream().map(Builder::build).toList();
    }

    Household insert(Household h, java.util.function.LongPredicate uniqueKind) {
        jdbc.sql("insert into household (party_id, kind_id, is_partial_group, version) values (?, ?, ?, 1)")
                .params(h.groupId(), h.kindId(), h.partialGroup()).update();
        List<Membership> saved = new ArrayList<>();
        for (Membership m : h.members()) {
            long id = jdbc.sql("""
                    insert into group_membership (group_id, individual_id, start_date, ended_date)
                    values (?, ?, ?, ?) returning id""")
                    .params(h.groupId(), m.individualId(), m.startDate(), m.endedDate())
                    .query(Long.class).single();
            for (long kind : m.kindIds()) {
                jdbc.sql("""
                        insert into group_membership_kind (membership_id, group_id, member_kind_id, unique_kind)
                        values (?, ?, ?, ?)""")
                        .params(id, h.groupId(), kind, uniqueKind.test(kind) && m.endedDate() == null).update();
            }
            saved.add(m.withId(id));
        }
        return new Household(h.groupId(), 1, h.kindId(), h.partialGroup(), saved);
    }

    /** Refreshes the planner's statistics of the household tables (after an import). */
    void analyze() {
        jdbc.sql("analyze household, group_membership, group_membership_kind").update();
    }

    private static List<Long> kindIds(ResultSet rs) throws SQLException {
        java.sql.Array array = rs.getArray("kind_ids");
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    private static final class Builder {
        final long groupId;
        final int version;
        final Long kindId;
        final Boolean partial;
        final List<Membership> members = new ArrayList<>();

        Builder(long groupId, ResultSet rs) {
            try {
                this.groupId = groupId;
                this.version = rs.getInt("version");
                long kind = rs.getLong("kind_id");
                this.kindId = rs.wasNull() ? null : kind;
                boolean p = rs.getBoolean("is_partial_group");
                this.partial = rs.wasNull() ? null : p;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Household build() {
            return new Household(groupId, version, kindId, partial, members);
        }
    }

    /** The groups this individual is or was a member of, in id order. */
    List<Long> groupIdsOf(long individualId) {
        return jdbc.sql("select group_id from group_membership where individual_id = ? order by group_id")
                .param(individualId).query(Long.class).list();
    }
}
