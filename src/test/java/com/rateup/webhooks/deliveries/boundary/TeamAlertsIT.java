package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.egress.control.Signatures;
import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import com.rateup.webhooks.testing.TestReceiver.Received;
import com.rateup.webhooks.testing.TestReceiver.Stall;
import com.rateup.webhooks.testing.TestReceiver.Status;
import com.rateup.webhooks.testing.TestReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts to the team's alert endpoint about its webhooks: once per change of state, durable,
 * signed with the alert endpoint's own secret, never about the alert endpoint itself.
 */
class TeamAlertsIT extends SurveyWithWebhookFixture {

    private TestReceiver alertReceiver;
    private String alertSecret;

    @BeforeEach
    void alertEndpoint() throws Exception {
        alertReceiver = new TestReceiver();
        assertThat(api.call(team, "GET", alertsPath()).status()).isEqualTo(404);
        Api.Reply created = api.send("PUT", alertsPath(), Api.bearer(team.token()),
                Json.createObjectBuilder().add("url", alertReceiver.url("/alerts")).add("enabled", true).build());
        assertThat(created.status()).isEqualTo(201);
        alertSecret = created.object().getString("secret");
    }

    @AfterEach
    void closeAlertReceiver() throws Exception {
        alertReceiver.close();
    }

    @Test
    void aGoneReceiverRaisesOneWebhookDisabledAlertSignedWithTheAlertSecret() {
        receiver.then(new Status(410, "gone"));
        submitRating(1);

        await().atMost(PATIENCE).until(() -> alertReceiver.received().size() == 1);
        Received request = alertReceiver.received().get(0);
        JsonObject alert = body(request);
        assertThat(alert.keySet()).containsExactly("type", "teamId", "surveyId", "webhookId", "webhookUrl", "at", "reason");
        assertThat(alert.getString("type")).isEqualTo("webhook.disabled");
        assertThat(alert.getString("teamId")).isEqualTo(team.id());
        assertThat(alert.getString("surveyId")).isEqualTo(surveyId);
        assertThat(alert.getString("webhookUrl")).isEqualTo(receiver.url("/hooks/rateup"));
        assertThat(request.header("x-rateup-signature")).isEqualTo(Signatures.rateup(alertSecret, request.body()))
                .isNotEqualTo(Signatures.rateup(webhook().getString("secret"), request.body()));
        assertThat(request.header("webhook-id")).isEqualTo(request.header("x-webhook-id"));
        assertThat(api.call(team, "GET", Api.webhookPath(team, surveyId) + "/stats").object().getString("state")).isEqualTo("DISABLED");
    }

    /**
     * Alerts are a webhook's events (#29): a team webhook that takes only alert types (a chat channel beside the
     * on-call tool behind {@code …/alerts}) gets every alert too, signed with its own secret, and no responses.
     * Its test button sends a sample alert, not a response.
     */
    @Test
    void aSecondAlertSubscriberGetsEveryAlertSignedWithItsOwnSecretAndNoResponses() throws Exception {
        try (TestReceiver chat = new TestReceiver()) {
            Api.Reply subscribed = api.send("POST", "api/teams/" + team.id() + "/webhooks", Api.bearer(team.token()),
                    Json.createObjectBuilder().add("url", chat.url("/chat"))
                            .add("events", Json.createArrayBuilder().add("webhook.failing").add("webhook.disabled").add("delivery.failed")
                                    .add("webhook.recovered").add("webhook.slow").add("webhook.circuit_open"))
                            .build());
            assertThat(subscribed.status()).isEqualTo(201);
            String chatSecret = subscribed.object().getString("secret");
            assertThat(subscribed.object().getJsonArray("events")).hasSize(6);
            JsonObject alerts = api.call(team, "GET", alertsPath()).object();
            assertThat(alerts.getString("url")).isEqualTo(alertReceiver.url("/alerts"));
            assertThat(alerts.getJsonArray("events").getValuesAs(jakarta.json.JsonString.class)).extracting(jakarta.json.JsonString::getString)
                    .containsExactly("webhook.failing", "webhook.slow", "webhook.circuit_open", "webhook.disabled", "webhook.recovered",
                            "delivery.failed");

            receiver.then(new Status(410, "gone"));
            submitRating(1);

            await().atMost(PATIENCE).until(() -> alertReceiver.received().size() == 1 && chat.received().size() == 1);
            Received toOnCall = alertReceiver.received().get(0);
            Received toChat = chat.received().get(0);
            assertThat(body(toChat)).isEqualTo(body(toOnCall));
            assertThat(body(toChat).getString("type")).isEqualTo("webhook.disabled");
            assertThat(toChat.header("x-rateup-signature")).isEqualTo(Signatures.rateup(chatSecret, toChat.body()));
            assertThat(toOnCall.header("x-rateup-signature")).isEqualTo(Signatures.rateup(alertSecret, toOnCall.body()));
            assertThat(toChat.header("x-webhook-id")).isNotEqualTo(toOnCall.header("x-webhook-id"));
            Thread.sleep(1000); // a sweep: the response went to the survey's webhook only
            assertThat(chat.received()).hasSize(1);

            Api.Reply test = api.call(team, "POST", "api/teams/" + team.id() + "/webhooks/" + subscribed.object().getString("id") + "/test");
            assertThat(test.status()).isEqualTo(200);
            assertThat(test.object().getBoolean("delivered")).isTrue();
            Received sample = chat.received().get(1);
            assertThat(body(sample).getString("type")).as("an alert subscriber's test is a sample alert").isEqualTo("test");
            assertThat(sample.header("x-rateup-signature")).isEqualTo(Signatures.rateup(chatSecret, sample.body()));
        }
    }

