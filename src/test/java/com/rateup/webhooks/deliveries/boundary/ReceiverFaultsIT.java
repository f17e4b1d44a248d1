package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import com.rateup.webhooks.testing.TestReceiver.EndlessBody;
import com.rateup.webhooks.testing.TestReceiver.HugeBody;
import com.rateup.webhooks.testing.TestReceiver.Received;
import com.rateup.webhooks.testing.TestReceiver.ResetInBody;
import com.rateup.webhooks.testing.TestReceiver.ResetInStatusLine;
import com.rateup.webhooks.testing.TestReceiver.Stall;
import com.rateup.webhooks.testing.TestReceiver.Status;
import com.rateup.webhooks.testing.TestReceiver.TrickleStatusLine;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a receiver can answer, each with its defined outcome (see the table in docs/receiving.md). The
 * server runs with a 1.5 s timeout, 3 retries and a 0.4 s initial backoff (arquillian.xml).
 */
class ReceiverFaultsIT extends SurveyWithWebhookFixture {

    @ParameterizedTest(name = "{0} is a success")
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void any2xxIsDeliveredAtTheFirstAttempt(int status) {
        receiver.then(new Status(status, ""));
        submitRating(3);

        JsonObject delivery = awaitFinal();

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(statusCodes(delivery)).containsExactly(status);
    }

    @Test
    void redirectIsNotFollowedAndCountsAsAFailure() {
        receiver.then(new Status(302, "", Map.of("Location", receiver.url("/elsewhere"))), new Status(301, "",
                Map.of("Location", "http://169.254.169.254/latest/meta-data/")));
        submitRating(3);

        JsonObject delivery = awaitFinal();

        assertThat(statusCodes(delivery)).containsExactly(302, 301, 200);
        assertThat(receiver.received()).extracting(Received::path).containsOnly("/hooks/rateup");
    }

    @ParameterizedTest(name = "{0} is retried")
    @ValueSource(ints = {400, 401, 404, 408, 422, 500, 502, 504})
    void clientAndServerErrorsAreRetried(int status) {
        receiver.then(new Status(status, "{\"error\":\"nope\"}"));
        submitRating(3);

        JsonObject delivery = awaitFinal();

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(statusCodes(delivery)).containsExactly(status, 200);
    }

    @Test
    void goneDisablesTheWebhookWithItsReasonAndStopsTheDelivery() throws Exception {
        receiver.then(new Status(410, "unsubscribed"));
        submitRating(3);

        JsonObject delivery = awaitFinal();
        JsonObject webhook = webhook();
        submitRating(4);
        Thread.sleep(1500); // a sweep interval: nothing may go out to a disabled webhook

        assertThat(delivery.getString("status")).isEqualTo("FAILED");
        assertThat(statusCodes(delivery)).containsExactly(410);
        assertThat(webhook.getBoolean("enabled")).isFalse();
        assertThat(webhook.getString("disabledReason")).contains("410");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        receiver.then(new Status(429, "", Map.of("Retry-After", "2")));
        submitRating(3);

        JsonObject delivery = awaitFinal();
        List<Received> requests = receiver.received();

        assertThat(statusCodes(delivery)).containsExactly(429, 200);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
        receiver.then(new Status(503, "", Map.of("Retry-After", inThreeSeconds)));
        submitRating(3);

        JsonObject delivery = awaitFinal();
        List<Received> requests = receiver.received();

        assertThat(statusCodes(delivery)).containsExactly(503, 200);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    /** A closed port: every attempt refused. No answer since the first one, so the retries are not used up (#30). */
    @Test
    void refusedConnectionWaitsForTheEndpointWithoutUsingUpTheRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        api.putWebhook(team, surveyId, "http://127.0.0.1:" + closedPort + "/hook");
        submitRating(3);

        JsonObject delivery = awaitWaitingBeyondTheRetries();

        assertThat(errors(delivery)).containsOnly("connection refused");
        endTheWait();
    }

    /**
     * A quiet endpoint (a response now and then) down for longer than the whole retry schedule: 12
     * connections reset before a status line, more than two rounds of 1 + 3 attempts. Both responses
     * arrive once it answers, none fails, and nobody redelivers anything.
     */
    @Test
    void aQuietEndpointDownLongerThanTheRetryScheduleGetsBothResponsesWhenItIsBack() {
        ResetInStatusLine reset = new ResetInStatusLine();
        receiver.then(reset, reset, reset, reset, reset, reset, reset, reset, reset, reset, reset, reset);
        submitRating(2);
        submitRating(4);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> api.deliveries(team, surveyId).stream()
                .allMatch(d -> "DELIVERED".equals(d.asJsonObject().getString("status"))));

