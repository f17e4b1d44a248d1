package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Stall;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one PostgreSQL database share the outbox: responses arrive at both, one
 * instance is killed (SIGKILL) half-way, and the other finishes its work once the leases run
 * out. Every delivery reaches the receiver, and no x-webhook-id is ever POSTed by both
 * instances at the same time (the receiver records overlapping requests). Runs only in the
 * failsafe execution "postgresql".
 */
class MultiInstanceIT {

    private static final int RESPONSES = 40;

    @TempDir
    Path workDir;

    @Test
    void killingOneOfTwoInstancesLosesNothingAndNeverSendsOneDeliveryTwiceAtOnce() throws Exception {
        Map<String, String> config = ServerProcess.testConfig(workDir, Map.of());
        try (TestReceiver receiver = new TestReceiver().otherwise(new Stall(Duration.ofMillis(500), 200));
                ServerProcess a = ServerProcess.start(workDir, "instance-a", config);
                ServerProcess b = ServerProcess.start(workDir, "instance-b", config)) {
            Api apiA = new Api(a.url());
            Api apiB = new Api(b.url());
            Api.Team team = apiA.createTeam("Two instances");
            JsonObject survey = apiA.createSurvey(team, "FLOW", "NPS");
            String surveyId = survey.getString("id");
            String questionId = survey.getJsonArray("questions").getJsonObject(0).getString("id");
            apiB.putWebhook(team, surveyId, receiver.url("/hook"));

            for (int i = 0; i < RESPONSES; i++) {
                (i % 2 == 0 ? apiA : apiB).submit(surveyId, "{\"answers\":[{\"questionId\":\"" + questionId + "\",\"response\":" + (i % 11) + "}]}");
                if (i == RESPONSES / 2) {
                    a.kill();
                    apiA = apiB;
                }
            }
            Api survivor = apiB;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    survivor.deliveries(team, surveyId).stream().allMatch(d -> "DELIVERED".equals(d.asJsonObject().getString("status")))
                            && survivor.deliveries(team, surveyId).size() == RESPONSES);
            JsonArray deliveries = survivor.send("GET", Api.webhookPath(team, surveyId) + "/deliveries?limit=500",
                    Api.bearer(team.token()), null, null).array();
            Set<String> reached = receiver.received().stream().map(r -> r.header("x-webhook-id")).collect(Collectors.toSet());
            System.out.printf("two instances: %d deliveries, %d requests, %d overlapping%n",
                    deliveries.size(), receiver.received().size(), receiver.overlaps().size());

            assertThat(deliveries).hasSize(RESPONSES);
            assertThat(deliveries).allSatisfy(d -> assertThat(reached).contains(d.asJsonObject().getString("id")));
            assertThat(receiver.overlaps()).isEmpty();
        }
    }
}
