package com.rateup.webhooks.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.egress.control.Signatures;
import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.BackupScript;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import com.rateup.webhooks.testing.TestReceiver;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/backup.sh} on PostgreSQL (execution {@code postgresql} only; {@code SecretKeyIT} does
 * H2 and the key file): the shared server's database is dumped while the server runs, restored into
 * a new database, and an app started on the copy delivers signed with the secret the original
 * handed out. Costs one server start (about 30 s).
 */
class BackupRestoreIT extends SurveyWithWebhookFixture {

    private static final String PORT = System.getProperty("pg.port", "12432");

    @TempDir
    Path workDir;

    @Test
    void aBackupRestoredIntoANewDatabaseDeliversSignedWithTheSecretItHeld() throws Exception {
        String secret = webhook().getString("secret");
        String before = submitRating(4);
        awaitFinal();
        recreateDatabase("rateup_restored");
        String restoredDatabase = "jdbc:postgresql://127.0.0.1:" + PORT + "/rateup_restored";

        Path backup = workDir.resolve("backup");
        BackupScript.Run created = BackupScript.run("create", backup, Map.of("RATEUP_DB_URL", "jdbc:postgresql://127.0.0.1:" + PORT + "/rateup_shared"));
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(Files.readString(backup.resolve("backup.properties"))).contains("database=postgresql", "the development key is in the dump");
        assertThat(Files.readAllBytes(backup.resolve("database.dump"))).asString(StandardCharsets.ISO_8859_1).doesNotContain(secret.substring(6));
        BackupScript.Run restored = BackupScript.run("restore", backup, Map.of("RATEUP_DB_URL", restoredDatabase));
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        BackupScript.Run again = BackupScript.run("restore", backup, Map.of("RATEUP_DB_URL", restoredDatabase));
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("restore into an empty database");

        try (ServerProcess server = ServerProcess.start(workDir, "restored", ServerProcess.testConfig(workDir, Map.of("rateup.db.url", restoredDatabase)))) {
            Api restoredApi = new Api(server.url());
            assertThat(restoredApi.deliveries(team, surveyId).stream().map(JsonValue::asJsonObject))
                    .anySatisfy(delivery -> {
                        assertThat(delivery.getString("responseId")).isEqualTo(before);
                        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
                    });
            String after = restoredApi.submit(surveyId, "{\"answers\":[{\"questionId\":\"" + questionId(0) + "\",\"response\":5}]}");
            await().atMost(PATIENCE).until(() -> sentFor(restoredApi, after) != null);
            String deliveryId = sentFor(restoredApi, after);
            TestReceiver.Received request = receiver.received().stream().filter(r -> deliveryId.equals(r.header("x-webhook-id"))).findFirst().orElseThrow();
            assertThat(request.header("x-rateup-signature")).isEqualTo(Signatures.rateup(secret, request.body()));
        }
    }

    /** The id of the response's delivery once the receiver has it, else null. */
    private String sentFor(Api restoredApi, String responseId) {
        return restoredApi.deliveries(team, surveyId).stream().map(JsonValue::asJsonObject)
                .filter(delivery -> delivery.getString("responseId").equals(responseId)).map(delivery -> delivery.getString("id"))
                .filter(id -> receiver.received().stream().anyMatch(r -> id.equals(r.header("x-webhook-id"))))
                .findFirst().orElse(null);
    }

    private static void recreateDatabase(String name) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/postgres", "rateup", "rateup");
                Statement statement = db.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
    }
}
