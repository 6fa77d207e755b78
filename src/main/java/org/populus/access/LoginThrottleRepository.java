package org.populus.access;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code login_throttle} table: Bucket4j keeps its token buckets there (one row per key, its state and when it
 * may be forgotten); this class names the table and columns for it and holds the one query of our own.
 */
@Repository
class LoginThrottleRepository {

    private final JdbcClient jdbc;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    LoginThrottleRepository(DataSource dataSource, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("login_throttle").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    /** The buckets, stored in {@code login_throttle}. */
    PostgreSQLSelectForUpdateBasedProxyManager<String> buckets() {
        return buckets;
    }

    /** Which of the two keys have a bucket (that is, failed lately); the same key twice to ask about one. */
    List<String> withBucket(String key, String otherKey) {
        return jdbc.sql("select id from login_throttle where id in (?, ?) and state is not null")
                .params(key, otherKey).query(String.class).list();
    }
}
