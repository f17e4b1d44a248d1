package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Stall;
import com.rateup.webhooks.testing.TestReceiver.Status;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nothing is lost when the server dies. The app runs as a process of its own on an H2 file
 * database; a burst of responses goes to a receiver, the server is killed with SIGKILL at a
 * given moment, and a new server on the same database must bring every delivery to a final
 * state, each response's x-webhook-id having reached the receiver. H2 execution only (about 85 s):
 * on PostgreSQL the same recovery after a kill is shown by {@code IntakeCrashIT} (killed while
 * storing), {@code MultiInstanceIT} (one instance killed, the other takes its leases) and
 * {@code RecoveryProcessIT} (killed during a job), so a fourth run there bought nothing but 75 s.
 */
class CrashRecoveryIT {

    private static final int RESPONSES = 20;

    /** When the server dies, and how the receiver behaves until then. */
    enum KillMoment {
        /** Right after the last response was accepted: deliveries queued, some in flight. */
        RIGHT_AFTER_THE_BURST(new Stall(Duration.ofMillis(300), 200), 0),
        /** While POSTs wait for a receiver that answers slowly. */
        DURING_ATTEMPTS(new Stall(Duration.ofMillis(1000), 200), 5),
        /** Between retries of a receiver that fails. */
        BETWEEN_RETRIES(new Status(503, "down for maintenance"), RESPONSES);

        final TestReceiver.Reply untilKilled;
        final int requestsBeforeKill;

        KillMoment(TestReceiver.Reply untilKilled, int requestsBeforeKill) {
            this.untilKilled = untilKilled;
            this.requestsBeforeKill = requestsBeforeKill;
        }
    }

    @TempDir
    static Path workDir;

    /**
     * The server the next test stops or kills: the one the previous test started after its own crash,
     * on the same database. Each restart is thus also the next crash's victim, one server start per
     * test instead of two; what each test checks is its own team's deliveries.
     */
    private static ServerProcess running;

    private static ServerProcess running() throws Exception {
        if (running == null) {
            running = ServerProcess.start(workDir, "first", ServerProcess.testConfig(workDir, Map.of()));
        }
        return running;
    }

    private static ServerProcess restart(String name) throws Exception {
        running = ServerProcess.start(workDir, name, ServerProcess.testConfig(workDir, Map.of()));
        return running;
    }

    @AfterAll
    static void stopTheLastServer() throws InterruptedException {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    @ParameterizedTest
    @EnumSource(KillMoment.class)
    void restartAfterSigkillBringsEveryDeliveryToTheReceiver(KillMoment moment) throws Exception {
        try (TestReceiver receiver = new TestReceiver().otherwise(moment.untilKilled)) {
            ServerProcess first = running();
            Scenario scenario = Scenario.create(new Api(first.url()), receiver);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= moment.requestsBeforeKill);
            first.kill();
            running = null;
            int requestsBeforeKill = receiver.received().size();
            receiver.otherwise(new Status(200, "{\"ok\":true}"));

            ServerProcess second = restart("after-" + moment.name().toLowerCase(Locale.ROOT));
            JsonArray deliveries = scenario.awaitAllFinal(new Api(second.url()));
            Set<String> reached = receiver.received().stream().map(r -> r.header("x-webhook-id")).collect(Collectors.toSet());
            System.out.printf("crash recovery (%s): %d requests before SIGKILL, %d after; restart ready in %d ms%n",
                    moment, requestsBeforeKill, receiver.received().size() - requestsBeforeKill, second.startedIn().toMillis());

            assertThat(deliveries).hasSize(RESPONSES);
            assertThat(deliveries.stream().map(d -> d.asJsonObject().getString("responseId")).toList())
                    .containsExactlyInAnyOrderElementsOf(scenario.responseIds);
            assertThat(deliveries).allSatisfy(d -> {
                assertThat(d.asJsonObject().getString("status")).isEqualTo("DELIVERED");
                assertThat(d.asJsonObject().getJsonArray("attempts").size()).isBetween(1, 4);
                assertThat(reached).contains(d.asJsonObject().getString("id"));
            });
        }
    }

    /**
     * SIGTERM while an attempt is in flight. Payara Micro stops its container at once (its own
     * shutdown hook, concurrently with the app's drain), so the attempt may not be recorded; the
     * delivery must still end DELIVERED, sent with one and the same x-webhook-id.
     */
    @Test
    void stopDuringAnAttemptLosesNothing() throws Exception {
        try (TestReceiver receiver = new TestReceiver().otherwise(new Stall(Duration.ofMillis(1000), 200))) {
            ServerProcess first = running();
            Scenario scenario = Scenario.create(new Api(first.url()), receiver, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
            first.stop();
            running = null;
            receiver.otherwise(new Status(200, "{\"ok\":true}"));

            ServerProcess second = restart("after-sigterm");
            JsonArray deliveries = scenario.awaitAllFinal(new Api(second.url()));
            Thread.sleep(3000); // several sweeps of the new server: a DELIVERED delivery is not sent again

            JsonObject delivery = deliveries.getJsonObject(0);
            assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
            assertThat(delivery.getJsonArray("attempts").size()).isBetween(1, 2);
            assertThat(receiver.received()).hasSizeBetween(1, 2)
                    .extracting(r -> r.header("x-webhook-id")).containsOnly(delivery.getString("id"));
        }
    }

    /** A team, a survey whose webhook points at the receiver, and a burst of responses. */
    private record Scenario(Api.Team team, String surveyId, List<String> responseIds) {

        static Scenario create(Api api, TestReceiver receiver) {
            return create(api, receiver, RESPONSES);
        }

        static Scenario create(Api api, TestReceiver receiver, int responses) {
            Api.Team team = api.createTeam("Crash team");
            JsonObject survey = api.createSurvey(team, "FLOW", "NPS");
            String surveyId = survey.getString("id");
            String questionId = survey.getJsonArray("questions").getJsonObject(0).getString("id");
            api.putWebhook(team, surveyId, receiver.url("/hook"));
            List<String> responseIds = new ArrayList<>();
            for (int i = 0; i < responses; i++) {
                responseIds.add(api.submit(surveyId, "{\"answers\":[{\"questionId\":\"" + questionId + "\",\"response\":" + (i % 11) + "}]}"));
            }
            return new Scenario(team, surveyId, responseIds);
        }

        JsonArray awaitAllFinal(Api api) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonArray deliveries = api.deliveries(team, surveyId);
                return deliveries.size() == responseIds.size()
                        && deliveries.stream().noneMatch(d -> "PENDING".equals(d.asJsonObject().getString("status")));
            });
            return api.deliveries(team, surveyId);
        }
    }
}
