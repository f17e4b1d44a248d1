package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.egress.control.Signatures;
import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.NodeOracle;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import com.rateup.webhooks.testing.TestReceiver.Drop;
import com.rateup.webhooks.testing.TestReceiver.Received;
import com.rateup.webhooks.testing.TestReceiver.Stall;
import com.rateup.webhooks.testing.TestReceiver.Status;
import com.rateup.webhooks.testing.TestReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delivery pipeline against a real Payara Micro and a real receiver on 127.0.0.1. The server
 * runs with a 1,500 ms timeout, 3 retries and a 400 ms initial backoff (arquillian.xml).
 */
class DeliveryIT extends SurveyWithWebhookFixture {

    private static final long TIMEOUT_MS = 1500;

    @Test
    void deliversOnceSignedWithEveryHeaderAndTheBodyJavaScriptWouldWrite() throws Exception {
        String secret = webhook().getString("secret");
        String responseId = api.submit(surveyId, submission(
                3, "Very happy", 9, "Olá \"quoted\" \\ back\\slash / slash 😀 \u2028 \u0001 <script>", "Blue",
                List.of("a", "ü"), true, "19.90"));

        JsonObject delivery = awaitFinal();
        Received request = receiver.received().get(0);

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(delivery.getString("responseId")).isEqualTo(responseId);
        assertThat(receiver.received()).hasSize(1);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/rateup");
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.header("x-webhook-id")).isEqualTo(delivery.getString("id"));
        assertThat(request.header("webhook-id")).isEqualTo(delivery.getString("id"));
        assertThat(request.header("user-agent")).matches("rateup-webhooks/\\d+\\.\\d+\\.\\d+.*");
        assertThat(Instant.parse(request.header("x-rateup-triggered-at"))).isBeforeOrEqualTo(request.at());
        assertThat(request.header("x-rateup-triggered-at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(Long.parseLong(request.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(request.header("x-rateup-signature")).isEqualTo(Signatures.rateup(secret, request.body()));
        assertThat(request.header("traceparent")).as("tracing is off unless configured (TracingIT)").isNull();

        JsonObject node = NodeOracle.verify(request.body(), request.headers(), secret);
        assertThat(node.getBoolean("roundTrip")).as("JSON.stringify(JSON.parse(body)) is the body").isTrue();
        assertThat(node.getBoolean("rateupRawBody")).isTrue();
        assertThat(node.getBoolean("rateupDocumentedSnippet")).isTrue();
        assertThat(node.getBoolean("standardWebhooks")).as(node.toString()).isTrue();

        JsonObject body = Json.createReader(new java.io.StringReader(request.bodyText())).readObject();
        assertThat(body.keySet()).containsExactly("tag", "createdAt", "phone", "language", "responses", "teamId", "surveyId");
        assertThat(body.getString("teamId")).isEqualTo(team.id());
        assertThat(body.getString("surveyId")).isEqualTo(surveyId);
        assertThat(body.getJsonArray("responses")).hasSize(8);
        assertThat(request.bodyText()).contains("\"response\":19.9,").contains("{\"type\":\"Rating\",\"response\":3,\"title\":\"Rating question\"}");
    }

    @Test
    void everyAcceptedAnswerComesOutAsNodeWouldReserialiseIt() throws Exception {
        String secret = webhook().getString("secret");
        List<String> texts = List.of("", "é", "😀👍🏽", "\"", "\\", "/", "\u2028\u2029", "\u0000\u001f\u007f", "\t\n\r\b\f", "</script>", "中文");
        List<String> numbers = List.of("0", "-0", "1e21", "1E-7", "0.1", "100.000", "123456789012345678901", "-2.5e-3");
        for (int i = 0; i < Math.max(texts.size(), numbers.size()); i++) {
            api.submit(surveyId, submission(null, null, null, texts.get(i % texts.size()), null,
                    List.of(texts.get((i + 3) % texts.size())), null, numbers.get(i % numbers.size())));
        }
        int expected = Math.max(texts.size(), numbers.size());
        await().atMost(PATIENCE).until(() -> receiver.received().size() >= expected);

        for (Received request : receiver.received()) {
            JsonObject node = NodeOracle.verify(request.body(), request.headers(), secret);
            assertThat(node.getBoolean("roundTrip")).as(request.bodyText()).isTrue();
            assertThat(node.getBoolean("rateupDocumentedSnippet")).as(request.bodyText()).isTrue();
        }
    }

    @Test
    void deletingTheWebhookEndsItsPendingDeliveriesAndALaterWebhookDoesNotSendThem() throws Exception {
        receiver.otherwise(new TestReceiver.Silent());
        api.submit(surveyId, submission(5, null, null, null, null, null, null, null));
        await().atMost(PATIENCE).until(() -> !receiver.received().isEmpty());

        assertThat(api.call(team, "DELETE", Api.webhookPath(team, surveyId)).status()).isEqualTo(204);
        JsonObject ended = onlyDelivery();
        assertThat(ended.getString("status")).isEqualTo("FAILED");
        assertThat(ended.getString("reason")).isEqualTo("the webhook was deleted before this delivery went out");

        try (TestReceiver later = new TestReceiver()) {
            api.putWebhook(team, surveyId, later.url("/new"));
            Thread.sleep(4000); // several sweeps (1 s) and the old attempt's timeout (1.5 s)
            assertThat(later.received()).isEmpty();
            assertThat(onlyDelivery().getString("status")).isEqualTo("FAILED");
        }
    }

    @Test
    void anAnswerOfAnyBytesIsRecordedAsText() {
        receiver.then(new TestReceiver.Bytes(200, new byte[] {'o', 'k', 0, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '!'}));
        api.submit(surveyId, submission(2, null, null, null, null, null, null, null));

        JsonObject delivery = awaitFinal();

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(delivery.getJsonArray("attempts")).hasSize(1);
        assertThat(receiver.received()).hasSize(1);
        assertThat(api.delivery(team, surveyId, delivery.getString("id")).getJsonArray("attempts").getJsonObject(0)
                .getString("responseExcerpt")).isEqualTo("ok\uFFFD\uFFFD\uFFFD\uFFFD!");
    }

    @Test
    void retriesAfterFailuresWithTheSameIdAndGrowingIntervals() {
        receiver.then(new Status(500, "{\"error\":\"busy\"}"), new Status(503, ""));
        api.submit(surveyId, submission(4, null, null, null, null, null, null, null));

        JsonObject delivery = awaitFinal();
        List<Received> requests = receiver.received();

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.header("x-webhook-id")).containsOnly(delivery.getString("id"));
        assertThat(delivery.getJsonArray("attempts")).extracting(a -> a.asJsonObject().getInt("statusCode"))
                .containsExactly(500, 503, 200);
        Duration first = Duration.between(requests.get(0).at(), requests.get(1).at());
        Duration second = Duration.between(requests.get(1).at(), requests.get(2).at());
        assertThat(second).isGreaterThan(first);
        JsonObject detail = api.delivery(team, surveyId, delivery.getString("id"));
        assertThat(detail.getJsonArray("attempts").getJsonObject(0).getString("responseExcerpt")).isEqualTo("{\"error\":\"busy\"}");
    }

