package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import com.rateup.webhooks.testing.TestReceiver.Stall;
import com.rateup.webhooks.testing.TestReceiver.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A webhook's endpoint health: its state and figures, kept as attempts are recorded. The server runs
 * with a 1.5 s timeout, so an endpoint whose p95 is above 0.9 s is SLOW.
 */
class EndpointHealthIT extends SurveyWithWebhookFixture {

    @Test
    void aNewWebhookIsIdleAndAHealthyOneSaysSoWithItsFigures() {
        assertThat(stats().getString("state")).isEqualTo("IDLE");
        assertThat(stats().getInt("attempts24h")).isZero();

        submitRating(5);
        await().atMost(PATIENCE).until(() -> stats().getInt("attempts24h") == 1);

        JsonObject stats = stats();
        assertThat(stats.getString("state")).isEqualTo("HEALTHY");
        assertThat(stats.getInt("attempts24h")).isEqualTo(1);
        assertThat(stats.getJsonNumber("successRate24h").doubleValue()).isEqualTo(1.0);
        assertThat(stats.getJsonNumber("p95Ms").longValue()).isLessThan(1500);
        assertThat(stats.isNull("lastSuccessAt")).isFalse();
        assertThat(stats.isNull("lastFailureAt")).isTrue();
        assertThat(stats.getInt("consecutiveFailures")).isZero();
        assertThat(stats.isNull("circuitOpenUntil")).isTrue();
    }

    @Test
    void aReceiverThatFailsIsFailingUntilItAnswersAgain() {
        Status down = new Status(500, "down");
        receiver.then(down, down, down, down);
        submitRating(1);
        await().atMost(PATIENCE).until(() -> stats().getInt("consecutiveFailures") == 4);

        JsonObject failing = stats();
        assertThat(failing.getString("state")).isEqualTo("FAILING");
        assertThat(failing.getInt("consecutiveFailures")).isEqualTo(4);
        assertThat(failing.getJsonNumber("successRate24h").doubleValue()).isZero();
        assertThat(failing.isNull("lastFailureAt")).isFalse();

        submitRating(2);
        await().atMost(PATIENCE).until(() -> "HEALTHY".equals(stats().getString("state")));
        JsonObject healed = stats();
        assertThat(healed.getInt("attempts24h")).isEqualTo(5);
        assertThat(healed.getJsonNumber("successRate24h").doubleValue()).isEqualTo(0.2);
        assertThat(healed.getInt("consecutiveFailures")).isZero();
    }

    @Test
    void aGoneReceiverDisablesItsWebhookAndTheStatsSayDisabled() {
        receiver.then(new Status(410, "gone"));
        submitRating(3);
        awaitFinal();

        await().atMost(PATIENCE).until(() -> stats().getInt("attempts24h") == 1);
        assertThat(stats().getString("state")).isEqualTo("DISABLED");
        assertThat(stats().getInt("consecutiveFailures")).isEqualTo(1);
    }

    @Test
    void aReceiverWhoseP95NearsTheTimeoutIsSlowBeforeItTimesOut() {
        receiver.otherwise(new Stall(Duration.ofMillis(1000), 200));
        for (int rating = 1; rating <= 5; rating++) {
            submitRating(rating);
        }
        await().atMost(PATIENCE).until(() -> api.deliveries(team, surveyId).stream()
                .allMatch(d -> "DELIVERED".equals(d.asJsonObject().getString("status"))) && stats().getInt("attempts24h") == 5);

        JsonObject slow = stats();
        assertThat(slow.getString("state")).isEqualTo("SLOW");
        assertThat(slow.getJsonNumber("p95Ms").longValue()).isGreaterThan(900);
        assertThat(slow.getJsonNumber("timeoutMs").longValue()).isEqualTo(1500);
        assertThat(api.send("GET", "metrics", null, null, null).body()).contains("rateup_webhooks{state=\"SLOW\"}");
    }

    @Test
    void aTeamWebhooksStatsAreAtItsRouteAndAnotherTeamsAreNotFound() {
        Api.Reply created = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", receiver.url("/team")).add("surveys", "all").build());
        String path = "api/teams/" + team.id() + "/webhooks/" + created.object().getString("id") + "/stats";
        submitRating(4);
        await().atMost(PATIENCE).until(() -> "HEALTHY".equals(api.call(team, "GET", path).object().getString("state")));

        Api.Team other = api.createTeam("Other");
        String asOther = "api/teams/" + other.id() + "/webhooks/" + created.object().getString("id") + "/stats";
        assertThat(api.call(other, "GET", asOther).status()).isEqualTo(404);
        assertThat(api.call(other, "GET", path).status()).isIn(401, 403, 404);
    }

    private JsonObject stats() {
        return api.call(team, "GET", Api.webhookPath(team, surveyId) + "/stats").object();
    }
}
