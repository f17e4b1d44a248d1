package com.rateup.webhooks.webhooks.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.egress.control.Signatures;
import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.BackupScript;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key that seals webhook secrets and endpoint credentials at rest is rotated with the secrets in
 * place: from the generated development key to a production key, then on to the next one with the
 * first among {@code rateup.webhook.previous-secret-keys}. After each restart the stored values are
 * re-encrypted, deliveries carry the same signature and credentials, and the development key has left
 * the database. Between the two rotations the database is backed up with {@code ops/backup.sh} and the
 * next key starts on the restored copy, the key taken from the backup. A key that opens none of them
 * keeps the application from starting, and says why (the intake reads the secrets its first attempt
 * signs with, so it would fail every response). H2 execution only: it needs databases of its own
 * ({@code BackupRestoreIT} backs up PostgreSQL). Costs four server starts, one of them failing
 * (about 100 s).
 */
class SecretKeyIT {

    private static final String PASSWORD = "rotation-basic-password";

    @TempDir
    Path workDir;

    @Test
    void secretsMoveFromTheDevelopmentKeyToAProductionKeyAndOnToTheNextOneInPlace() throws Exception {
        String first = newKey();
        String second = newKey();
        try (TestReceiver receiver = new TestReceiver().otherwise(new TestReceiver.Status(200, "ok"))) {
            Api.Team team;
            String surveyId;
            String secret;
            try (ServerProcess server = ServerProcess.start(workDir, "development-key", ServerProcess.testConfig(workDir, Map.of()))) {
                Api api = new Api(server.url());
                team = api.createTeam("Key team");
                surveyId = api.createSurvey(team, "SURVEY", "NPS").getString("id");
                Api.Reply created = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()),
                        Json.createObjectBuilder().add("url", receiver.url("/hook")).add("surveys", "all")
                                .add("authentication", Json.createObjectBuilder().add("type", "basic")
                                        .add("username", "rateup").add("password", PASSWORD)).build());
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                // rotated once, so the previous secret is stored (sealed) too
                Api.Reply rotated = api.call(team, "POST", "api/teams/" + team.id() + "/webhooks/" + created.object().getString("id") + "/secret");
                assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
                secret = rotated.object().getString("secret");
                deliverAndVerify(api, surveyId, receiver, secret, 1);
            }

            try (ServerProcess server = ServerProcess.start(workDir, "production-key", ServerProcess.testConfig(workDir,
                    Map.of("rateup.webhook.secret-key", first, "rateup.mode", "production")))) {
                assertThat(Files.readString(server.log())).contains("re-encrypted 3 stored webhook secrets and credentials",
                        "deleted the development key from the database");
                deliverAndVerify(new Api(server.url()), surveyId, receiver, secret, 2);
            }

            Path backup = workDir.resolve("backup");
            BackupScript.Run created = BackupScript.run("create", backup, Map.of("RATEUP_DB_URL", database(workDir.resolve("db")),
                    "RATEUP_WEBHOOK_SECRET_KEY", first));
            assertThat(created.exitCode()).as(created.output()).isZero();
            assertThat(Files.getPosixFilePermissions(backup.resolve("secret-key"))).containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            try (var dump = new java.util.zip.GZIPInputStream(Files.newInputStream(backup.resolve("database.sql.gz")))) {
                assertThat(new String(dump.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("INSERT INTO")
                        .doesNotContain("whsec_", PASSWORD);
            }
            String restoredDatabase = database(workDir.resolve("restored"));
            BackupScript.Run restored = BackupScript.run("restore", backup, Map.of("RATEUP_DB_URL", restoredDatabase));
            assertThat(restored.exitCode()).as(restored.output()).isZero();
            BackupScript.Run again = BackupScript.run("restore", backup, Map.of("RATEUP_DB_URL", restoredDatabase));
            assertThat(again.exitCode()).isNotZero();
            assertThat(again.output()).contains("exists: restore into a new database");
            String keptKey = Files.readString(backup.resolve("secret-key")).strip();

            try (ServerProcess server = ServerProcess.start(workDir, "next-key", ServerProcess.testConfig(workDir,
                    Map.of("rateup.db.url", restoredDatabase, "rateup.webhook.secret-key", second,
                            "rateup.webhook.previous-secret-keys", keptKey, "rateup.mode", "production")))) {
                assertThat(Files.readString(server.log())).contains("re-encrypted 3 stored webhook secrets and credentials",
                        "rateup.webhook.previous-secret-keys can be removed");
                deliverAndVerify(new Api(server.url()), surveyId, receiver, secret, 3);
            }

            String log = ServerProcess.startFailing(workDir, "first-key-alone", ServerProcess.testConfig(workDir,
                    Map.of("rateup.db.url", restoredDatabase, "rateup.webhook.secret-key", first, "rateup.mode", "production")),
                    "a stored webhook secret cannot be decrypted: wrong rateup.webhook.secret-key", Duration.ofMinutes(3));
            assertThat(log).doesNotContain("whsec_", PASSWORD, first, second);
        }
    }

    private static void deliverAndVerify(Api api, String surveyId, TestReceiver receiver, String secret, int expected) {
        api.submit(surveyId, "{\"answers\":[]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= expected);
        TestReceiver.Received request = receiver.received().get(expected - 1);
        assertThat(request.header("x-rateup-signature")).isEqualTo(Signatures.rateup(secret, request.body()));
        assertThat(request.header("authorization")).isEqualTo(Api.basic("rateup", PASSWORD));
    }

    private static String database(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("rateup") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=5000";
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
