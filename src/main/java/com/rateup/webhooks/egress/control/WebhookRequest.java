package com.rateup.webhooks.egress.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Everything one POST needs, read from the database before the attempt so no transaction spans the HTTP call.
 * {@code signedAt}: the {@code webhook-timestamp} to sign with, null for the moment it is sent; {@code test}:
 * a sample, not a response, marked {@code x-rateup-test: true}.
 */
public record WebhookRequest(String deliveryId, URI url, String payload, Instant triggeredAt, List<String> secrets,
        Instant signedAt, boolean test) {

    public WebhookRequest(String deliveryId, URI url, String payload, Instant triggeredAt, List<String> secrets) {
        this(deliveryId, url, payload, triggeredAt, secrets, null, false);
    }

    /** A sample event, signed with {@code secrets} as if at {@code signedAt}. */
    public static WebhookRequest test(String id, URI url, String payload, Instant at, List<String> secrets) {
        return new WebhookRequest(id, url, payload, at, secrets, at, true);
    }

    public byte[] body() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
