package com.rateup.webhooks.deliveries.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Everything one POST needs, read from the database before the attempt so no transaction spans the HTTP call. */
public record WebhookRequest(String deliveryId, URI url, String payload, Instant triggeredAt, List<String> secrets) {

    public byte[] body() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
