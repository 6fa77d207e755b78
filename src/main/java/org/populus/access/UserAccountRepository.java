package org.populus.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. Logins are compared case-insensitively. */
@Repository
class UserAccountRepository {

    /** What an account may change, each one column (never input: the names are this class's own). */
    enum Column {
        ROLES("roles"), DISABLED("disabled"), PASSWORD_HASH("password_hash"), DISPLAY_NAME("display_name");

        private final String sqlName;

        Column(String sqlName) {
            this.sqlName = sqlName;
        }
    }

    /** An account with its password hash, for checking a password. */
    record WithHash(UserAccount account, String hash) {
    }

    private final JdbcClient jdbc;
    private final RowMapper<UserAccount> mapper = UserAccountRepository::map;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WithHash> findWithHash(String login) {
        return jdbc.sql("select *, password_hash from app_user where lower(login) = lower(?)")
                .param(login).query((rs, i) -> new WithHash(map(rs, i), rs.getString("password_hash"))).optional();
    }

    Optional<UserAccount> find(String login) {
        return jdbc.sql("select * from app_user where lower(login) = lower(?)").param(login).query(mapper).optional();
    }

    List<UserAccount> list() {
        return jdbc.sql("select * from app_user order by lower(login)").query(mapper).list();
    }

    boolean anyEnabledAdmin() {
        return jdbc.sql("select exists(select 1 from app_user where 'admin' = any(roles) and not disabled)")
                .query(Boolean.class).single();
    }

    void insert(String login, String displayName, String passwordHash, String[] roles) {
        jdbc.sql("insert into app_user (login, display_name, password_hash, roles) values (?, ?, ?, ?)")
                .params(login, displayName, passwordHash, roles).update();
    }

    /**
     * Sets one column if the account still has this version; {@code access} also bumps {@code access_version}
     * (which ends the account's sessions). Returns the rows changed: 0 when the version is stale.
     */
    int update(long id, int version, Column column, Object value, boolean access) {
        return jdbc.sql("update app_user set " + column.sqlName + " = ?, updated_at = now(), version = version + 1"
                + (access ? ", access_version = access_version + 1" : "") + " where id = ? and version = ?")
                .params(value, id, version).update();
    }

    /** The roles of a stored {@code roles} array, unknown codes left out; none for a null array. */
    static Set<Role> roles(Array roles) throws SQLException {
        return roles == null ? EnumSet.noneOf(Role.class) : Arrays.stream((String[]) roles.getArray()).map(Role::of)
                .flatMap(Optional::stream).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("login"), rs.getString("display_name"), roles(rs.getArray("roles")),
                rs.getBoolean("disabled"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"), rs.getInt("access_version"));
    }
}
