package com.rateup.webhooks.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
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
        maxStatements = 64) // a statement cache per connection: each delivery runs the same few statements
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "java:app/jdbc/rateup")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
