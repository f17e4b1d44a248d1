package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ReceiverProcess;
import com.rateup.webhooks.testing.ServerProcess;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver's outage, for real: its process is killed (SIGKILL, its port then refuses every
 * connection) while a response arrives every half second, and started again on the same port after
 * ten breaker intervals. The retry schedule here (1 s, 2 s, 4 s) is over long before the outage is:
 * a delivery that spent a retry on every refused connection would fail. Asserted: none fails, every
 * response arrives after the receiver is back without anyone doing anything, the waiting ones say why
 * in the log, and the attempts stay near one per delivery plus the breaker's probes. How long after the
 * return the last one arrived, and how many arrived out of submission order, go to
 * target/receiver-outage-report.md (machines are noisy: reported, not asserted).
 *
 * <p>{@code -Doutage.breaker-intervals=300} gives a 10-minute outage; with {@code -Doutage.breaker-open=PT36S}
 * too, a 3-hour one.
 */
class ReceiverOutageIT {

    private static final Duration BREAKER_OPEN = Duration.parse(System.getProperty("outage.breaker-open", "PT2S"));
    private static final int BREAKER_INTERVALS = Integer.getInteger("outage.breaker-intervals", 10);
    private static final int BREAKER_FAILURES = 3;
    private static final int BEFORE = 5;
    private static final Duration PACE = Duration.ofMillis(500);

    @TempDir
    Path workDir;

    @Test
    void aReceiverDownForTenBreakerIntervalsGetsEveryResponseWhenItIsBackAndNoneFails() throws Exception {
        Map<String, String> config = ServerProcess.testConfig(workDir, Map.of(
                "rateup.delivery.timeout", "PT1S",
                "rateup.delivery.retry-schedule", "PT1S,PT2S,PT4S",
                "rateup.delivery.breaker-failures", Integer.toString(BREAKER_FAILURES),
                "rateup.delivery.breaker-open", BREAKER_OPEN.toString()));
        int port = freePort();
        Path record = workDir.resolve("received.txt");
        ReceiverProcess receiver = ReceiverProcess.start(port, record);
        try (ServerProcess server = ServerProcess.start(workDir, "receiver-outage", config)) {
            Api api = new Api(server.url());
            Api.Team team = api.createTeam("Outage team");
            JsonObject survey = api.createSurvey(team, "FLOW", "NPS");
            String surveyId = survey.getString("id");
            String answer = "{\"questionId\":\"" + survey.getJsonArray("questions").getJsonObject(0).getString("id") + "\",\"response\":7}";
            api.putWebhook(team, surveyId, "http://127.0.0.1:" + port + "/hook");
            List<String> responses = new ArrayList<>();
            for (int i = 0; i < BEFORE; i++) {
                responses.add(api.submit(surveyId, "{\"phone\":\"" + String.format("7%05d", i) + "\",\"answers\":[" + answer + "]}"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == BEFORE);
            // the receiver records a request before it answers: killed before its answer, a delivery would wait too
            await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.of(api, team, surveyId).withStatus("DELIVERED").size() == BEFORE);

            receiver.kill();
            Instant down = Instant.now();
            Duration outage = BREAKER_OPEN.multipliedBy(BREAKER_INTERVALS);
            for (int i = 0; Instant.now().isBefore(down.plus(outage)); i++) {
                responses.add(api.submit(surveyId, "{\"phone\":\"" + String.format("8%05d", i) + "\",\"answers\":[" + answer + "]}"));
                Thread.sleep(PACE.toMillis());
            }
            // the newest are looked at by the next sweep after the circuit's current probe
            await().atMost(Duration.ofSeconds(15)).until(() -> Deliveries.of(api, team, surveyId).withStatus("PENDING").stream()
                    .allMatch(pending -> pending.getString("reason", "").startsWith("waiting for the endpoint since")));
            Deliveries during = Deliveries.of(api, team, surveyId);
            assertThat(during.withStatus("FAILED")).as("nothing of an outage fails").isEmpty();
            assertThat(during.withStatus("PENDING")).as("every delivery since the kill waits, saying why").hasSize(responses.size() - BEFORE);

            // the x-webhook-ids in submission order
            List<String> submitted = responses.stream().map(response -> during.all().stream()
                    .filter(d -> response.equals(d.getString("responseId"))).findFirst().orElseThrow().getString("id")).toList();
            ReceiverProcess back = ReceiverProcess.start(port, record);
            try {
                Instant up = Instant.now();
                Duration downFor = Duration.between(down, up);
                await().atMost(Duration.ofSeconds(60)).until(() -> new HashSet<>(back.received()).containsAll(submitted));
                Duration lastArrival = Duration.between(up, Instant.now());
                // the arrival is recorded once the receiver has answered
                await().atMost(Duration.ofSeconds(30)).until(() -> Deliveries.of(api, team, surveyId).withStatus("DELIVERED").size() == submitted.size());

                Deliveries after = Deliveries.of(api, team, surveyId);
                assertThat(after.all()).hasSize(submitted.size())
                        .allSatisfy(d -> assertThat(d.getString("status")).isEqualTo("DELIVERED"));
                int failedAttempts = after.all().stream().mapToInt(d -> d.getJsonArray("attempts").size() - 1).sum();
                long probes = downFor.dividedBy(BREAKER_OPEN) + 2;
                assertThat(failedAttempts).as("refused attempts: the breaker's threshold and one probe per open interval, not every delivery's retries")
                        .isLessThanOrEqualTo((int) (BREAKER_FAILURES + 2 * probes));
                report(submitted, back.received(), downFor, lastArrival, failedAttempts);
            } finally {
                back.kill();
            }
        } finally {
            receiver.kill();
        }
    }

    private static void report(List<String> submitted, List<String> arrived, Duration outage, Duration lastArrival, int failedAttempts)
            throws Exception {
        List<String> firstArrivals = arrived.stream().distinct().toList();
        int outOfOrder = 0;
        for (int i = 1; i < firstArrivals.size(); i++) {
            if (submitted.indexOf(firstArrivals.get(i)) < submitted.indexOf(firstArrivals.get(i - 1))) {
                outOfOrder++;
            }
        }
        String report = String.format("""
                | receiver killed for %s (%d breaker intervals of %s while responses arrive, every %d ms, then until all waiting say why) | value |
                | --- | --- |
                | responses | %d, all DELIVERED, none FAILED |
                | receiver back → every response arrived | %d ms |
                | refused attempts in all | %d |
                | arrivals out of submission order | %d of %d |
                """, outage, BREAKER_INTERVALS, BREAKER_OPEN, PACE.toMillis(), submitted.size(), lastArrival.toMillis(),
                failedAttempts, outOfOrder, firstArrivals.size());
        System.out.println(report);
        Files.writeString(Path.of("target", "receiver-outage-report.md"), report);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The delivery log as the API gives it. */
    private record Deliveries(List<JsonObject> all) {

        static Deliveries of(Api api, Api.Team team, String surveyId) {
            return new Deliveries(api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries?limit=500").array()
                    .stream().map(JsonValue::asJsonObject).toList());
        }

        List<JsonObject> withStatus(String status) {
            return all.stream().filter(d -> status.equals(d.getString("status"))).toList();
        }
    }
}
