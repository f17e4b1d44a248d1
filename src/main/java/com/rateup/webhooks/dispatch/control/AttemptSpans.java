package com.rateup.webhooks.dispatch.control;

import com.rateup.webhooks.egress.control.WebhookRequest;
import com.rateup.webhooks.outbox.entity.AttemptResult;
import com.rateup.webhooks.platform.control.Traces;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/**
 * A span per delivery attempt (MicroProfile Telemetry), a child of the intake's span stored with the delivery,
 * so the attempts show in the response's trace even when they run hours later on another instance. It is the
 * attempt as this application sees it: the endpoint's host and port (a webhook's URL may carry a token in its
 * path or query, so never the URL), the answer's status, and in {@code rateup.outcome} what followed. Its
 * context is the {@code traceparent} the receiver gets; where the server traces the JAX-RS client itself
 * (Payara, with tracing on), that span is a child of this one. A test event (send test event, check my
 * receiver) is a {@code webhook test event} span, a trace of its own. While tracing is off there is no span
 * and nothing is sent.
 */
@ApplicationScoped
public class AttemptSpans {

    static final String NAME = "webhook attempt";
    static final String TEST_NAME = "webhook test event";

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> HOST = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> DELIVERY_ID = AttributeKey.stringKey("rateup.delivery.id");
    private static final AttributeKey<String> WEBHOOK_ID = AttributeKey.stringKey("rateup.webhook.id");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("rateup.outcome");

    @Inject
    Traces traces;

    /** {@code webhookId}: null for a test event, which is not a webhook's delivery. */
    Span start(WebhookRequest request, String webhookId, Context parent) {
        URI url = request.url();
        SpanBuilder span = traces.span(request.test() ? TEST_NAME : NAME, parent)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(METHOD, "POST")
                .setAttribute(HOST, url.getHost())
                .setAttribute(PORT, (long) (url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80));
        if (!request.test()) {
            span.setAttribute(DELIVERY_ID, request.deliveryId()).setAttribute(WEBHOOK_ID, webhookId);
        }
        return span.startSpan();
    }

    /**
     * {@code result} is null when the attempt did not complete (the span says so); {@code outcome}: what followed
     * ({@link #outcome}), null for a test event.
     */
    void end(Span span, AttemptResult result, String outcome) {
        if (result != null && result.statusCode() != null) {
            span.setAttribute(STATUS, (long) result.statusCode());
        }
        if (result == null || !result.succeeded()) {
            span.setAttribute(ERROR_TYPE, result == null ? "not completed" : result.statusCode() != null ? result.statusCode().toString() : "no answer");
            span.setStatus(StatusCode.ERROR, result == null ? "the attempt did not complete" : result.outcome());
        }
        if (outcome != null) {
            span.setAttribute(OUTCOME, outcome);
        }
        span.end();
    }

    /** {@code after} is null when the attempt's record did not complete. */
    static String outcome(AfterAttempt after) {
        if (after == null) {
            return "not_recorded";
        } else if (after instanceof AfterAttempt.Delivered) {
            return "delivered";
        } else if (after instanceof AfterAttempt.Failed) {
            return "failed";
        } else if (after instanceof AfterAttempt.WaitingForEndpoint) {
            return "waiting_for_endpoint";
        } else if (after instanceof AfterAttempt.LeaseLost) {
            return "lease_lost";
        }
        return "retry_scheduled"; // inline or from the database
    }
}
