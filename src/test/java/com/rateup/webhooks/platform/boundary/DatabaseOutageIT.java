package com.rateup.webhooks.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped and started again ({@code pg_ctl stop -m fast} / {@code start}) under a steady
 * load of submissions, with the app in a process of its own. Structural: no 500 at any time, a 503
 * with Retry-After while the database is away, the intake accepting again after it without a
 * restart, and every accepted response delivered; readiness DOWN during the outage and liveness UP
 * throughout, the outage lasting longer than the window in which liveness once required a completed
 * sweep (30 sweep intervals + 30 s: 36 s with the 0.2 s interval here). The time to a 503 during the
 * outage and the time to recover after it go to {@code target/database-outage-report.md}; they are not asserted.
 */
class DatabaseOutageIT {

    private static final Duration INTERVAL = Duration.ofMillis(200); // 5 submissions per second
    private static final Duration BEFORE = Duration.ofSeconds(5);
    private static final Duration SWEEP_INTERVAL = Duration.ofMillis(200);
    private static final Duration OUTAGE = Duration.ofSeconds(30).plus(SWEEP_INTERVAL.multipliedBy(30)).plusSeconds(4);
    private static final Duration AFTER = Duration.ofSeconds(20);

    @TempDir
    Path workDir;

    /** One submission: when it was sent, how long its answer took, and what it was. */
    private static final int NO_ANSWER = -1;

    record Submission(Instant sentAt, long millis, int status, String responseId, boolean retryAfter) {
    }

    @Test
    void theIntakeAnswers503DuringAnOutageAndAcceptsAgainAfterItAndNothingAcceptedIsLost() throws Exception {
        assumeTrue("postgresql".equals(System.getProperty("rateup.test.db")), "stops the tests' PostgreSQL server");
        List<Submission> submissions = new CopyOnWriteArrayList<>();
        List<Integer> live = new ArrayList<>();
        List<Integer> ready = new ArrayList<>();
        try (TestReceiver receiver = new TestReceiver().otherwise(new Status(200, "{\"ok\":true}"));
                ServerProcess server = ServerProcess.start(workDir, "app", ServerProcess.testConfig(workDir,
                        Map.of("rateup.delivery.sweep-interval", SWEEP_INTERVAL.toString())))) {
            Api api = new Api(server.url());
            Api.Team team = api.createTeam("Outage");
            JsonObject survey = api.createSurvey(team, "SURVEY", "Rating");
            String surveyId = survey.getString("id");
            api.putWebhook(team, surveyId, receiver.url("/hooks"));
            String body = "{\"answers\":[{\"questionId\":\"" + survey.getJsonArray("questions").getJsonObject(0).getString("id")
                    + "\",\"response\":4}]}";

            ExecutorService load = Executors.newFixedThreadPool(4);
            Instant stoppedAt;
            Instant restartingAt;
            Instant resumedAt;
            try {
                Instant end = Instant.now().plus(BEFORE).plus(OUTAGE).plus(AFTER).plusSeconds(5);
                Thread pacer = new Thread(() -> {
                    for (Instant next = Instant.now(); next.isBefore(end); next = next.plus(INTERVAL)) {
                        load.execute(() -> submissions.add(submit(api, surveyId, body)));
                        sleepUntil(next.plus(INTERVAL));
                    }
                });
                pacer.start();
                sleepUntil(Instant.now().plus(BEFORE));
                stoppedAt = Instant.now();
                postgres("stop");
                while (Instant.now().isBefore(stoppedAt.plus(OUTAGE))) {
                    live.add(probe(server.health("live")));
                    ready.add(probe(server.health("ready")));
                    sleepUntil(Instant.now().plusSeconds(1));
                }
                restartingAt = Instant.now();
                postgres("resume");
                resumedAt = Instant.now(); // pg_ctl start -w: accepting connections
                pacer.join();
            } finally {
                load.shutdown();
                load.awaitTermination(1, TimeUnit.MINUTES);
            }

            List<Submission> during = submissions.stream()
                    .filter(s -> s.sentAt().isAfter(stoppedAt.plusSeconds(1)) && s.sentAt().isBefore(restartingAt)).toList();
            List<Submission> accepted = submissions.stream().filter(s -> s.status() == 201).toList();
            Instant firstAcceptedAfter = accepted.stream().filter(s -> s.sentAt().isAfter(resumedAt))
                    .map(s -> s.sentAt().plusMillis(s.millis())).min(Comparator.naturalOrder()).orElseThrow(() -> new AssertionError("nothing accepted after the database came back"));

            // a submission in flight when the database went away may wait for it (seen once on WildFly, stored after
            // the return): its client gave up, so it may or may not be stored; any other gets an answer
            List<Submission> inFlightAtTheStop = submissions.stream()
                    .filter(s -> s.status() == NO_ANSWER && s.sentAt().isBefore(stoppedAt.plusSeconds(1))).toList();
            assertThat(submissions).as("answers (the database stopped at %s, back at %s)", stoppedAt, resumedAt)
                    .filteredOn(s -> !inFlightAtTheStop.contains(s)).allSatisfy(s -> assertThat(s.status()).isIn(201, 503));
            assertThat(during).isNotEmpty().allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(503);
                assertThat(s.retryAfter()).as("Retry-After on a 503").isTrue();
            });
            assertThat(live).as("liveness during the outage").isNotEmpty().containsOnly(200);
            assertThat(ready.subList(ready.size() / 2, ready.size())).as("readiness in the outage's second half").containsOnly(503);
            assertThat(submissions.stream().filter(s -> s.sentAt().isAfter(resumedAt.plusSeconds(15))))
                    .as("the intake accepts again without a restart").isNotEmpty().allMatch(s -> s.status() == 201);

