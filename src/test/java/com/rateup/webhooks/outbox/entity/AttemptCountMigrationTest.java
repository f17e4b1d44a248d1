package com.rateup.webhooks.outbox.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A delivery's next attempt number comes from {@code delivery.attempt_count} (V5); deliveries
 * stored before that column existed must count the attempts they already have, or their next
 * attempt would take a number that is already used.
 */
class AttemptCountMigrationTest {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void deliveriesStoredBeforeCountTheirAttempts() throws SQLException {
        migrateTo("4");
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement()) {
            sql.execute("insert into team values ('t', 'Team', current_timestamp)");
            sql.execute("insert into survey values ('s', 't', 'SURVEY', 'Checkout', null, current_timestamp)");
            sql.execute("insert into survey_response values ('r', 's', null, null, current_timestamp)");
            for (String delivery : new String[] {"twice", "never"}) {
                sql.execute("insert into delivery values ('" + delivery + "', 't', 's', 'r', '{}', current_timestamp,"
                        + " 'PENDING', 0, current_timestamp, null, null, current_timestamp, null, 0)");
            }
            for (int number = 1; number <= 2; number++) {
                sql.execute("insert into delivery_attempt values ('a" + number + "', 'twice', " + number
                        + ", current_timestamp, 10, 500, null, null)");
            }
        }

        migrateTo("5");

        assertThat(attemptCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("twice", 2, "never", 0));
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(url, "", "").target(version).load().migrate();
    }

    private Map<String, Integer> attemptCounts() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = DriverManager.getConnection(url); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select id, attempt_count from delivery")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
