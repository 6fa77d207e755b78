package org.populus.platform.db;

import java.sql.PreparedStatement;
import java.util.List;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Queries that PostgreSQL plans anew for every execution, with the values given.
 *
 * <p>pgjdbc turns a statement into a named server-side prepared statement after it has run five times on a
 * connection; PostgreSQL may then switch that statement to a generic plan, made without the values. For a search
 * whose best plan depends on how common the searched value is (a rare name: through an index; a common one: by
 * walking the primary key), the generic plan is the wrong one for half of the values — measured as a walk of the
 * whole table for every rare name. The statements run here are never server-prepared (pgjdbc's
 * {@code prepareThreshold} 0 on this statement only: an unnamed statement, planned at each execution with its
 * parameters), so each execution gets the plan its values call for. The rest of the application keeps its
 * prepared statements; {@code plan_cache_mode} is left alone.
 */
@Component
public class PlannedQueries {

    private final JdbcTemplate jdbc;

    public PlannedQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of {@code sql} with these positional parameters ({@code String[]}: a text array), planned for these values. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    statement.setObject(i + 1, params[i]);
                }
            }
            return statement;
        }, mapper);
    }
}
