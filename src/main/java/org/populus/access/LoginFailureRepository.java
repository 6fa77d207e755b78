package org.populus.access;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code login_failures} table: one counter per login ({@code address} ''), per client address ({@code login}
 * '') and per (login, address), each with the end of its window. A counter whose window has ended counts as zero.
 */
@Repository
class LoginFailureRepository {

    /** No limit: the counter always takes the attempt. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    private final JdbcClient jdbc;

    LoginFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A counter as it stands: its attempts and how long until its window ends. */
    record Counter(int attempts, Duration left) {
    }

    /**
     * Adds one attempt to a counter unless it already holds {@code limit} in its current window, in one statement
     * (the row stays locked until the transaction ends); a counter whose window has ended starts a new one. The
     * counter after adding, or empty when it was full.
     */
    Optional<Counter> add(String limits, String login, String address, int limit, Duration window) {
        return jdbc.sql("""
                insert into login_failures as f (limits, login, address, attempts, window_ends)
                values (:limits, :login, :address, 1, now() + make_interval(secs => :window))
                on conflict (limits, login, address) do update set
                    attempts = case when f.window_ends <= now() then 1 else f.attempts + 1 end,
                    window_ends = case when f.window_ends <= now() then excluded.window_ends else f.window_ends end
                where f.window_ends <= now() or f.attempts < :limit
                returning attempts, (extract(epoch from window_ends - now()) * 1000)::bigint as left_ms""")
                .param("limits", limits).param("login", login).param("address", address)
                .param("window", (double) window.toMillis() / 1000).param("limit", limit)
                .query((rs, n) -> new Counter(rs.getInt("attempts"), Duration.ofMillis(rs.getLong("left_ms"))))
                .optional();
    }

    /** A counter in its current window, if it has one. */
    Optional<Counter> find(String limits, String login, String address) {
        return jdbc.sql("""
                select attempts, (extract(epoch from window_ends - now()) * 1000)::bigint as left_ms
                from login_failures
                where limits = :limits and login = :login and address = :address and window_ends > now()""")
                .param("limits", limits).param("login", login).param("address", address)
                .query((rs, n) -> new Counter(rs.getInt("attempts"), Duration.ofMillis(rs.getLong("left_ms"))))
                .optional();
    }

    /** Takes attempts back from a counter (attempts that turned out not to be failures), down to zero. */
    void takeBack(String limits, String login, String address, int attempts) {
        jdbc.sql("""
                update login_failures set attempts = greatest(attempts - :attempts, 0)
                where limits = :limits and login = :login and address = :address and attempts > 0
                  and window_ends > now()""")
                .param("limits", limits).param("login", login).param("address", address)
                .param("attempts", attempts).update();
    }

    /** Forgets a counter; the attempts it held in its window (0 if none). */
    int forget(String limits, String login, String address) {
        return jdbc.sql("""
                delete from login_failures where limits = :limits and login = :login and address = :address
                returning case when window_ends > now() then attempts else 0 end""")
                .param("limits", limits).param("login", login).param("address", address)
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * Removes up to {@code batch} counters whose window has ended; how many were removed. Rows another transaction
     * holds are skipped, so the clean-up never waits for a login (nor a login for it in a cycle).
     */
    int removeEnded(int batch) {
        return jdbc.sql("""
                delete from login_failures where ctid in (
                    select ctid from login_failures where window_ends <= now() limit :batch for update skip locked)""")
                .param("batch", batch).update();
    }
}