    @Test
    void alwaysFailingReceiverGetsOnePlusThreeAttemptsThenFailedAndNoMore() throws Exception {
        receiver.otherwise(new Status(500, ""));
        api.submit(surveyId, submission(1, null, null, null, null, null, null, null));

        JsonObject delivery = awaitFinal();
        Thread.sleep(4000); // several sweep intervals (1 s): a FAILED delivery must stay untouched

        assertThat(delivery.getString("status")).isEqualTo("FAILED");
        assertThat(delivery.getJsonArray("attempts")).hasSize(4);
        assertThat(receiver.received()).hasSize(4);
        assertThat(onlyDelivery().getJsonArray("attempts")).hasSize(4);
    }

    @Test
    void receiverSlowerThanTheTimeoutFailsAtTheTimeout() {
        receiver.then(new Stall(Duration.ofMillis(TIMEOUT_MS * 3), 200));
        api.submit(surveyId, submission(2, null, null, null, null, null, null, null));

        JsonObject delivery = awaitFinal();
        JsonObject slow = delivery.getJsonArray("attempts").getJsonObject(0);

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(delivery.getJsonArray("attempts")).hasSize(2);
        assertThat(slow.get("statusCode")).isEqualTo(JsonValue.NULL);
        assertThat(slow.getString("error")).contains("within " + TIMEOUT_MS + " ms");
        assertThat(slow.getJsonNumber("durationMs").longValue()).isBetween(TIMEOUT_MS - 50, TIMEOUT_MS * 3 - 1);
    }

