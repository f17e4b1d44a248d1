package com.rateup.webhooks.dispatch.control;

import com.rateup.webhooks.outbox.entity.AttemptResult;
import com.rateup.webhooks.platform.control.TraceParent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/**
 * A span per delivery attempt (MicroProfile Telemetry), a child of the intake's span stored with the delivery,
 * so the attempts show in the response's trace even when they run hours later on another instance. It is the
 * attempt as this application sees it: the endpoint's host and port (a webhook's URL may carry a token in its
 * path or query, so never the URL), the answer's status, and in {@code rateup.outcome} what followed. The HTTP
 * request itself is the server's own client span, a child of this one where the server traces the JAX-RS
 * client (Payara does), and that one's context is the {@code traceparent} the receiver gets. While tracing is
 * off the tracer is the no-op's and all of this costs nothing.
 */
@ApplicationScoped
public class AttemptSpans {

    static final String NAME = "webhook attempt";

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> HOST = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> DELIVERY_ID = AttributeKey.stringKey("rateup.delivery.id");
    private static final AttributeKey<String> WEBHOOK_ID = AttributeKey.stringKey("rateup.webhook.id");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("rateup.outcome");

    @Inject
    Tracer tracer;

    Span start(NextAttempt next) {
        URI url = next.request().url();
        return tracer.spanBuilder(NAME)
                .setParent(TraceParent.context(next.traceParent()))
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(METHOD, "POST")
                .setAttribute(HOST, url.getHost())
                .setAttribute(PORT, (long) (url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80))
                .setAttribute(DELIVERY_ID, next.request().deliveryId())
                .setAttribute(WEBHOOK_ID, next.webhookId())
                .startSpan();
    }

    /** {@code result} and {@code after} are null when the attempt or its record did not complete (the span says so). */
    void end(Span span, AttemptResult result, AfterAttempt after) {
        if (result != null && result.statusCode() != null) {
            span.setAttribute(STATUS, (long) result.statusCode());
        }
        if (result == null || !result.succeeded()) {
            span.setAttribute(ERROR_TYPE, result == null ? "not completed" : result.statusCode() != null ? result.statusCode().toString() : "no answer");
            span.setStatus(StatusCode.ERROR, result == null ? "the attempt did not complete" : result.outcome());
        }
        span.setAttribute(OUTCOME, outcome(after));
        span.end();
    }

    private static String outcome(AfterAttempt after) {
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