            Set<String> acceptedIds = accepted.stream().map(Submission::responseId).collect(Collectors.toSet());
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> deliveredResponses(api, team, surveyId)
                        .containsAll(acceptedIds));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("accepted but not delivered: " + undelivered(api, team, surveyId, acceptedIds), e);
            }
            Set<String> reached = receiver.received().stream().map(r -> r.header("x-webhook-id")).collect(Collectors.toSet());
            assertThat(reached).as("distinct deliveries at the receiver").hasSizeBetween(acceptedIds.size(),
                    acceptedIds.size() + inFlightAtTheStop.size());

            report(submissions, during, stoppedAt, resumedAt, firstAcceptedAfter, accepted.size(), inFlightAtTheStop.size());
        }
    }

    private static int probe(URI check) {
        try {
            return PROBE.send(HttpRequest.newBuilder(check).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static final HttpClient PROBE = HttpClient.newHttpClient();

    private static Submission submit(Api api, String surveyId, String body) {
        Instant sentAt = Instant.now();
        Api.Reply reply;
        try {
            reply = api.send("POST", "api/surveys/" + surveyId + "/responses", null, "application/json", body);
        } catch (UncheckedIOException noAnswer) {
            return new Submission(sentAt, Duration.between(sentAt, Instant.now()).toMillis(), NO_ANSWER, null, false);
        }
        long millis = Duration.between(sentAt, Instant.now()).toMillis();
        String responseId = reply.status() == 201 ? reply.object().getString("id") : null;
        return new Submission(sentAt, millis, reply.status(), responseId, reply.header("Retry-After").isPresent());
    }

    private static Set<String> deliveredResponses(Api api, Api.Team team, String surveyId) {
        String json = api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries?limit=500&status=DELIVERED").body();
        return Json.createReader(new StringReader(json)).readArray().stream()
                .map(d -> d.asJsonObject().getString("responseId")).collect(Collectors.toSet());
    }

    /** The log's view of accepted responses whose deliveries have not arrived: the failure message of a lost delivery. */
    private static List<String> undelivered(Api api, Api.Team team, String surveyId, Set<String> acceptedIds) {
        String json = api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries?limit=500").body();
        return Json.createReader(new StringReader(json)).readArray().stream().map(d -> d.asJsonObject())
                .filter(d -> acceptedIds.contains(d.getString("responseId")) && !"DELIVERED".equals(d.getString("status")))
                .map(JsonObject::toString).toList();
    }

    private static void postgres(String action) throws IOException, InterruptedException {
        Process pg = new ProcessBuilder("bash", "src/test/postgres/pg.sh", action,
                System.getProperty("pg.dir"), System.getProperty("pg.port", "12432"))
                .redirectErrorStream(true).start();
        String output = new String(pg.getInputStream().readAllBytes());
        assertThat(pg.waitFor()).as("pg.sh " + action + ": " + output).isZero();
    }

    private static void sleepUntil(Instant at) {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void report(List<Submission> all, List<Submission> during, Instant stoppedAt, Instant resumedAt,
            Instant firstAcceptedAfter, int accepted, int unanswered) throws IOException {
        long[] latencies = during.stream().mapToLong(Submission::millis).sorted().toArray();
        long firstUnavailable = all.stream().filter(s -> s.status() == 503).map(Submission::sentAt).min(Comparator.naturalOrder())
                .map(at -> Duration.between(stoppedAt, at).toMillis()).orElse(-1L);
        String report = String.format("""
                # Database outage (%s, PostgreSQL stopped %d s under %d submissions/s)

                | measure | value |
                | --- | --- |
                | submissions | %d (%d accepted, all delivered; %d in flight at the stop without an answer in 30 s) |
                | first 503 after the stop | %d ms |
                | answer time during the outage (p50 / max) | %d ms / %d ms |
                | intake accepting again after the database's return | %d ms |
                """, System.getProperty("rateup.test.server", "payara"), OUTAGE.toSeconds(), 1000 / INTERVAL.toMillis(),
                all.size(), accepted, unanswered, firstUnavailable, latencies[latencies.length / 2], latencies[latencies.length - 1],
                Duration.between(resumedAt, firstAcceptedAfter).toMillis());
        System.out.println(report);
        Files.writeString(Path.of("target/database-outage-report.md"), report);
    }
}
