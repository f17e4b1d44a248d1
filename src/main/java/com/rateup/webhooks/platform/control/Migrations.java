package com.rateup.webhooks.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else runs; every startup bean that touches the
 * database depends on this one. Flyway manages its own transactions, hence bean-managed.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/rateup",
        className = "${MPCONFIG=rateup.db.datasource-class}",
        url = "${MPCONFIG=rateup.db.url}",
        user = "${MPCONFIG=rateup.db.user}",
        password = "${MPCONFIG=rateup.db.password}",
        maxPoolSize = 32,
        minPoolSize = 2,
        maxStatements = 64, // a statement cache per connection: each delivery runs the same few statements
        // a database that does not answer fails a request within seconds (503), not after the driver's defaults
        loginTimeout = 2,
        properties = {
            // Payara's pool: a connection is checked (JDBC 4 isValid) before it is lent, and one that fails
            // makes the pool drop all of them, so the first requests after a database restart get new ones
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=2000"
        })
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "java:app/jdbc/rateup")
    DataSource dataSource;

    @Inject
    PlatformConfig config;

    /**
     * Fails the deployment when the schema cannot be brought up to date, with one line that says which
     * database and why before the stack trace. (A database that cannot be opened at all fails earlier,
     * when the server sets up the persistence unit, with the driver's own reason in the log.)
     */
    @PostConstruct
    void migrate() {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info(() -> "database schema at version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migrations applied now)");
        } catch (RuntimeException e) {
            LOG.severe(() -> "the schema of the database " + withoutParameters(config.databaseUrl()) + " cannot be brought up to date: " + rootCause(e)
                    + ". Check that the data directory is writable and has free space (H2), or that the server answers"
                    + " and the user may change the schema (rateup.db.*). The application does not start.");
            throw e;
        }
    }

    /** The URL up to its parameters, which may hold credentials. */
    private static String withoutParameters(String url) {
        return url.replaceAll("[;?].*", "");
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
