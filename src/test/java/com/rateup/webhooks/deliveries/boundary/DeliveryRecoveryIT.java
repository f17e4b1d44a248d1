package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Received;
import com.rateup.webhooks.testing.TestReceiver.Stall;
import com.rateup.webhooks.testing.TestReceiver.Status;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Recovery in bulk: redeliver everything that failed, backfill a webhook with past responses, find any
 * delivery with cursor paging, and check a receiver.
 */
class DeliveryRecoveryIT extends SurveyWithWebhookFixture {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final Duration LONG_PATIENCE = Duration.ofMinutes(3);
    private static final int FAILED = 24;
    /** Past responses to backfill: a dozen of the job's windows (twice the per-endpoint concurrency each). */
    private static final int PAST = 200;

    /**
     * A quick 4xx is retried on the endpoint's two starting slots (a failure does not widen them), so failures
     * are slow to make here: 24 of them (more than one window, 16). The 300 of the issue, and SIGKILL half-way, are in {@code RecoveryProcessIT},
     * with a shorter schedule.
     */
    @Test
    void bulkRedeliveryRunsOneJobAtATimeStopsOnRequestAndSendsEveryFailedDeliveryOnceWhileAnotherTeamKeepsItsPace() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        receiver.otherwise(new Status(400, "rejected"));
        for (int i = 0; i < FAILED; i++) {
            submitRating(i % 5 + 1);
        }
        await().atMost(LONG_PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> search("?status=FAILED&limit=500").size() == FAILED);
        Set<String> failed = ids(search("?status=FAILED&limit=500"));
        receiver.otherwise(new Stall(Duration.ofMillis(300), 200));
        int before = receiver.received().size();

        Api.Reply first = post("/deliveries/redeliver", "{\"since\":\"" + since + "\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String stopped = first.object().getString("id");
        assertThat(first.object().getInt("count")).isEqualTo(FAILED);
        assertThat(first.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/webhook/jobs/" + stopped));
        Api.Reply second = post("/deliveries/redeliver", "{\"status\":\"FAILED\",\"since\":\"" + since + "\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.object().getString("id")).isEqualTo(stopped);

        Api.Reply cancelled = api.call(team, "DELETE", jobPath(stopped));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.object().getString("state")).isEqualTo("CANCELLED");
        await().atMost(PATIENCE).until(() -> search("?status=PENDING").isEmpty());
        JsonObject stoppedJob = api.call(team, "GET", jobPath(stopped)).object();
        int redelivered = search("?status=DELIVERED&limit=500").size();
        assertThat(redelivered).as("only what was handed over before the stop").isLessThan(FAILED).isEqualTo(stoppedJob.getInt("queued"))
                .isEqualTo(stoppedJob.getInt("done"));
        assertThat(api.call(team, "DELETE", jobPath(stopped)).status()).isEqualTo(409);

        receiver.otherwise(new Status(200, "ok"));
        try (TestReceiver other = new TestReceiver()) {
            Api.Team otherTeam = api.createTeam("healthy neighbour");
            JsonObject theirs = api.createSurvey(otherTeam, "SURVEY", "Rating");
            String otherSurvey = theirs.getString("id");
            String rating = "{\"answers\":[{\"questionId\":\"" + theirs.getJsonArray("questions").getJsonObject(0).getString("id")
                    + "\",\"response\":4}]}";
            api.putWebhook(otherTeam, otherSurvey, other.url("/theirs"));

            Api.Reply rest = post("/deliveries/redeliver", "{\"since\":\"" + since + "\"}");
            assertThat(rest.object().getInt("count")).as("the ones still FAILED").isEqualTo(FAILED - redelivered);
            String jobId = rest.object().getString("id");
            List<Long> otherLatencies = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                Instant submitted = Instant.now();
                api.submit(otherSurvey, rating);
                int arrived = i;
                await().atMost(PATIENCE).until(() -> other.received().size() == arrived);
                otherLatencies.add(Duration.between(submitted, other.received().get(arrived - 1).at()).toMillis());
            }
            JsonObject job = awaitJob(jobId, "DONE");
            System.out.printf("bulk redelivery: the other team's deliveries meanwhile took %s ms (submit to arrival)%n",
                    otherLatencies.stream().sorted().toList());
            assertThat(job.getString("kind")).isEqualTo("REDELIVER");
            assertThat(job.getInt("done")).isEqualTo(FAILED - redelivered);
        }
        List<Received> resent = receiver.received().subList(before, receiver.received().size());
        Map<String, Long> timesSent = resent.stream().collect(Collectors.groupingBy(r -> r.header("x-webhook-id"), Collectors.counting()));
        assertThat(timesSent.keySet()).isEqualTo(failed);
        assertThat(timesSent.values()).containsOnly(1L);
        assertThat(search("?status=DELIVERED&limit=500")).hasSize(FAILED);
    }

