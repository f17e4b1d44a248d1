package com.rateup.webhooks.webhooks.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V8 makes webhooks the team's: a survey's webhook from before becomes that survey's own webhook
 * of its team, and its deliveries, pending or final, belong to it and stay in the survey's log.
 * A delivery whose webhook was deleted before keeps no webhook and stays in the survey's log too.
 */
class TeamWebhooksMigrationTest {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void aSurveysWebhookBecomesItsOwnWebhookWithItsDeliveries() throws SQLException {
        migrateTo("7");
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            sql.execute("insert into team values ('t', 'Team', current_timestamp)");
            sql.execute("insert into survey values ('s', 't', 'SURVEY', 'Checkout', null, current_timestamp)");
            sql.execute("insert into survey values ('gone', 't', 'FLOW', 'Old flow', null, current_timestamp)");
            sql.execute("insert into survey_response values ('r', 's', null, null, current_timestamp)");
            sql.execute("insert into survey_response values ('r2', 'gone', null, null, current_timestamp)");
            sql.execute("insert into webhook (id, survey_id, url, state, secret, created_at, updated_at, version)"
                    + " values ('w', 's', 'https://hooks.example/a', 'ENABLED', 'x', current_timestamp, current_timestamp, 0)");
            sql.execute("insert into delivery (id, team_id, survey_id, response_id, payload, triggered_at, status, round_attempts,"
                    + " next_attempt_at, created_at, version) values ('pending', 't', 's', 'r', '{}', current_timestamp, 'PENDING', 0,"
                    + " current_timestamp, current_timestamp, 0)");
            sql.execute("insert into delivery (id, team_id, survey_id, response_id, payload, triggered_at, status, round_attempts,"
                    + " created_at, version) values ('orphan', 't', 'gone', 'r2', '{}', current_timestamp, 'FAILED', 1,"
                    + " current_timestamp, 0)");
        }

        migrateTo("8");

        assertThat(rows("select id, team_id, survey_id, reach from webhook")).containsExactly("w|t|s|SURVEY");
        assertThat(rows("select id, webhook_id, reach from delivery order by id"))
                .containsExactly("orphan|null|SURVEY", "pending|w|SURVEY");
    }

    /** V15: a webhook from before takes responses, as it did; an alert endpoint every alert type. */
    @Test
    void webhooksFromBeforeKeepWhatTheyReceived() throws SQLException {
        migrateTo("14");
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            sql.execute("insert into team values ('t', 'Team', current_timestamp)");
            for (String[] row : new String[][] {{"w", "ALL"}, {"a", "ALERTS"}}) {
                sql.execute("insert into webhook (id, team_id, reach, url, state, secret, created_at, updated_at, version)"
                        + " values ('" + row[0] + "', 't', '" + row[1] + "', 'https://hooks.example/" + row[0] + "', 'ENABLED', 'x',"
                        + " current_timestamp, current_timestamp, 0)");
            }
        }

        migrateTo("15");

        assertThat(rows("select id, events from webhook order by id")).containsExactly(
                "a|,webhook.failing,webhook.slow,webhook.circuit_open,webhook.disabled,webhook.recovered,delivery.failed,",
                "w|,response.created,");
    }

    @Test
    void everyMigrationRunsOnTheEmbeddedDatabase() {
        assertThat(Flyway.configure().dataSource(url, "", "").load().migrate().success).isTrue();
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(url, "", "").target(version).load().migrate();
    }

    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    values.add(String.valueOf(result.getString(column)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