    @Test
    void fiftyFailuresRaiseOneFailingAlertEachExhaustedDeliveryItsOwnAndHealingOneRecovered() throws Exception {
        receiver.otherwise(new Status(500, "down"));
        int responses = 13; // 4 attempts each: 52 failures
        for (int i = 0; i < responses; i++) {
            submitRating(i % 5 + 1);
        }
        await().atMost(PATIENCE.multipliedBy(2)).until(() -> api.deliveries(team, surveyId).stream()
                .allMatch(d -> "FAILED".equals(d.asJsonObject().getString("status"))));
        await().atMost(PATIENCE).until(() -> typesReceived().stream().filter("delivery.failed"::equals).count() == responses);
        assertThat(receiver.received()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(typesReceived().stream().filter("webhook.failing"::equals).count()).isEqualTo(1);

        Set<String> failedIds = api.deliveries(team, surveyId).stream().map(d -> d.asJsonObject().getString("id")).collect(Collectors.toSet());
        JsonObject exhausted = alertReceiver.received().stream().map(TeamAlertsIT::body)
                .filter(a -> "delivery.failed".equals(a.getString("type"))).findFirst().orElseThrow();
        assertThat(failedIds).contains(exhausted.getString("deliveryId"));
        assertThat(exhausted.getString("responseId")).isNotBlank();
        assertThat(exhausted.getString("reason")).contains("answered 500");

        receiver.otherwise(new Status(200, "ok"));
        submitRating(5);
        await().atMost(PATIENCE).until(() -> typesReceived().contains("webhook.recovered"));
        assertThat(typesReceived().stream().filter("webhook.failing"::equals).count()).isEqualTo(1);
    }

    @Test
    void aReceiverNearingTheTimeoutRaisesWebhookSlow() {
        receiver.otherwise(new Stall(Duration.ofMillis(1000), 200));
        for (int rating = 1; rating <= 5; rating++) {
            submitRating(rating);
        }
        await().atMost(PATIENCE).until(() -> typesReceived().contains("webhook.slow"));
        assertThat(typesReceived()).doesNotContain("webhook.failing");
    }

    @Test
    void anAlertEndpointThatIsDownLosesNoAlertAndRaisesNoneAboutItself() {
        alertReceiver.then(new Status(503, ""), new Status(503, ""));
        receiver.then(new Status(410, "gone"));
        submitRating(2);

        await().atMost(PATIENCE).until(() -> alertReceiver.received().size() == 3);
        List<Received> tries = alertReceiver.received();
        assertThat(tries).extracting(r -> r.header("x-webhook-id")).containsOnly(tries.get(0).header("x-webhook-id"));
        assertThat(tries).extracting(r -> body(r).getString("type")).containsOnly("webhook.disabled");
        assertThat(tries).extracting(r -> body(r).getString("webhookUrl")).containsOnly(receiver.url("/hooks/rateup"));
    }

    @Test
    void theAlertSettingsAreTheTeamsAndGuardedLikeAWebhook() {
        Api.Reply bad = api.send("PUT", alertsPath(), Api.bearer(team.token()), Json.createObjectBuilder().add("url", "ftp://x").build());
        assertThat(bad.status()).isEqualTo(400);
        JsonObject rotated = api.call(team, "POST", alertsPath() + "/secret").object();
        assertThat(rotated.getString("secret")).isNotEqualTo(alertSecret);
        JsonObject test = api.call(team, "POST", alertsPath() + "/test").object();
        assertThat(test.getBoolean("delivered")).isTrue();
        Received sample = alertReceiver.received().get(0);
        assertThat(body(sample).getString("type")).isEqualTo("test");
        assertThat(sample.header("x-rateup-signature")).isEqualTo(Signatures.rateup(rotated.getString("secret"), sample.body()));

        Api.Team other = api.createTeam("Other");
        assertThat(api.call(other, "GET", alertsPath()).status()).isEqualTo(404);
        assertThat(api.call(other, "GET", "api/teams/" + other.id() + "/alerts").status()).isEqualTo(404);
        assertThat(api.call(team, "GET", "api/teams/" + team.id() + "/webhooks").array())
                .as("the alert endpoint is not one of the team's webhooks").hasSize(1);
        assertThat(api.call(team, "DELETE", alertsPath()).status()).isEqualTo(204);
        assertThat(api.call(team, "GET", alertsPath()).status()).isEqualTo(404);
    }

    private List<String> typesReceived() {
        return alertReceiver.received().stream().map(r -> body(r).getString("type")).toList();
    }

    private String alertsPath() {
        return "api/teams/" + team.id() + "/alerts";
    }

    private static JsonObject body(Received request) {
        return Json.createReader(new StringReader(request.bodyText())).readObject();
    }
}