    @Test
    void backfillSendsTwoHundredPastResponsesOnceAndAgainSendsNothing() {
        JsonObject past = api.createSurvey(team, "FLOW", "Rating");
        String pastSurvey = past.getString("id");
        String question = past.getJsonArray("questions").getJsonObject(0).getString("id");
        Instant since = Instant.now().minusSeconds(1);
        Set<String> responses = new HashSet<>();
        for (int i = 0; i < PAST; i++) {
            responses.add(api.submit(pastSurvey, "{\"answers\":[{\"questionId\":\"" + question + "\",\"response\":" + (i % 5 + 1) + "}]}"));
        }
        String webhookPath = Api.webhookPath(team, pastSurvey);
        assertThat(api.send("POST", webhookPath + "/backfill", Api.bearer(team.token()), body("{\"since\":\"" + since + "\"}")).status())
                .as("no webhook yet").isEqualTo(404);
        api.putWebhook(team, pastSurvey, receiver.url("/past"));

        Api.Reply started = api.send("POST", webhookPath + "/backfill", Api.bearer(team.token()), body("{\"since\":\"" + since + "\"}"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.object().getInt("count")).isEqualTo(PAST);
        String jobId = started.object().getString("id");
        await().atMost(LONG_PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> "DONE".equals(api.call(team, "GET", webhookPath + "/jobs/" + jobId).object().getString("state")));
        assertThat(api.call(team, "GET", webhookPath + "/jobs/" + jobId).object().getInt("done")).isEqualTo(PAST);

        Api.Reply again = api.send("POST", webhookPath + "/backfill", Api.bearer(team.token()), body("{\"since\":\"" + since + "\"}"));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.object().getInt("count")).isZero();
        List<Received> sent = receiver.received().stream().filter(r -> r.path().equals("/past")).toList();
        assertThat(sent).hasSize(PAST);
        assertThat(sent.stream().map(r -> body(r.bodyText()).getString("surveyId")).distinct()).containsExactly(pastSurvey);
        assertThat(sent.stream().map(r -> r.header("x-webhook-id")).distinct()).hasSize(PAST);
        assertThat(api.call(team, "GET", webhookPath + "/deliveries?limit=500").array().stream()
                .map(d -> d.asJsonObject().getString("responseId")).collect(Collectors.toSet())).isEqualTo(responses);
    }

    @Test
    void cursorPagingWalksTwelveHundredDeliveriesEachExactlyOnce() {
        for (int i = 0; i < 1200; i++) {
            submitRating(i % 5 + 1);
        }
        Set<String> seen = new HashSet<>();
        List<String> inOrder = new ArrayList<>();
        String next = Api.webhookPath(team, surveyId) + "/deliveries?limit=100";
        int pages = 0;
        while (next != null) {
            Api.Reply page = api.call(team, "GET", next);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.array().forEach(d -> inOrder.add(d.asJsonObject().getString("id")));
            next = page.header("Link").map(DeliveryRecoveryIT::nextOf).orElse(null);
            if (pages++ == 3) {
                submitRating(5); // newer than the walk's start: neither repeats nor shifts what follows
            }
        }
        seen.addAll(inOrder);
        assertThat(inOrder).hasSize(1200);
        assertThat(seen).hasSize(1200);
        assertThat(pages).isEqualTo(12);
    }