    @Test
    void droppedConnectionIsAFailedAttemptThenRetried() {
        receiver.then(new Drop());
        api.submit(surveyId, submission(5, null, null, null, null, null, null, null));

        JsonObject delivery = awaitFinal();
        JsonObject dropped = delivery.getJsonArray("attempts").getJsonObject(0);

        assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
        assertThat(dropped.get("statusCode")).isEqualTo(JsonValue.NULL);
        assertThat(dropped.getString("error")).isNotBlank();
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void redeliverySendsTheSameWebhookIdAgain() {
        api.submit(surveyId, submission(3, null, null, null, null, null, null, null));
        String id = awaitFinal().getString("id");

        var reply = api.call(team, "POST", Api.webhookPath(team, surveyId) + "/deliveries/" + id + "/redeliver");
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 2);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(receiver.received()).extracting(r -> r.header("x-webhook-id")).containsExactly(id, id);
        await().atMost(PATIENCE).until(() -> onlyDelivery().getJsonArray("attempts").size() == 2);
        assertThat(onlyDelivery().getString("status")).isEqualTo("DELIVERED");
    }

    @Test
    void testEventIsSentNowAndItsOutcomeReturned() throws Exception {
        String secret = webhook().getString("secret");
        receiver.then(new Status(204, ""));

        var reply = api.call(team, "POST", Api.webhookPath(team, surveyId) + "/test");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.object().getBoolean("delivered")).isTrue();
        assertThat(reply.object().getInt("statusCode")).isEqualTo(204);
        Received request = receiver.received().get(0);
        assertThat(NodeOracle.verify(request.body(), request.headers(), secret).getBoolean("standardWebhooks")).isTrue();
        assertThat(api.deliveries(team, surveyId)).isEmpty();
    }

    @Test
    void afterRotationTheOldSecretStillVerifiesTheStandardSignatureAndTheNewOneSignsEverything() throws Exception {
        String oldSecret = webhook().getString("secret");
        var rotated = api.call(team, "POST", Api.webhookPath(team, surveyId) + "/secret");
        String newSecret = rotated.object().getString("secret");
        api.submit(surveyId, submission(3, null, null, null, null, null, null, null));
        awaitFinal();

        Received request = receiver.received().get(0);
        JsonObject withNew = NodeOracle.verify(request.body(), request.headers(), newSecret);
        JsonObject withOld = NodeOracle.verify(request.body(), request.headers(), oldSecret);

        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(withNew.getBoolean("rateupRawBody")).isTrue();
        assertThat(withNew.getBoolean("standardWebhooks")).isTrue();
        assertThat(withOld.getBoolean("standardWebhooks")).isTrue();
        assertThat(withOld.getBoolean("rateupRawBody")).isFalse();
    }




    /** A response to the eight questions in order; null skips one; the number is raw JSON text. */
    private String submission(Integer rating, String smiley, Integer nps, String text, String choice, List<String> multi,
            Boolean yesNo, String numberJson) {
        Object[] values = {rating, smiley, nps, text, choice, multi, yesNo};
        var questions = survey.getJsonArray("questions");
        List<String> answers = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                answers.add(Json.createObjectBuilder().add("questionId", questions.getJsonObject(i).getString("id"))
                        .add("response", toJson(values[i])).build().toString());
            }
        }
        if (numberJson != null) {
            answers.add("{\"questionId\":\"" + questions.getJsonObject(7).getString("id") + "\",\"response\":" + numberJson + "}");
        }
        return "{\"phone\":\"14155552671\",\"language\":\"pt-BR\",\"answers\":[" + String.join(",", answers) + "]}";
    }

    private static JsonValue toJson(Object value) {
        if (value instanceof Integer i) {
            return Json.createValue(i);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof List<?> list) {
            var array = Json.createArrayBuilder();
            list.forEach(item -> array.add((String) item));
            return array.build();
        }
        return Json.createValue((String) value);
    }
}
