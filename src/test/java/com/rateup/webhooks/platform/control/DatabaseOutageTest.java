package com.rateup.webhooks.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aConnectionFailureAnywhereInTheCausesIsAnOutage() {
        var refused = new SQLException("Connection to 127.0.0.1:55432 refused", "08001");
        assertThat(DatabaseOutage.reasonOf(new PersistenceException(new RuntimeException(refused)))).isPresent();
        assertThat(DatabaseOutage.reasonOf(new SQLTransientConnectionException("pool timed out"))).isPresent();
        assertThat(DatabaseOutage.reasonOf(new SQLException("This connection has been closed.", "08003"))).isPresent();
    }

    @Test
    void aPostgreSqlServerThatIsStoppingOrStartingIsAnOutage() {
        assertThat(DatabaseOutage.reasonOf(new PersistenceException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isPresent();
        assertThat(DatabaseOutage.reasonOf(new SQLException("FATAL: the database system is shutting down", "57P03"))).isPresent();
    }

    @Test
    void aCommitTheDatabaseCutShortIsAnOutage() {
        // Payara, PostgreSQL stopped during COMMIT: TransactionalException > SystemException > XAException(XAER_RMERR)
        var cutShort = new javax.transaction.xa.XAException("LocalTransactionException: FATAL: terminating connection due to administrator command");
        cutShort.errorCode = javax.transaction.xa.XAException.XAER_RMERR;
        assertThat(DatabaseOutage.reasonOf(new IllegalStateException("commit failed", new IllegalStateException(cutShort)))).isPresent();
        var rolledBack = new javax.transaction.xa.XAException(javax.transaction.xa.XAException.XA_RBDEADLOCK);
        assertThat(DatabaseOutage.reasonOf(rolledBack)).isEmpty();
    }

    @Test
    void anEmbeddedStoreThatCannotBeWrittenIsAnOutage() {
        assertThat(DatabaseOutage.reasonOf(new SQLException("The database is read only", "90097"))).isPresent();
        assertThat(DatabaseOutage.reasonOf(new SQLException("General error", "HY000",
                new IOException("No space left on device")))).isPresent();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.reasonOf(new SQLException("duplicate key value", "23505"))).isEmpty();
        assertThat(DatabaseOutage.reasonOf(new SQLException("canceling statement due to statement timeout", "57014"))).isEmpty();
        assertThat(DatabaseOutage.reasonOf(new IllegalStateException("bug"))).isEmpty();
        assertThat(DatabaseOutage.reasonOf(new IOException("Broken pipe"))).isEmpty();
    }
}
