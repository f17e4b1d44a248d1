package com.rateup.webhooks.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.SurveyWithWebhookFixture;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receivers of {@code examples/} as integrators run them, against real deliveries: each accepts
 * a delivery signed with its secret and rejects one signed with another (401, which the delivery
 * log records as the attempt's status).
 */
class ExampleReceiversIT extends SurveyWithWebhookFixture {

    private static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
    private static final String WRONG_SECRET = "whsec_" + "A".repeat(43) + "=";

    @Test
    void nodeReceiver() throws Exception {
        verifiesAndRejects("node", EXAMPLES.resolve("receiver.js").toString());
    }

    @Test
    void pythonReceiver() throws Exception {
        verifiesAndRejects("python3", EXAMPLES.resolve("receiver.py").toString());
    }

    @Test
    void javaReceiver() throws Exception {
        verifiesAndRejects(Path.of(System.getProperty("java.home"), "bin", "java").toString(), EXAMPLES.resolve("Receiver.java").toString());
    }

    /** "Check my receiver" against one that verifies both signatures and the timestamp's 5-minute tolerance. */
    @Test
    void thePythonReceiverPassesTheReceiverCheck() throws Exception {
        try (Example example = Example.start(webhook().getString("secret"), "python3", EXAMPLES.resolve("receiver.py").toString())) {
            api.putWebhook(team, surveyId, example.url());
            JsonObject check = api.call(team, "POST", Api.webhookPath(team, surveyId) + "/check").object();
            assertThat(check.getBoolean("acceptsSigned")).as(example.output()).isTrue();
            assertThat(check.getBoolean("rejectsMisSigned")).isTrue();
            assertThat(check.getBoolean("rejectsStale")).isTrue();
            assertThat(check.getString("verdict")).isEqualTo("your receiver verifies signatures and rejects stale events");
            assertThat(api.deliveries(team, surveyId)).as("the check's events are not stored").isEmpty();
        }
    }

    private void verifiesAndRejects(String... command) throws Exception {
        String secret = webhook().getString("secret");
        try (Example example = Example.start(secret, command)) {
            api.putWebhook(team, surveyId, example.url());
            submitRating(4);
            JsonObject delivery = awaitFirstAttempt();
            assertThat(firstStatusCode(delivery)).as(example.output()).isEqualTo(200);
            await().atMost(PATIENCE).until(() -> example.output().contains("x-webhook-id=" + delivery.getString("id")));
            assertThat(example.output()).contains("VERIFIED x-webhook-id=" + delivery.getString("id"));
        }
        try (Example impostor = Example.start(WRONG_SECRET, command)) {
            api.putWebhook(team, surveyId, impostor.url());
            String responseId = submitRating(1);
            JsonObject delivery = await().atMost(PATIENCE).until(() -> api.deliveries(team, surveyId).stream()
                    .map(d -> d.asJsonObject())
                    .filter(d -> d.getString("responseId").equals(responseId) && !d.getJsonArray("attempts").isEmpty())
                    .findFirst().orElse(null), d -> d != null);
            assertThat(firstStatusCode(delivery)).as(impostor.output()).isEqualTo(401);
            assertThat(impostor.output()).contains("BAD SIGNATURE x-webhook-id=" + delivery.getString("id"));
        }
    }

    private JsonObject awaitFirstAttempt() {
        await().atMost(PATIENCE).until(() -> !api.deliveries(team, surveyId).isEmpty()
                && !api.deliveries(team, surveyId).getJsonObject(0).getJsonArray("attempts").isEmpty());
        return api.deliveries(team, surveyId).getJsonObject(0);
    }

    private static int firstStatusCode(JsonObject delivery) {
        var attempts = delivery.getJsonArray("attempts"); // oldest first
        return attempts.getJsonObject(0).getInt("statusCode");
    }

    /** One example receiver in a process of its own, on a free port of 127.0.0.1. */
    private record Example(Process process, int port, Path log) implements AutoCloseable {

        static Example start(String secret, String... command) throws IOException {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            List<String> line = new ArrayList<>(List.of(command));
            line.add(secret);
            line.add(Integer.toString(port));
            Path log = Files.createTempFile("example-receiver", ".log");
            Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Example example = new Example(process, port, log);
            await().atMost(Duration.ofSeconds(60)).until(() -> example.output().contains("listening on") || !process.isAlive());
            assertThat(process.isAlive()).as(example.output()).isTrue();
            return example;
        }

        String url() {
            return "http://127.0.0.1:" + port + "/rateup";
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            Files.deleteIfExists(log);
        }
    }
}
