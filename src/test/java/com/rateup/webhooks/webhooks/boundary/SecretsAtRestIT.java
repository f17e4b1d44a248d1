package com.rateup.webhooks.webhooks.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * Reads the webhook row straight from the tests' PostgreSQL server (execution {@code postgresql}
 * only): what the database holds is the AES-GCM sealed secret, never the secret itself.
 */
class SecretsAtRestIT extends SurveyWithWebhookFixture {

    @Test
    void theDatabaseHoldsOnlyEncryptedSecretsBeforeAndAfterRotation() throws Exception {
        String current = webhook().getString("secret");
        assertStoredSealed(current, null);

        String rotated = api.send("POST", Api.webhookPath(team, surveyId) + "/secret",
                Api.bearer(team.token()), null, "").object().getString("secret");

        assertStoredSealed(rotated, current);
    }

    private void assertStoredSealed(String secret, String previous) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + System.getProperty("pg.port", "12432") + "/rateup_shared"; // the shared server's database (src/test/postgres/pg.sh)
        try (Connection db = DriverManager.getConnection(url, "rateup", "rateup");
                PreparedStatement query = db.prepareStatement("select secret, previous_secret from webhook where survey_id = ?")) {
            query.setString(1, surveyId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("secret")).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6));
                if (previous != null) {
                    assertThat(row.getString("previous_secret")).startsWith("v1:").doesNotContain(previous.substring(6));
                }
            }
        }
    }
}
