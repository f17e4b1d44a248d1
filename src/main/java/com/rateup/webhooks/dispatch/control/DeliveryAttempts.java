package com.rateup.webhooks.dispatch.control;

import com.rateup.webhooks.egress.control.WebhookPoster;
import com.rateup.webhooks.egress.control.WebhookRequest;
import com.rateup.webhooks.health.control.DeliveryMetrics;
import com.rateup.webhooks.health.control.EndpointHealth;
import com.rateup.webhooks.health.control.TeamAlerts;
import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.outbox.control.PayloadWriter;
import com.rateup.webhooks.outbox.entity.AttemptResult;
import com.rateup.webhooks.platform.control.Traces;
import com.rateup.webhooks.webhooks.control.SsrfProtection;
import com.rateup.webhooks.webhooks.control.TeamWebhooks;
import com.rateup.webhooks.webhooks.entity.EventType;
import com.rateup.webhooks.webhooks.entity.Webhook;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Runs a delivery's attempts on the calling (dispatcher) thread until one succeeds or the round
 * is used up.
 */
@ApplicationScoped
public class DeliveryAttempts {

    @Inject
    DeliveryStore store;

    @Inject
    WebhookPoster poster;

    @Inject
    DeliveryPolicy policy;

    @Inject
    EndpointGate gate;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    SsrfProtection ssrf;

    @Inject
    EndpointHealth health;

    @Inject
    DispatcherWrites writes;

    @Inject
    TeamWebhooks webhooks;

    @Inject
    AttemptSpans spans;

    /**
     * One attempt per invocation; a failed attempt throws {@link AttemptFailed} and {@code @Retry}
     * invokes it again. {@code @Retry}'s own delay is constant, so it is zero here and the growing,
     * jittered interval is the delivery's stored {@code nextAttemptAt}, which the next invocation
     * waits for: a restart resumes the same schedule. {@code maxRetries} is unbounded: the delivery's
     * stored attempt count ends the round ({@code rateup.delivery.retry-schedule}), here and across restarts.
     */
    @Retry(maxRetries = -1, delay = 0, jitter = 0, maxDuration = 1, durationUnit = ChronoUnit.DAYS,
            retryOn = AttemptFailed.class)
    public void deliver(LeasedDelivery leased) {
        String deliveryId = leased.deliveryId();
        String owner = leased.owner();
        var next = leased.takePrepared().or(() -> store.nextAttempt(deliveryId, owner));
        if (next.isEmpty()) {
            return;
        }
        WebhookRequest request = next.get().request();
        String endpoint = EndpointGate.endpointOf(request.url());
        if (!waitUntil(next.get().due())) {
            store.giveBack(deliveryId, owner);
            return;
        }
        Optional<EndpointGate.Outage> outage = gate.outage(endpoint, Instant.now());
        if (outage.isPresent()) {
            store.waitForEndpoint(deliveryId, owner, outage.get());
            return;
        }
        Span span = spans.start(request, next.get().webhookId(), Traces.context(next.get().traceParent()));
        AttemptResult result = null;
        AfterAttempt after = null;
        try {
            result = send(request, span);
            after = recordAttempt(next.get(), owner, endpoint, result);
        } finally {
            spans.end(span, result, AttemptSpans.outcome(after));
        }
        if (after instanceof AfterAttempt.RetryInline) {
            throw new AttemptFailed(deliveryId);
        }
    }

    private AfterAttempt recordAttempt(NextAttempt next, String owner, String endpoint, AttemptResult result) {
        metrics.attempted(result);
        EndpointGate.Outcome outcome = gate.recordOutcome(endpoint, result, Instant.now());
        if (outcome.answeredAgain() && store.resumeWaitingFor(next.request().url()) > 0) {
            gate.leftWaiting(); // this delivery's admission, when released, brings the sweep for them at once
        }
        String deliveryId = next.request().deliveryId();
        AfterAttempt after = writes.commit(() -> store.recordAndContinue(deliveryId, owner, result, next.webhookFailingSince(), outcome));
        health.attempted(next.webhookId(), result, outcome.openUntil()); // noted: written a few times a second
        return after;
    }

    /**
     * "Send test event": one signed POST of a sample of what the webhook receives, right now, outside any
     * retry or backoff; not stored. A response of the first survey it receives ({@link TeamWebhooks#sampledSurvey}),
     * or a test alert ({@code "type":"test"}) when it takes alerts only; empty when it takes responses but
     * receives no survey yet, so there is nothing to sample.
     */
    public Optional<TestEvent> sendSample(Webhook webhook) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (!webhook.receives(EventType.RESPONSE_CREATED)) {
            return Optional.of(sendTest(webhook, TeamAlerts.sample(webhook, now), now));
        }
        return webhooks.sampledSurvey(webhook).map(survey -> sendTest(webhook, PayloadWriter.sample(survey, now), now));
    }

    private TestEvent sendTest(Webhook webhook, String payload, Instant now) {
        String id = UUID.randomUUID().toString();
        Boolean matches = webhook.filter().map(filter -> filter.matches(payload)).orElse(null);
        return new TestEvent(id, postTestEvent(WebhookRequest.test(id, webhook.url(), payload, now, webhook.signingSecrets(now), webhook.authentication())), matches);
    }

    /** A test event's POST, now; a trace of its own. */
    public AttemptResult postTestEvent(WebhookRequest request) {
        Span span = spans.start(request, null, Context.root());
        AttemptResult result = null;
        try {
            result = send(request, span);
            return result;
        } finally {
            spans.end(span, result, null);
        }
    }

    /** The span is current while the POST is sent: a span the server's own client instrumentation adds is its child. */
    private AttemptResult send(WebhookRequest untraced, Span span) {
        try (Scope sending = span.makeCurrent()) {
            return post(untraced.tracedBy(Traces.parentOf(span)));
        }
    }

    private AttemptResult post(WebhookRequest request) {
        Instant startedAt = Instant.now();
        Optional<String> refusal = ssrf.refusal(request.url());
        if (refusal.isPresent()) {
            return AttemptResult.notSent(startedAt, "the endpoint " + refusal.get());
        }
        try {
            return poster.post(request);
        } catch (TimeoutException e) {
            // Fault Tolerance interrupted this thread, which goes on to record the attempt: H2 closes a file
            // database whose file an interrupted thread touches, so the flag must not outlive the attempt
            Thread.interrupted();
            long elapsed = Duration.between(startedAt, Instant.now()).toMillis();
            return AttemptResult.failed(startedAt, elapsed, "no answer within " + policy.timeoutMs() + " ms");
        }
    }

    /** Waits for the due time; false when the application shuts down meanwhile (the wait is not work in flight). */
    private boolean waitUntil(Instant due) {
        try {
            for (long waitMs = Duration.between(Instant.now(), due).toMillis(); waitMs > 0;
                    waitMs = Duration.between(Instant.now(), due).toMillis()) {
                if (gate.closed()) {
                    return false;
                }
                Thread.sleep(Math.min(waitMs, 200));
            }
            return !gate.closed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code webhookId}: the {@code x-webhook-id} the test event was sent with; {@code matchesFilter}: whether the
     * webhook's filter would let the sample through (sent anyway), null without a filter.
     */
    public record TestEvent(String webhookId, AttemptResult result, Boolean matchesFilter) implements Serializable {
    }

    /** A failed attempt that is to be retried. */
    public static class AttemptFailed extends RuntimeException {

        AttemptFailed(String deliveryId) {
            super("attempt of delivery " + deliveryId + " failed; retrying", null, false, false);
        }
    }
}
