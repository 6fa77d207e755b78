package org.populus.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The helper takes the very keys the earlier hand-written statements took, so old and new code exclude each other. */
class AdvisoryLocksTest extends HttpTest {

    @Autowired
    AdvisoryLocks locks;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aTextKeyInASpaceHoldsOffTheStatementThatHashesItWithThatSeed() throws Exception {
        String key = "advisory-test:" + System.nanoTime();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            locks.lockForTransaction(key, 17);
            assertThat(tryElsewhere("select pg_try_advisory_xact_lock(hashtextextended(?, 17))", key)).isFalse();
            assertThat(tryElsewhere("select pg_try_advisory_xact_lock(hashtextextended(?, 23))", key)).isTrue();
        });
        assertThat(tryElsewhere("select pg_try_advisory_xact_lock(hashtextextended(?, 17))", key)).isTrue();
    }

    @Test
    void aTextKeyWithoutSpaceHoldsOffTheStatementThatHashesItWithSeedZero() throws Exception {
        String key = "advisory-test:" + System.nanoTime();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            locks.lockForTransaction(key);
            assertThat(tryElsewhere("select pg_try_advisory_xact_lock(hashtextextended(?, 0))", key)).isFalse();
        });
    }

    @Test
    void aNumericKeyHoldsOffTheSameBigintKey() throws Exception {
        long key = System.nanoTime();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            locks.lockForTransaction(key);
            assertThat(tryElsewhere("select pg_try_advisory_xact_lock(?)", key)).isFalse();
            assertThat(tryElsewhere("select pg_try_advisory_xact_lock(?)", key + 1)).isTrue();
        });
    }

    @Test
    void aSharedSessionLockIsCountedWhileItsConnectionHoldsIt() throws Exception {
        int classId = 0x54657374; // "Test"
        int objectId = (int) System.nanoTime();
        assertThat(locks.sharedHolders(classId, objectId)).isZero();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            AdvisoryLocks.holdShared(c, classId, objectId);
            assertThat(locks.sharedHolders(classId, objectId)).isEqualTo(1);
            AdvisoryLocks.releaseAll(c);
            assertThat(locks.sharedHolders(classId, objectId)).isZero();
        }
    }

    @Test
    void aSharedHolderIsLiveWhileItsConnectionStartedAStatementWithinTheBound() throws Exception {
        int classId = 0x54657374; // "Test"
        int objectId = (int) System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            AdvisoryLocks.holdShared(c, classId, objectId);
            int pid = c.unwrap(org.postgresql.PGConnection.class).getBackendPID();
            assertThat(locks.sharedHoldersActiveWithin(classId, objectId, java.time.Duration.ofSeconds(5)))
                    .containsExactly(pid);
            Thread.sleep(700);
            assertThat(locks.sharedHoldersActiveWithin(classId, objectId, java.time.Duration.ofMillis(500)))
                    .as("silent for longer than the bound").isEmpty();
            try (var s = c.createStatement()) {
                s.execute("select 1");
            }
            assertThat(locks.sharedHoldersActiveWithin(classId, objectId, java.time.Duration.ofMillis(500)))
                    .containsExactly(pid);
            AdvisoryLocks.releaseAll(c);
        }
    }

    /** Tries the lock on another connection, in its own statement (released at once when it was granted). */
    private boolean tryElsewhere(String sql, Object key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
