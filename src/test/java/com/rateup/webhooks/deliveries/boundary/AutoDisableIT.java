package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Status;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webhook whose receiver fails for longer than rateup.webhook.auto-disable-after is disabled
 * with a reason; its pending deliveries wait, and so do responses that arrive while it is
 * disabled; enabling it again delivers them. Its own
 * server: the span is 2 s here and retries are many, so the delivery is still pending then.
 */
class AutoDisableIT {

    @TempDir
    Path workDir;

    @Test
    void failingWebhookIsDisabledWithAReasonAndReenablingDeliversWhatIsPending() throws Exception {
        Map<String, String> config = ServerProcess.testConfig(workDir, Map.of(
                "rateup.webhook.auto-disable-after", "PT2S",
                "rateup.delivery.max-retries", "50",
                "rateup.delivery.backoff-initial-ms", "300",
                "rateup.delivery.backoff-max-ms", "600")); // the former key, kept as an alias of rateup.delivery.backoff-max
        try (TestReceiver receiver = new TestReceiver().otherwise(new Status(500, "broken"));
                ServerProcess server = ServerProcess.start(workDir, "auto-disable", config)) {
            Api api = new Api(server.url());
            Api.Team team = api.createTeam("Auto-disable team");
            JsonObject survey = api.createSurvey(team, "SURVEY", "YesNo");
            String surveyId = survey.getString("id");
            String path = Api.webhookPath(team, surveyId);
            api.putWebhook(team, surveyId, receiver.url("/hook"));
            String answer = "{\"answers\":[{\"questionId\":\"" + survey.getJsonArray("questions").getJsonObject(0).getString("id")
                    + "\",\"response\":true}]}";
            api.submit(surveyId, answer);

            await().atMost(Duration.ofSeconds(30)).until(() -> !api.call(team, "GET", path).object().getBoolean("enabled"));
            JsonObject disabled = api.call(team, "GET", path).object();
            int requestsWhenDisabled = receiver.received().size();
            Thread.sleep(2000); // several retry intervals: a disabled webhook gets nothing

            assertThat(disabled.getString("disabledReason")).startsWith("every attempt failed since");
            assertThat(disabled.getString("failingSince")).isNotBlank();
            assertThat(api.deliveries(team, surveyId).getJsonObject(0).getString("status")).isEqualTo("PENDING");
            assertThat(receiver.received()).hasSize(requestsWhenDisabled);

            api.submit(surveyId, answer); // arrives while the system has the webhook disabled: waits for it
            assertThat(api.deliveries(team, surveyId)).hasSize(2);

            receiver.otherwise(new Status(200, "{\"ok\":true}"));
            api.putWebhook(team, surveyId, receiver.url("/hook"));
            await().atMost(Duration.ofSeconds(30)).until(() -> api.deliveries(team, surveyId).stream()
                    .allMatch(d -> "DELIVERED".equals(d.asJsonObject().getString("status"))));

            JsonObject enabled = api.call(team, "GET", path).object();
            assertThat(enabled.getBoolean("enabled")).isTrue();
            assertThat(enabled.isNull("disabledReason")).isTrue();
            assertThat(enabled.isNull("failingSince")).isTrue();

            // switched off by the team on purpose: responses meanwhile are not kept for later
            api.send("PUT", path, Api.bearer(team.token()), "application/json",
                    "{\"url\":\"" + receiver.url("/hook") + "\",\"enabled\":false}");
            api.submit(surveyId, answer);
            api.putWebhook(team, surveyId, receiver.url("/hook"));
            Thread.sleep(2000); // a couple of sweeps
            assertThat(api.deliveries(team, surveyId)).hasSize(2);
        }
    }
}
