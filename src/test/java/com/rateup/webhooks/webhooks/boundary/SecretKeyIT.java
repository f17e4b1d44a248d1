package com.rateup.webhooks.webhooks.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake reads a webhook's secrets (its first attempt signs with them), so a
 * {@code rateup.webhook.secret-key} other than the one they were sealed with would fail every
 * response to a survey with a webhook. The application refuses to start with such a key and
 * says why; with the right key it starts again. H2 execution only: it needs a database of its own.
 */
class SecretKeyIT {

    @TempDir
    Path workDir;

    @Test
    void aKeyThatDoesNotOpenTheStoredSecretsKeepsTheApplicationFromStarting() throws Exception {
        Map<String, String> rightKey = ServerProcess.testConfig(workDir, Map.of("rateup.webhook.secret-key", newKey()));
        try (ServerProcess server = ServerProcess.start(workDir, "sealing", rightKey)) {
            Api api = new Api(server.url());
            Api.Team team = api.createTeam("Key team");
            String surveyId = api.createSurvey(team, "SURVEY", "NPS").getString("id");
            api.putWebhook(team, surveyId, "http://127.0.0.1:9/hook");
            server.stop();
        }

        Map<String, String> otherKey = ServerProcess.testConfig(workDir, Map.of("rateup.webhook.secret-key", newKey()));
        String log = ServerProcess.startFailing(workDir, "other-key", otherKey,
                "a stored webhook secret cannot be decrypted: wrong rateup.webhook.secret-key", Duration.ofMinutes(3));
        assertThat(log).doesNotContain("whsec_");

        try (ServerProcess server = ServerProcess.start(workDir, "right-key-again", rightKey)) {
            assertThat(server.startedIn()).isPositive();
        }
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
