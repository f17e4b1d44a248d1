package com.rateup.webhooks.dispatch.control;

import com.rateup.webhooks.egress.control.WebhookRequest;
import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.webhooks.entity.Webhook;
import java.time.Instant;

/**
 * What a delivery's next attempt sends and when. {@code webhookFailingSince}: since when its webhook's
 * attempts have failed, if its last one did (a success has history to clear); {@code traceParent}: the trace
 * the attempt continues ({@link Delivery#traceParent()}).
 */
public record NextAttempt(WebhookRequest request, String webhookId, Instant due, Instant webhookFailingSince, String traceParent) {

    static NextAttempt of(Delivery delivery, Webhook webhook, Instant due, Instant now) {
        return new NextAttempt(new WebhookRequest(delivery.id(), webhook.url(), delivery.payload(), delivery.triggeredAt(),
                webhook.signingSecrets(now), webhook.authentication()), webhook.id(), due, webhook.failingSince(), delivery.traceParent());
    }
}
