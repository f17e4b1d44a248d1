package com.rateup.webhooks.deliveries.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rateup.webhooks.testing.Api;
import com.rateup.webhooks.testing.OtlpReceiver;
import com.rateup.webhooks.testing.OtlpReceiver.ExportedSpan;
import com.rateup.webhooks.testing.ServerProcess;
import com.rateup.webhooks.testing.TestReceiver;
import com.rateup.webhooks.testing.TestReceiver.Received;
import com.rateup.webhooks.testing.TestReceiver.Status;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces across the hop, exported to a real OTLP/HTTP endpoint ({@link OtlpReceiver}) by a server with
 * tracing switched on through the {@code otel.*} keys alone: the intake's span joins the trace of the
 * client that submitted, each delivery attempt is a span under it with the endpoint's host, status and
 * outcome, and the receiver's {@code traceparent} names that attempt's span; a test event is a trace of
 * its own. Off by default: {@code DeliveryIT} sees no {@code traceparent} (WildFly's own client
 * instrumentation would send one). Costs one server start (~15 s per server); H2 execution only.
 */
class TracingIT {

    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @TempDir
    Path workDir;

    @Test
    void eachAttemptIsASpanOfTheResponsesTraceAndTheReceiverGetsItsTraceparent() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver();
                TestReceiver receiver = new TestReceiver().then(new Status(503, "busy")).otherwise(new Status(200, "ok"));
                ServerProcess server = ServerProcess.start(workDir, "traced", ServerProcess.testConfig(workDir, Map.of(
                        "otel.sdk.disabled", "false",
                        "otel.service.name", "rateup-webhooks-test",
                        "otel.exporter.otlp.endpoint", collector.endpoint(),
                        "otel.exporter.otlp.protocol", "http/protobuf",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none",
                        "otel.bsp.schedule.delay", "100")))) {
            Api api = new Api(server.url());
            Api.Team team = api.createTeam("Tracing team");
            JsonObject survey = api.createSurvey(team, "SURVEY", "Rating");
            String surveyId = survey.getString("id");
            api.putWebhook(team, surveyId, receiver.url("/hook"));
            String body = "{\"answers\":[{\"questionId\":\"" + survey.getJsonArray("questions").getJsonObject(0).getString("id") + "\",\"response\":4}]}";

            Api.Reply submitted = api.send("POST", "api/surveys/" + surveyId + "/responses", null, "application/json", body,
                    Map.of("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01"));
            assertThat(submitted.status()).isEqualTo(201);
            String responseId = submitted.object().getString("id");

            await().atMost(Duration.ofSeconds(60)).until(() -> attempts(collector).size() == 2
                    && attempts(collector).stream().anyMatch(span -> "delivered".equals(span.stringAttribute("rateup.outcome"))));
            ExportedSpan intake = await().atMost(Duration.ofSeconds(30)).until(() -> collector.spans().stream()
                    .filter(span -> span.span().getName().equals("response intake") && responseId.equals(span.stringAttribute("rateup.response.id")))
                    .findFirst().orElse(null), span -> span != null);
            List<ExportedSpan> attempts = attempts(collector);
            List<Received> posts = receiver.received();

            assertThat(intake.traceId()).as("the intake joins the submitting client's trace").isEqualTo(CLIENT_TRACE);
            assertThat(intake.parentSpanId()).isEqualTo(CLIENT_SPAN);
            assertThat(intake.service()).isEqualTo("rateup-webhooks-test");
            assertThat(intake.stringAttribute("rateup.survey.id")).isEqualTo(surveyId);

            assertThat(posts).hasSize(2);
            assertThat(attempts).hasSize(2).allSatisfy(attempt -> {
                assertThat(attempt.span().getName()).isEqualTo("webhook attempt");
                assertThat(attempt.traceId()).as("in the response's trace").isEqualTo(CLIENT_TRACE);
                assertThat(attempt.parentSpanId()).as("a child of the intake's span").isEqualTo(intake.spanId());
                assertThat(attempt.stringAttribute("server.address")).isEqualTo("127.0.0.1");
                assertThat(attempt.longAttribute("server.port")).isEqualTo(receiver.port());
                assertThat(attempt.stringAttribute("rateup.delivery.id")).isEqualTo(posts.get(0).header("x-webhook-id"));
            });
            ExportedSpan failed = attempts.get(0);
            ExportedSpan delivered = attempts.get(1);
            assertThat(failed.longAttribute("http.response.status_code")).isEqualTo(503);
            assertThat(failed.stringAttribute("rateup.outcome")).isEqualTo("retry_scheduled");
            assertThat(failed.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
            assertThat(delivered.longAttribute("http.response.status_code")).isEqualTo(200);
            assertThat(delivered.stringAttribute("rateup.outcome")).isEqualTo("delivered");
            assertThat(delivered.span().getStatus().getCode()).isNotEqualTo(StatusCode.STATUS_CODE_ERROR);

            for (int i = 0; i < 2; i++) {
                assertThat(posts.get(i).header("traceparent")).as("attempt %d's POST", i + 1)
                        .isEqualTo("00-" + CLIENT_TRACE + "-" + attempts.get(i).spanId() + "-01");
            }

            assertThat(api.call(team, "POST", Api.webhookPath(team, surveyId) + "/test").status()).isEqualTo(200);
            ExportedSpan testEvent = await().atMost(Duration.ofSeconds(30)).until(() -> collector.spans().stream()
                    .filter(span -> span.span().getName().equals("webhook test event")).findFirst().orElse(null), span -> span != null);
            assertThat(testEvent.traceId()).as("a test event is a trace of its own").isNotEqualTo(CLIENT_TRACE);
            assertThat(testEvent.longAttribute("http.response.status_code")).isEqualTo(200);
            assertThat(receiver.received()).hasSize(3);
            assertThat(receiver.received().get(2).header("traceparent")).isEqualTo("00-" + testEvent.traceId() + "-" + testEvent.spanId() + "-01");
        }
    }

    /** The attempt spans, in the order they started. */
    private static List<ExportedSpan> attempts(OtlpReceiver collector) {
        return collector.spans().stream().filter(span -> span.attribute("rateup.delivery.id").isPresent())
                .sorted(Comparator.comparingLong(span -> span.span().getStartTimeUnixNano())).toList();
    }
}
