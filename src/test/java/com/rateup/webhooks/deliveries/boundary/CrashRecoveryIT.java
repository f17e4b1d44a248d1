package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.MicroProcess;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Status;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost when the server dies: responses are accepted while the receiver is failing,
 * the server is killed with SIGKILL in the middle of its retries, and a new server on the same
 * H2 file database resumes every delivery where it stopped.
 */
class CrashRecoveryIT {

    private static final int RESPONSES = 20;

    @TempDir
    Path workDir;

    @Test
    void restartAfterSigkillResumesEveryPendingDelivery() throws Exception {
        Map<String, String> config = Map.of(
                "rateup.db.url", "jdbc:h2:file:" + workDir.resolve("db/rateup"),
                "rateup.admin.password", Api.ADMIN_PASSWORD,
                "rateup.delivery.timeout-ms", "1500",
                "rateup.delivery.backoff-initial-ms", "1500",
                "rateup.delivery.sweep-interval-ms", "1000",
                "rateup.delivery.lease-ms", "2000");
        try (TestReceiver receiver = new TestReceiver().otherwise(new Status(503, "down for maintenance"))) {
            Api.Team team;
            String surveyId;
            String questionId;
            List<String> responseIds = new ArrayList<>();
            try (MicroProcess first = MicroProcess.start(workDir, "first", config)) {
                Api api = new Api(first.url());
                team = api.createTeam("Crash team");
                JsonObject survey = api.createSurvey(team, "FLOW", "NPS");
                surveyId = survey.getString("id");
                questionId = survey.getJsonArray("questions").getJsonObject(0).getString("id");
                api.putWebhook(team, surveyId, receiver.url("/hook"));
                for (int i = 0; i < RESPONSES; i++) {
                    responseIds.add(api.submit(surveyId, "{\"answers\":[{\"questionId\":\"" + questionId + "\",\"response\":" + (i % 11) + "}]}"));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= RESPONSES);
                first.kill();
            }
            int attemptsBeforeCrash = receiver.received().size();
            receiver.otherwise(new Status(200, "{\"ok\":true}"));

            try (MicroProcess second = MicroProcess.start(workDir, "second", config)) {
                Api api = new Api(second.url());
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                        api.deliveries(team, surveyId).stream().allMatch(d -> "DELIVERED".equals(d.asJsonObject().getString("status"))));
                var deliveries = api.deliveries(team, surveyId);
                Set<String> deliveryIds = deliveries.stream().map(d -> d.asJsonObject().getString("id")).collect(Collectors.toSet());
                Set<String> delivered = receiver.received().subList(attemptsBeforeCrash, receiver.received().size()).stream()
                        .map(r -> r.header("x-webhook-id")).collect(Collectors.toSet());
                System.out.printf("crash recovery: %d attempts before SIGKILL, restart ready in %d ms%n",
                        attemptsBeforeCrash, second.startedIn().toMillis());

                assertThat(deliveries).hasSize(RESPONSES);
                assertThat(deliveries.stream().map(d -> d.asJsonObject().getString("responseId")).toList())
                        .containsExactlyInAnyOrderElementsOf(responseIds);
                assertThat(delivered).isEqualTo(deliveryIds);
                assertThat(deliveries).allSatisfy(d -> assertThat(d.asJsonObject().getJsonArray("attempts").size()).isBetween(1, 4));
            }
        }
        assertThat(Files.exists(workDir.resolve("db/rateup.mv.db"))).isTrue();
    }
}
