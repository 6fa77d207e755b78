package org.populus.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_key} table. */
@Repository
class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiKey insert(String name, String origin, String hash, String prefix, String createdBy) {
        return jdbc.sql("""
                insert into api_key (name, origin, key_hash, prefix, created_by) values (?, ?, ?, ?, ?)
                returning *""")
                .params(name, origin, hash, prefix, createdBy)
                .query(ApiKeyRepository::map).single();
    }

    List<ApiKey> list() {
        return jdbc.sql("select * from api_key order by id").query(ApiKeyRepository::map).list();
    }

    Optional<ApiKey> find(long id) {
        return jdbc.sql("select * from api_key where id = ?").param(id).query(ApiKeyRepository::map).optional();
    }

    /** Revokes the key if it is in use; empty when it is unknown or was revoked already. */
    Optional<ApiKey> revoke(long id, String revokedBy) {
        return jdbc.sql("""
                update api_key set revoked_at = now(), revoked_by = ?, version = version + 1
                where id = ? and revoked_at is null
                returning *""").params(revokedBy, id).query(ApiKeyRepository::map).optional();
    }

    Optional<ApiKey> findInUse(String hash) {
        return jdbc.sql("select * from api_key where key_hash = ? and revoked_at is null").param(hash)
                .query(ApiKeyRepository::map).optional();
    }

    /** Records that the key was used now, unless that was recorded less than a minute ago. */
    void touch(long id) {
        jdbc.sql("""
                update api_key set last_used_at = now()
                where id = ? and revoked_at is null
                  and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                .param(id).update();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("origin"),
                rs.getString("prefix"),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"),
                instant(rs.getTimestamp("last_used_at")), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
