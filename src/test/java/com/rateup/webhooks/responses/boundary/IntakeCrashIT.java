package com.rateup.webhooks.responses.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group commit loses nothing and stores nothing it refused. Many clients submit at once, so
 * responses share commits, and the server is killed with SIGKILL in the middle of that. Each
 * submission carries its own phone number, which its delivery's payload repeats: after a restart,
 * every submission answered 201 must reach the receiver, and none answered with an error (the
 * deliberately invalid ones among them) ever may. A submission that got no answer (the kill cut its
 * connection) may go either way. Each carries an {@code Idempotency-Key}: after the restart, resent with
 * it, an accepted one gets its first answer again and an unanswered one is stored at most once.
 */
class IntakeCrashIT {

    private static final int CLIENTS = 16;
    /** Accepted submissions before the kill: enough that commits hold several responses each. */
    private static final int ACCEPTED_BEFORE_KILL = 300;
    private static final int INVALID_SCORE = 11;

    @TempDir
    Path workDir;

    private final Map<String, Integer> answered = new ConcurrentHashMap<>();
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final List<String> failedBeforeKill = new CopyOnWriteArrayList<>();
    private volatile boolean killed;

    @Test
    void everySubmissionAnswered201IsDeliveredAfterSigkillAndNoRefusedOneIs() throws Exception {
        Map<String, String> config = ServerProcess.testConfig(workDir, Map.of());
        try (TestReceiver receiver = new TestReceiver().otherwise(new TestReceiver.Status(200, "{\"ok\":true}"))) {
            Api.Team team;
            String surveyId;
            String metrics;
            try (ServerProcess first = ServerProcess.start(workDir, "first", config)) {
                Api api = new Api(first.url());
                team = api.createTeam("Intake crash team");
                JsonObject survey = api.createSurvey(team, "FLOW", "NPS");
                surveyId = survey.getString("id");
                String questionId = survey.getJsonArray("questions").getJsonObject(0).getString("id");
                api.putWebhook(team, surveyId, receiver.url("/hook"));

                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                AtomicInteger sequence = new AtomicInteger();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI submit = api.base().resolve("api/surveys/" + surveyId + "/responses");
                for (int i = 0; i < CLIENTS; i++) {
                    clients.submit(() -> {
                        while (!killed) {
                            int n = sequence.incrementAndGet();
                            String phone = String.valueOf(14150000000L + n);
                            // every seventh is refused by validation: an NPS of 11
                            int score = n % 7 == 0 ? INVALID_SCORE : n % 11;
                            String body = "{\"phone\":\"" + phone + "\",\"answers\":[{\"questionId\":\"" + questionId + "\",\"response\":" + score + "}]}";
                            try {
                                HttpResponse<String> response = http.send(HttpRequest.newBuilder(submit).timeout(Duration.ofSeconds(30))
                                        .header("Content-Type", "application/json").header("Idempotency-Key", phone)
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() == 201) {
                                    ids.put(phone, Json.createReader(new StringReader(response.body())).readObject().getString("id"));
                                }
                                bodies.put(phone, body);
                                answered.put(phone, response.statusCode());
                            } catch (IOException e) {
                                bodies.put(phone, body);
                                unanswered.add(phone);
                                if (!killed) {
                                    failedBeforeKill.add(e.toString());
                                }
                            }
                        }
                        return null;
                    });
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (accepted().size() < ACCEPTED_BEFORE_KILL && failedBeforeKill.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(failedBeforeKill).as("submissions without an answer from a live server").isEmpty();
                assertThat(accepted()).as("201s before the kill; answers so far by status: %s", statusCounts()).hasSizeGreaterThanOrEqualTo(ACCEPTED_BEFORE_KILL);
                metrics = api.send("GET", "metrics", null, null, null).body();
                killed = true;
                first.kill();
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            Set<String> accepted = accepted();
            Set<String> refused = answered.entrySet().stream().filter(e -> e.getValue() != 201).map(Map.Entry::getKey).collect(Collectors.toSet());

            try (ServerProcess second = ServerProcess.start(workDir, "second", config)) {
                Api api = new Api(second.url());
                List<String> resent = accepted.stream().sorted().limit(20).collect(Collectors.toList());
                for (String phone : resent) {
                    Api.Reply again = api.submitOnce(surveyId, phone, bodies.get(phone));
                    assertThat(again.status()).isEqualTo(201);
                    assertThat(again.object().getString("id")).as("the key outlived the kill").isEqualTo(ids.get(phone));
                    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
                }
                Set<String> resentValid = unanswered.stream().filter(phone -> !invalid(bodies.get(phone))).collect(Collectors.toSet());
                for (String phone : unanswered) {
                    assertThat(api.submitOnce(surveyId, phone, bodies.get(phone)).status()).as("a client retrying after a lost answer")
                            .isEqualTo(resentValid.contains(phone) ? 201 : 400);
                }
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> receivedPhones(receiver).containsAll(accepted)
                                && api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries?status=PENDING&limit=1").array().isEmpty());
                Set<String> received = receivedPhones(receiver);
                System.out.printf("intake crash: %d answered 201, %d refused, %d unanswered at SIGKILL; %d of the unanswered stored and delivered;"
                        + " before the kill %.0f responses in %.0f intake commits%n",
                        accepted.size(), refused.size(), unanswered.size(), unanswered.stream().filter(received::contains).count(),
                        intakeMetric(metrics, "sum"), intakeMetric(metrics, "count"));

                assertThat(refused).as("validation refused every seventh").isNotEmpty()
                        .allSatisfy(phone -> assertThat(answered.get(phone)).isEqualTo(400));
                assertThat(received).containsAll(accepted).doesNotContainAnyElementsOf(refused);
                assertThat(received).allSatisfy(phone -> assertThat(accepted.contains(phone) || unanswered.contains(phone)).isTrue());
                assertThat(received).as("each unanswered submission, resent with its key, stored").containsAll(resentValid);
                assertThat(deliveryIdsByPhone(receiver)).as("one delivery per key, whatever was resent").allSatisfy((phone, deliveryIds) ->
                        assertThat(deliveryIds).as(phone).hasSize(1));
            }
        }
    }

    private static boolean invalid(String body) {
        return body.contains("\"response\":" + INVALID_SCORE + "}");
    }

    private static Map<String, Set<String>> deliveryIdsByPhone(TestReceiver receiver) {
        Map<String, Set<String>> byPhone = new java.util.HashMap<>();
        for (var request : receiver.received()) {
            try {
                String phone = Json.createReader(new StringReader(request.bodyText())).readObject().getString("phone");
                byPhone.computeIfAbsent(phone, p -> new java.util.HashSet<>()).add(request.header("x-webhook-id"));
            } catch (JsonException partial) {
                // cut short by the kill
            }
        }
        return byPhone;
    }

    private static double intakeMetric(String metrics, String suffix) {
        String prefix = "rateup_group_commit_batch_" + suffix + "{lane=\"intake\"} ";
        return metrics.lines().filter(line -> line.startsWith(prefix)).mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst().orElse(Double.NaN);
    }

    private Map<Integer, Long> statusCounts() {
        return answered.values().stream().collect(Collectors.groupingBy(status -> status, Collectors.counting()));
    }

    private Set<String> accepted() {
        return answered.entrySet().stream().filter(e -> e.getValue() == 201).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Set<String> receivedPhones(TestReceiver receiver) {
        // a POST the kill cut short arrives with a partial body: it delivered nothing
        return receiver.received().stream()
                .flatMap(request -> {
                    try {
                        return Stream.of(Json.createReader(new StringReader(request.bodyText())).readObject().getString("phone"));
                    } catch (JsonException partial) {
                        return Stream.empty();
                    }
                })
                .collect(Collectors.toSet());
    }
}
