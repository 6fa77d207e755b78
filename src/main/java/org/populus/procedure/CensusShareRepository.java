package org.populus.procedure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code census_share} table, and the registrations' {@code origin} as isolation reads it. */
@Repository
class CensusShareRepository {

    private final JdbcClient jdbc;

    CensusShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether a client of {@code origin} reaches the person beyond its external ids (which the caller checked):
     * their registration came through it, they were shared with it, or an origin shared whole with it reaches them
     * (by the person's external ids, {@code systems}, or by where their registration came through). One statement.
     */
    boolean reaches(String origin, long personId, Collection<String> systems) {
        return Boolean.TRUE.equals(jdbc.sql("""
                select exists (select 1 from procedure r
                               where r.party_id = :person and r.type = 'registration' and r.origin = :origin)
                    or exists (select 1 from census_share s where s.origin = :origin and s.party_id = :person)
                    or exists (select 1 from census_share s
                               where s.origin = :origin and s.person_origin is not null
                                 and (s.person_origin = any(:systems)
                                      or exists (select 1 from procedure r
                                                 where r.party_id = :person and r.type = 'registration'
                                                   and r.origin = s.person_origin)))""")
                .param("origin", origin).param("person", personId)
                .param("systems", systems.toArray(String[]::new))
                .query(Boolean.class).single());
    }

    /** Inserts a share; empty when the same one exists already. */
    Optional<CensusShare> insert(String origin, Long personId, String personOrigin, String createdBy) {
        return jdbc.sql("""
                insert into census_share (origin, party_id, person_origin, created_by) values (?, ?, ?, ?)
                on conflict do nothing
                returning *""").params(origin, personId, personOrigin, createdBy)
                .query(CensusShareRepository::map).optional();
    }

    List<CensusShare> list(String origin) {
        return jdbc.sql("select * from census_share where (cast(? as text) is null or origin = ?) order by id")
                .params(origin, origin).query(CensusShareRepository::map).list();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from census_share where id = ?").param(id).update() > 0;
    }

    private static CensusShare map(ResultSet rs, int row) throws SQLException {
        long person = rs.getLong("party_id");
        return new CensusShare(rs.getLong("id"), rs.getString("origin"), rs.wasNull() ? null : person,
                rs.getString("person_origin"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
