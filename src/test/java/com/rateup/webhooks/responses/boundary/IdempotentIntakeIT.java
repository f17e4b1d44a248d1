package com.rateup.webhooks.responses.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} at the public intake: a retried submission is one response and one delivery,
 * sent again in sequence or six at once; another body under a used key is refused; a bad key is refused
 * before anything is stored; without a key nothing changes. On the shared server (a few seconds): the
 * key surviving a kill is {@code IntakeCrashIT}'s.
 */
class IdempotentIntakeIT extends SurveyWithWebhookFixture {

    @Test
    void aSubmissionSentThreeTimesWithOneKeyIsOneResponseAndOneDelivery() {
        String body = rating(4);
        Api.Reply first = api.submitOnce(surveyId, "retry-1", body);
        Api.Reply second = api.submitOnce(surveyId, "retry-1", body);
        Api.Reply third = api.submitOnce(surveyId, "retry-1", body.replace(":", " : ")); // the same answers, spaced otherwise

        assertThat(List.of(first.status(), second.status(), third.status())).containsOnly(201);
        String id = first.object().getString("id");
        assertThat(second.object().getString("id")).isEqualTo(id);
        assertThat(third.object().getString("id")).isEqualTo(id);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(second.header("Idempotent-Replayed")).hasValue("true");
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        assertThat(api.deliveries(team, surveyId)).hasSize(1);
    }

    @Test
    void sixSubmissionsAtOnceWithOneKeyAreOneResponse() throws Exception {
        String body = rating(2);
        ExecutorService six = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Reply>> sends = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sends.add(() -> api.submitOnce(surveyId, "at-once", body));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> reply : six.invokeAll(sends)) {
                replies.add(reply.get());
            }
            assertThat(replies).extracting(Api.Reply::status).containsOnly(201);
            Set<String> ids = replies.stream().map(reply -> reply.object().getString("id")).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(replies.stream().filter(reply -> reply.header("Idempotent-Replayed").isEmpty())).as("stored once").hasSize(1);
        } finally {
            six.shutdown();
        }
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        assertThat(api.deliveries(team, surveyId)).hasSize(1);
    }

    @Test
    void anotherBodyUnderAUsedKeyIsRefusedAndTheKeyIsTheSurveys() {
        String id = api.submitOnce(surveyId, "k", rating(5)).object().getString("id");

        Api.Reply changed = api.submitOnce(surveyId, "k", rating(1));
        assertThat(changed.status()).as(changed.body()).isEqualTo(422);
        assertThat(changed.object().getString("error")).isEqualTo("idempotency key reused");
        assertThat(changed.object().getJsonArray("details").getString(0)).startsWith("Idempotency-Key: ");

        String otherSurvey = api.createSurvey(team, "SURVEY", "Rating").getString("id");
        String otherQuestion = api.call(team, "GET", "api/teams/" + team.id() + "/surveys/" + otherSurvey).object()
                .getJsonArray("questions").getJsonObject(0).getString("id");
        Api.Reply elsewhere = api.submitOnce(otherSurvey, "k", "{\"answers\":[{\"questionId\":\"" + otherQuestion + "\",\"response\":5}]}");
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(elsewhere.object().getString("id")).isNotEqualTo(id);
        assertThat(elsewhere.header("Idempotent-Replayed")).isEmpty();
        assertThat(api.deliveries(team, surveyId)).hasSize(1);
    }

    @Test
    void aBadKeyIsRefusedAndNothingIsStored() {
        // the characters a key may not have are IdempotencyKeyTest's: HTTP clients and servers differ in what they pass of them
        for (String bad : List.of("", "x".repeat(256))) {
            Api.Reply reply = api.submitOnce(surveyId, bad, rating(3));
            assertThat(reply.status()).as("key of %d characters", bad.length()).isEqualTo(400);
            assertThat(reply.object().getJsonArray("details").getString(0)).startsWith("Idempotency-Key: must be 1 to 255 printable ASCII");
        }
        assertThat(api.submitOnce(surveyId, "x".repeat(255), rating(3)).status()).isEqualTo(201);
        assertThat(api.deliveries(team, surveyId)).hasSize(1);
    }

    @Test
    void withoutAKeyEverySubmissionIsAResponse() {
        String first = api.submit(surveyId, rating(3));
        String second = api.submit(surveyId, rating(3));
        assertThat(first).isNotEqualTo(second);
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 2);
    }

    private String rating(int value) {
        return "{\"answers\":[{\"questionId\":\"" + questionId(0) + "\",\"response\":" + value + "}]}";
    }
}
