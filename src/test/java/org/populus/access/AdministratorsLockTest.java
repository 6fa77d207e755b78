package org.populus.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.populus.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AdministratorsLockTest extends HttpTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorsLockIsTheKeyEarlierVersionsHashedFromItsName() {
        long earlier = jdbc.sql("select hashtext('populus:administrators')::bigint").query(Long.class).single();
        assertThat(UserAccounts.ADMINISTRATORS_LOCK).isEqualTo(earlier);
    }
}