        List<JsonObject> deliveries = api.deliveries(team, surveyId).getValuesAs(JsonObject.class);
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries).flatMap(ReceiverFaultsIT::statusCodes).filteredOn(code -> code == null).hasSize(12);
        assertThat(deliveries).map(d -> d.getJsonArray("attempts").size()).as("one of them had more attempts than a round")
                .anyMatch(attempts -> attempts > 4);
    }

    @Test
    void resetBeforeTheStatusArrivedIsAFailure() {
        receiver.then(new ResetInStatusLine());
        submitRating(3);

        JsonObject delivery = awaitFinal();
        JsonObject first = delivery.getJsonArray("attempts").getJsonObject(0);

        assertThat(statusCodes(delivery)).containsExactly(null, 200);
        assertThat(first.getString("error")).isNotBlank();
    }

    /** Within the timeout (1.5 s here): also what tells that Fault Tolerance's @Timeout got the configured value, not its 1 s default. */
    @Test
    void aSlowAnswerWithinTheTimeoutIsDelivered() {
        receiver.then(new Stall(Duration.ofMillis(1200), 200));
        submitRating(3);

        JsonObject delivery = awaitFinal();

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(statusCodes(delivery)).containsExactly(200);
    }

    /**
     * Each byte comes well within the timeout, so only one budget for the whole attempt ends it: the
     * attempt is cut at the timeout, not when the receiver is done trickling (seconds later).
     */
    @Test
    void aStatusLineTrickledAByteAtATimeIsCutAtTheTimeout() {
        TrickleStatusLine trickle = new TrickleStatusLine(Duration.ofMillis(200));
        receiver.then(trickle);
        submitRating(3);

        JsonObject delivery = awaitFinal();
        JsonObject first = delivery.getJsonArray("attempts").getJsonObject(0);

        assertThat(statusCodes(delivery)).containsExactly(null, 200);
        assertThat(first.getString("error")).isEqualTo("no answer within 1500 ms");
        assertThat(first.getJsonNumber("durationMs").longValue()).as("cut at the timeout, not at the end of the trickle")
                .isLessThan(trickle.total().toMillis() / 2);
    }

    @Test
    void resetInTheAnswerBodyAfterA2xxStatusIsDeliveredWithWhatArrived() {
        receiver.then(new ResetInBody(200));
        submitRating(3);

        JsonObject delivery = awaitFinal();

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(statusCodes(delivery)).containsExactly(200);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void endlessAnswerIsCutAfterTheExcerpt() {
        receiver.then(new EndlessBody(200));
        submitRating(3);

        JsonObject delivery = awaitFinal();
        JsonObject attempt = api.delivery(team, surveyId, delivery.getString("id")).getJsonArray("attempts").getJsonObject(0);

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(attempt.getString("responseExcerpt")).hasSize(4096).matches("y+");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void hugeAnswerKeepsOnlyTheExcerpt() {
        receiver.then(new HugeBody(500, 20 * 1024 * 1024));
        submitRating(3);

        JsonObject delivery = awaitFinal();
        JsonObject attempt = api.delivery(team, surveyId, delivery.getString("id")).getJsonArray("attempts").getJsonObject(0);

        assertThat(statusCodes(delivery)).containsExactly(500, 200);
        assertThat(attempt.getString("responseExcerpt")).hasSize(4096).matches("z+");
    }

    /** No HTTP answer either: a certificate the receiver's operator renews is an outage of its endpoint. */
    @Test
    void tlsFailureIsNoAnswerAndWaitsForTheEndpoint() {
        api.putWebhook(team, surveyId, receiver.url("/hooks/rateup").replace("http://", "https://"));
        submitRating(3);

        JsonObject delivery = awaitWaitingBeyondTheRetries();

        assertThat(errors(delivery)).allMatch(error -> error.startsWith("TLS error"));
        assertThat(receiver.received()).isEmpty();
        endTheWait();
    }

    @Test
    void disabledWebhookKeepsPendingDeliveriesUntilEnabledAgain() throws Exception {
        receiver.then(new Stall(Duration.ofMillis(800), 500));
        submitRating(3);
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        api.send("PUT", com.rateup.webhooks.testing.Api.webhookPath(team, surveyId), com.rateup.webhooks.testing.Api.bearer(team.token()),
                jakarta.json.Json.createObjectBuilder().add("url", receiver.url("/hooks/rateup")).add("enabled", false).build());
        Thread.sleep(3000); // longer than every backoff: nothing goes out while disabled

        assertThat(onlyDelivery().getString("status")).isEqualTo("PENDING");
        assertThat(receiver.received()).hasSize(1);

        api.putWebhook(team, surveyId, receiver.url("/hooks/rateup"));
        JsonObject delivery = awaitFinal();

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(statusCodes(delivery)).containsExactly(500, 200);
    }

    /** Waits until the only delivery had more attempts than a round (1 + 3) and still waits, saying why. */
    private JsonObject awaitWaitingBeyondTheRetries() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> onlyDelivery().getJsonArray("attempts").size() > 5);
        JsonObject delivery = onlyDelivery();
        assertThat(delivery.getString("status")).isEqualTo("PENDING");
        assertThat(delivery.getString("reason")).startsWith("waiting for the endpoint since ");
        return delivery;
    }

    /** Deleting the webhook ends its waiting delivery: it would probe the dead endpoint as long as the shared server runs. */
    private void endTheWait() {
        assertThat(api.call(team, "DELETE", Api.webhookPath(team, surveyId)).status()).isEqualTo(204);
    }

    private static List<Integer> statusCodes(JsonObject delivery) {
        return delivery.getJsonArray("attempts").stream()
                .map(a -> a.asJsonObject().get("statusCode"))
                .map(code -> code.getValueType() == JsonValue.ValueType.NULL ? null : ((jakarta.json.JsonNumber) code).intValue())
                .toList();
    }

    private static List<String> errors(JsonObject delivery) {
        return delivery.getJsonArray("attempts").stream().map(a -> a.asJsonObject().getString("error", null)).toList();
    }
}
