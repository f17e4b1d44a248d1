package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Received;
import com.rateup.webhooks.testing.TestReceiver.Silent;
import com.rateup.webhooks.testing.TestReceiver.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One healthy endpoint measured while dead endpoints (they accept the connection and never
 * answer) are flooded, against the same measurement without the flood. Both tests share one server
 * (each in teams of its own, as production's teams share one): default dispatcher bounds, a 2 s
 * timeout, and a circuit that opens after 5 failures and stays open for 5 minutes. The figures are
 * reported (stdout and target/isolation-report.md), not asserted: machines are noisy. What is
 * asserted is that every healthy delivery arrives and no dead one is lost.
 */
class IsolationIT {

    private static final int DEAD_ENDPOINTS = 4;
    private static final int FLOOD_PER_DEAD_ENDPOINT = 50;
    private static final int HEALTHY_RESPONSES = 60;
    private static final Duration PACE = Duration.ofMillis(50);

    @TempDir
    static Path workDir;

    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(workDir, "isolation", ServerProcess.testConfig(workDir, Map.of(
                "rateup.delivery.timeout", "PT2S",
                "rateup.delivery.backoff-initial-ms", "1000",
                "rateup.delivery.breaker-failures", "5",
                "rateup.delivery.breaker-open", "PT5M")));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void deadEndpointsDoNotHoldUpAHealthyOne() throws Exception {
        List<TestReceiver> dead = new ArrayList<>();
        try (TestReceiver healthy = new TestReceiver().otherwise(new Status(200, "{\"ok\":true}"))) {
            Api api = new Api(server.url());
            Api.Team team = api.createTeam("Isolation team");
            Target healthyTarget = Target.create(api, team, healthy);
            List<Target> deadTargets = new ArrayList<>();
            for (int i = 0; i < DEAD_ENDPOINTS; i++) {
                TestReceiver receiver = new TestReceiver().otherwise(new Silent());
                dead.add(receiver);
                deadTargets.add(Target.create(api, team, receiver));
            }

            Latencies quiet = measure(api, healthyTarget, healthy, 0);
            for (int i = 0; i < FLOOD_PER_DEAD_ENDPOINT; i++) {
                for (Target target : deadTargets) {
                    target.submit(api, String.format("9%05d", i));
                }
            }
            Latencies flooded = measure(api, healthyTarget, healthy, HEALTHY_RESPONSES);

            report(quiet, flooded);
            assertThat(quiet.count()).isEqualTo(HEALTHY_RESPONSES);
            assertThat(flooded.count()).isEqualTo(HEALTHY_RESPONSES);
            for (Target target : deadTargets) {
                assertThat(api.send("GET", Api.webhookPath(team, target.surveyId) + "/deliveries?limit=500",
                        Api.bearer(team.token()), null, null).array()).hasSize(FLOOD_PER_DEAD_ENDPOINT)
                        .allSatisfy(d -> assertThat(d.asJsonObject().getString("status")).isIn("PENDING", "FAILED"));
            }
            // a few hundred attempts went out: none of them left a line in the log (Jersey warned on every one)
            assertThat(Files.readString(server.log())).doesNotContain("allowRestrictedHeaders");
        } finally {
            for (TestReceiver receiver : dead) {
                receiver.close();
            }
        }
    }

    /**
     * The topology production has: many teams' webhooks on one integration host (same scheme, host
     * and port, different paths). Team A floods an endpoint that answers 500 to everything and one
     * that never answers; team B's endpoint on the same host is healthy. The breaker stays open for
     * 5 minutes here, so a B delivery held back by A's circuit would not arrive within the test's
     * minute: that every B delivery arrives, each with one attempt, is the structural assertion. B's
     * latencies alone and beside A go to target/shared-host-report.md.
     */
    @Test
    void oneTeamsBrokenEndpointsDoNotHoldUpAnotherTeamOnTheSameHost() throws Exception {
        try (TestReceiver host = new TestReceiver()
                        .on("/team-a/broken", new Status(500, "{\"error\":\"broken zap\"}"))
                        .on("/team-a/silent", new Silent())
                        .on("/team-b/hook", new Status(200, "{\"ok\":true}"))) {
            Api api = new Api(server.url());
            Api.Team teamA = api.createTeam("Team A");
            Api.Team teamB = api.createTeam("Team B");
            Target broken = Target.create(api, teamA, host.url("/team-a/broken"));
            Target silent = Target.create(api, teamA, host.url("/team-a/silent"));
            Target healthy = Target.create(api, teamB, host.url("/team-b/hook"));

            Latencies alone = measure(api, healthy, host, 0);
            for (int i = 0; i < FLOOD_PER_DEAD_ENDPOINT; i++) {
                broken.submit(api, String.format("8%05d", i));
                silent.submit(api, String.format("9%05d", i));
            }
            Latencies beside = measure(api, healthy, host, HEALTHY_RESPONSES);

            report("shared-host-report.md", String.format("""
                    | team B's endpoint, %d responses at %d/s, on the host team A floods | median | p95 | max |
                    | --- | --- | --- | --- |
                    | alone | %d ms | %d ms | %d ms |
                    | beside team A's endpoint answering 500 and its endpoint never answering, %d responses each | %d ms | %d ms | %d ms |
                    """, HEALTHY_RESPONSES, 1000 / PACE.toMillis(), alone.percentile(50), alone.percentile(95), alone.max(),
                    FLOOD_PER_DEAD_ENDPOINT, beside.percentile(50), beside.percentile(95), beside.max()));
            assertThat(beside.count()).isEqualTo(HEALTHY_RESPONSES);
            assertThat(api.send("GET", Api.webhookPath(teamB, healthy.surveyId) + "/deliveries?limit=500", Api.bearer(teamB.token()), null, null)
                    .array()).hasSize(2 * HEALTHY_RESPONSES)
                    .allSatisfy(d -> assertThat(d.asJsonObject().getJsonArray("attempts")).hasSize(1));
            for (Target target : List.of(broken, silent)) {
                assertThat(api.send("GET", Api.webhookPath(teamA, target.surveyId) + "/deliveries?limit=500",
                        Api.bearer(teamA.token()), null, null).array()).as("team A's deliveries, none lost")
                        .hasSize(FLOOD_PER_DEAD_ENDPOINT)
                        .allSatisfy(d -> assertThat(d.asJsonObject().getString("status")).isIn("PENDING", "FAILED"));
            }
        }
    }

    /** Submits the healthy responses at a steady pace; latency = arrival at the receiver - submission. */
    private static Latencies measure(Api api, Target target, TestReceiver receiver, int offset) {
        Map<String, Instant> submitted = new ConcurrentHashMap<>();
        for (int i = 0; i < HEALTHY_RESPONSES; i++) {
            String phone = String.format("1%05d", offset + i);
            submitted.put(phone, Instant.now());
            target.submit(api, phone);
            sleep(PACE);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> arrivals(receiver, submitted.keySet()).size() == submitted.size());
        Map<String, Instant> arrived = arrivals(receiver, submitted.keySet());
        List<Long> millis = submitted.entrySet().stream()
                .map(e -> Duration.between(e.getValue(), arrived.get(e.getKey())).toMillis())
                .sorted()
                .toList();
        return new Latencies(millis);
    }

    private static Map<String, Instant> arrivals(TestReceiver receiver, java.util.Set<String> phones) {
        Map<String, Instant> arrivals = new HashMap<>();
        for (Received request : receiver.received()) {
            JsonObject body = Json.createReader(new StringReader(request.bodyText())).readObject();
            String phone = body.getString("phone");
            if (phones.contains(phone)) {
                arrivals.putIfAbsent(phone, request.at());
            }
        }
        return arrivals;
    }

    private static void report(String file, String table) throws Exception {
        System.out.println(table);
        Files.writeString(Path.of("target", file), table);
    }

    private static void report(Latencies quiet, Latencies flooded) throws Exception {
        String table = String.format("""
                | healthy endpoint, %d responses at %d/s | median | p99 | max |
                | --- | --- | --- | --- |
                | alone | %d ms | %d ms | %d ms |
                | while %d dead endpoints get %d responses each | %d ms | %d ms | %d ms |
                """, HEALTHY_RESPONSES, 1000 / PACE.toMillis(), quiet.percentile(50), quiet.percentile(99), quiet.max(),
                DEAD_ENDPOINTS, FLOOD_PER_DEAD_ENDPOINT, flooded.percentile(50), flooded.percentile(99), flooded.max());
        report("isolation-report.md", table);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Latencies(List<Long> sortedMillis) {

        int count() {
            return sortedMillis.size();
        }

        long percentile(int p) {
            int index = (int) Math.ceil(p / 100.0 * sortedMillis.size()) - 1;
            return sortedMillis.get(Math.max(0, index));
        }

        long max() {
            return sortedMillis.get(sortedMillis.size() - 1);
        }
    }

    /** A survey with one NPS question whose webhook points at a receiver. */
    private record Target(String surveyId, String questionId) {

        static Target create(Api api, Api.Team team, TestReceiver receiver) {
            return create(api, team, receiver.url("/hook"));
        }

        static Target create(Api api, Api.Team team, String url) {
            JsonObject survey = api.createSurvey(team, "FLOW", "NPS");
            String surveyId = survey.getString("id");
            api.putWebhook(team, surveyId, url);
            return new Target(surveyId, survey.getJsonArray("questions").getJsonObject(0).getString("id"));
        }

        void submit(Api api, String phone) {
            api.submit(surveyId, "{\"phone\":\"" + phone + "\",\"answers\":[{\"questionId\":\"" + questionId + "\",\"response\":7}]}");
        }
    }
}
