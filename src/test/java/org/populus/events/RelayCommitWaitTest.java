package org.populus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The relay's connection does not wait for its commits to reach the disk while it relays, and waits again once it
 * goes back to the pool, where a write path may get it.
 */
class RelayCommitWaitTest extends HttpTest {

    @Autowired
    DataSource dataSource;

    private static String synchronousCommit(Connection connection) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("show synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whileRelayingTheConnectionDoesNotWaitForCommitsAndAfterItWaitsAsTheServerSays() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            String serverSetting = synchronousCommit(connection);
            String[] during = new String[1];
            EventRelay.withoutCommitWait(connection, () -> during[0] = synchronousCommit(connection));
            assertThat(during[0]).isEqualTo("off");
            assertThat(synchronousCommit(connection)).isEqualTo(serverSetting).isNotEqualTo("off");
        }
    }

    @Test
    void givenTheRelayingFailsThenTheConnectionWaitsForCommitsAgain() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            String serverSetting = synchronousCommit(connection);
            assertThatThrownBy(() -> EventRelay.withoutCommitWait(connection, () -> {
                throw new IllegalStateException("the broker's round failed");
            })).hasMessage("the broker's round failed");
            assertThat(synchronousCommit(connection)).isEqualTo(serverSetting);
        }
    }
}