    @Test
    void searchFiltersByStatusResponseIdStatusCodeAndTimeAndNamesWhatIsWrong() {
        receiver.then(new Status(500, "oops"));
        String first = submitRating(1);
        await().atMost(PATIENCE).until(() -> search("?status=DELIVERED").size() == 1);
        Instant between = Instant.now();
        String second = submitRating(2);
        String third = submitRating(3);
        await().atMost(PATIENCE).until(() -> search("?status=DELIVERED").size() == 3);

        assertThat(responseIds(search("?statusCode=500"))).containsExactly(first);
        assertThat(responseIds(search("?responseId=" + second))).containsExactly(second);
        assertThat(responseIds(search("?since=" + between))).containsExactly(third, second);
        assertThat(responseIds(search("?until=" + between))).containsExactly(first);
        assertThat(search("?status=FAILED")).isEmpty();

        for (String bad : List.of("status=NOPE", "since=yesterday", "until=2026-13-01T00:00:00Z", "limit=0", "limit=501",
                "statusCode=abc", "statusCode=99", "cursor=not-a-cursor", "since=" + between + "&until=" + between)) {
            Api.Reply reply = api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries?" + bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            String parameter = bad.substring(bad.lastIndexOf('&') + 1).split("=")[0];
            assertThat(reply.object().getJsonArray("details").getString(0)).as(bad).startsWith(parameter + ":");
        }
        assertThat(post("/deliveries/redeliver", "{}").status()).isEqualTo(400);
        assertThat(post("/deliveries/redeliver", "{\"status\":\"PENDING\",\"since\":\"" + between + "\"}").status()).isEqualTo(400);
        assertThat(search("?status=DELIVERED")).as("nothing changed").hasSize(3);
    }

    @Test
    void theReceiverCheckTellsAReceiverThatAcceptsEverythingThatAnyoneCanForgeEvents() {
        JsonObject check = api.call(team, "POST", Api.webhookPath(team, surveyId) + "/check").object();
        assertThat(check.getBoolean("acceptsSigned")).isTrue();
        assertThat(check.getBoolean("rejectsMisSigned")).isFalse();
        assertThat(check.getBoolean("rejectsStale")).isFalse();
        assertThat(check.getString("verdict")).contains("wrong signature").contains("anyone can forge them");
        assertThat(receiver.received()).hasSize(3).allSatisfy(r -> assertThat(r.header("x-rateup-test")).isEqualTo("true"));
        long staleBy = Instant.now().getEpochSecond() - Long.parseLong(receiver.received().get(2).header("webhook-timestamp"));
        assertThat(staleBy).isBetween(590L, 620L);
        assertThat(api.deliveries(team, surveyId)).as("not stored").isEmpty();
    }

    private JsonArray search(String query) {
        Api.Reply reply = api.call(team, "GET", Api.webhookPath(team, surveyId) + "/deliveries" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.array();
    }

    private Api.Reply post(String path, String json) {
        return api.send("POST", Api.webhookPath(team, surveyId) + path, Api.bearer(team.token()), body(json));
    }

    private String jobPath(String jobId) {
        return Api.webhookPath(team, surveyId) + "/jobs/" + jobId;
    }

    private JsonObject awaitJob(String jobId, String state) {
        await().atMost(LONG_PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> state.equals(api.call(team, "GET", jobPath(jobId)).object().getString("state")));
        return api.call(team, "GET", jobPath(jobId)).object();
    }

    private static JsonObject body(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static Set<String> ids(JsonArray deliveries) {
        return deliveries.stream().map(d -> d.asJsonObject().getString("id")).collect(Collectors.toSet());
    }

    private static List<String> responseIds(JsonArray deliveries) {
        return deliveries.stream().map(d -> d.asJsonObject().getString("responseId")).toList();
    }

    /** The path and query of the Link header's next page. */
    private static String nextOf(String link) {
        Matcher next = NEXT.matcher(link);
        if (!next.find()) {
            return null;
        }
        java.net.URI uri = java.net.URI.create(next.group(1));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
