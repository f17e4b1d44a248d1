package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Received;
import com.rateup.webhooks.testing.TestReceiver.Stall;
import com.rateup.webhooks.testing.TestReceiver.Status;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery jobs and retention in servers of their own: a bulk redelivery survives SIGKILL half-way,
 * and retention deletes what ended before it, never what is pending; the payload retention blanks payloads earlier.
 */
class RecoveryProcessIT {

    /** Enough for the kill to fall in the middle of the job's windows (16 deliveries each) with attempts in flight. */
    private static final int FAILED = 150;

    @TempDir
    Path workDir;

    @Test
    void aRedeliveryJobKilledHalfWayFinishesAfterTheRestartWithOneRecordedAttemptPerDelivery() throws Exception {
        Map<String, String> config = ServerProcess.testConfig(workDir, Map.of("rateup.delivery.retry-schedule", "PT0.2S"));
        try (TestReceiver receiver = new TestReceiver().otherwise(new Status(400, "rejected"))) {
            Api.Team team;
            String surveyId;
            int before;
            String jobId;
            try (ServerProcess first = ServerProcess.start(workDir, "first", config)) {
                Api api = new Api(first.url());
                team = api.createTeam("Recovery team");
                JsonObject survey = api.createSurvey(team, "SURVEY", "Rating");
                surveyId = survey.getString("id");
                String answer = "{\"answers\":[{\"questionId\":\"" + survey.getJsonArray("questions").getJsonObject(0).getString("id")
                        + "\",\"response\":4}]}";
                api.putWebhook(team, surveyId, receiver.url("/hook"));
                Instant since = Instant.now().minusSeconds(1);
                for (int i = 0; i < FAILED; i++) {
                    api.submit(surveyId, answer);
                }
                String failedQuery = Api.webhookPath(team, surveyId) + "/deliveries?status=FAILED&limit=500";
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> api.call(team, "GET", failedQuery).array().size() == FAILED);

                receiver.otherwise(new Stall(Duration.ofMillis(100), 200));
                before = receiver.received().size();
                Api.Reply started = api.send("POST", Api.webhookPath(team, surveyId) + "/deliveries/redeliver", Api.bearer(team.token()),
                        Json.createObjectBuilder().add("since", since.toString()).build());
                assertThat(started.status()).as(started.body()).isEqualTo(202);
                jobId = started.object().getString("id");
                await().atMost(Duration.ofMinutes(2)).until(() -> receiver.received().size() - before >= FAILED / 2);
                first.kill();
            }
            int beforeRestart = receiver.received().size() - before;

            try (ServerProcess second = ServerProcess.start(workDir, "second", config)) {
                Api api = new Api(second.url());
                String jobPath = Api.webhookPath(team, surveyId) + "/jobs/" + jobId;
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                        .until(() -> "DONE".equals(api.call(team, "GET", jobPath).object().getString("state")));
                JsonObject job = api.call(team, "GET", jobPath).object();
                JsonArray deliveries = api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries?limit=500").array();
                List<Received> resent = receiver.received().subList(before, receiver.received().size());
                Map<String, Long> timesSent = resent.stream().collect(Collectors.groupingBy(r -> r.header("x-webhook-id"), Collectors.counting()));
                long sentTwice = timesSent.values().stream().filter(times -> times > 1).count();
                System.out.printf("recovery job across SIGKILL: %d of %d sent before the kill, %d sent twice (in flight at the kill)%n",
                        beforeRestart, FAILED, sentTwice);

                assertThat(job.getInt("count")).isEqualTo(FAILED);
                assertThat(job.getInt("done")).isEqualTo(FAILED);
                assertThat(deliveries).hasSize(FAILED).allSatisfy(d -> {
                    assertThat(d.asJsonObject().getString("status")).isEqualTo("DELIVERED");
                    // two failed in the first round; one recorded attempt in the job's round
                    assertThat(d.asJsonObject().getJsonArray("attempts")).hasSize(3);
                });
                assertThat(timesSent.keySet()).isEqualTo(deliveries.stream().map(d -> d.asJsonObject().getString("id")).collect(Collectors.toSet()));
                assertThat(sentTwice).as("only what was in flight at the kill goes twice").isLessThanOrEqualTo(16);
            }
        }
    }

    @Test
    void retentionDeletesEndedDeliveriesOlderThanItAndKeepsPendingOnes() throws Exception {
        Map<String, String> config = ServerProcess.testConfig(workDir, Map.of(
                "rateup.delivery.retention", "PT12S",
                "rateup.delivery.payload-retention", "PT3S",
                "rateup.delivery.retry-schedule", "PT0.2S",
                "rateup.delivery.breaker-failures", "2",
                "rateup.delivery.breaker-open", "PT10M"));
        try (TestReceiver receiver = new TestReceiver();
                ServerProcess server = ServerProcess.start(workDir, "retention", config)) {
            receiver.on("/ok", new Status(200, "ok")).on("/rejects", new Status(400, "no")).on("/down", new Status(503, "down"));
            Api api = new Api(server.url());
            Api.Team team = api.createTeam("Retention team");
            Map<String, String> surveys = Map.of("/ok", survey(api, team, receiver, "/ok"), "/rejects", survey(api, team, receiver, "/rejects"),
                    "/down", survey(api, team, receiver, "/down"));
            surveys.values().forEach(survey -> {
                for (int i = 0; i < 3; i++) {
                    api.submit(survey, "{\"answers\":[]}");
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses(api, team, surveys.get("/ok")).equals(List.of("DELIVERED", "DELIVERED", "DELIVERED"))
                    && statuses(api, team, surveys.get("/rejects")).equals(List.of("FAILED", "FAILED", "FAILED")));
            assertThat(statuses(api, team, surveys.get("/down"))).containsOnly("PENDING").hasSize(3);

            await().atMost(Duration.ofSeconds(60)).until(() -> statuses(api, team, surveys.get("/ok")).isEmpty()
                    && statuses(api, team, surveys.get("/rejects")).isEmpty());
            api.submit(surveys.get("/ok"), "{\"answers\":[]}");
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses(api, team, surveys.get("/ok")).equals(List.of("DELIVERED")));
            Thread.sleep(5000); // several purges: a delivery younger than the retention stays

            assertThat(statuses(api, team, surveys.get("/ok"))).containsExactly("DELIVERED");
            // past the payload retention: the delivery stays in the log, what it sent and what the receiver answered do not
            JsonObject kept = api.deliveries(team, surveys.get("/ok")).getJsonObject(0);
            String detail = Api.webhookPath(team, surveys.get("/ok")) + "/deliveries/" + kept.getString("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> JsonValue.NULL.equals(api.call(team, "GET", detail).object().get("payload")));
            JsonObject blank = api.call(team, "GET", detail).object();
            assertThat(blank.getString("payloadRemoved")).isEqualTo("EXPIRED");
            assertThat(blank.getJsonArray("attempts").getJsonObject(0).get("responseExcerpt")).isEqualTo(JsonValue.NULL);
            Api.Reply redelivery = api.call(team, "POST", detail + "/redeliver");
            assertThat(redelivery.status()).isEqualTo(409);
            assertThat(redelivery.body()).contains("its payload was removed after rateup.delivery.payload-retention");
            assertThat(statuses(api, team, surveys.get("/down"))).as("pending deliveries are never deleted").containsOnly("PENDING").hasSize(3);
            // how many it names depends on what earlier tests left in a shared database
            assertThat(Files.readString(server.log())).containsPattern("retention: deleted \\d+ deliveries")
                    .containsPattern("payload retention: removed the payloads of \\d+ deliveries");
        }
    }

    private static String survey(Api api, Api.Team team, TestReceiver receiver, String path) {
        String surveyId = api.createSurvey(team, "SURVEY", "Text").getString("id");
        api.putWebhook(team, surveyId, receiver.url(path));
        return surveyId;
    }

    private static List<String> statuses(Api api, Api.Team team, String surveyId) {
        return api.deliveries(team, surveyId).stream().map(d -> d.asJsonObject().getString("status")).toList();
    }
}
