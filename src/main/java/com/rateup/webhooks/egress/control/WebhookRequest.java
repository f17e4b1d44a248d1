package com.rateup.webhooks.egress.control;

import com.rateup.webhooks.webhooks.entity.EndpointAuthentication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Everything one POST needs, read from the database before the attempt so no transaction spans the HTTP call.
 * {@code signedAt}: the {@code webhook-timestamp} to sign with, null for the moment it is sent; {@code test}:
 * a sample, not a response, marked {@code x-rateup-test: true}; {@code authentication}: what the receiver
 * requires besides the signature; {@code traceParent}: the attempt's span, sent as the W3C {@code traceparent}
 * header so a receiver that traces joins the response's trace (null while tracing is off: no header).
 */
public record WebhookRequest(String deliveryId, URI url, String payload, Instant triggeredAt, List<String> secrets,
        Instant signedAt, boolean test, EndpointAuthentication authentication, String traceParent) {

    public WebhookRequest(String deliveryId, URI url, String payload, Instant triggeredAt, List<String> secrets,
            EndpointAuthentication authentication) {
        this(deliveryId, url, payload, triggeredAt, secrets, null, false, authentication, null);
    }

    public WebhookRequest tracedBy(String attemptSpan) {
        return new WebhookRequest(deliveryId, url, payload, triggeredAt, secrets, signedAt, test, authentication, attemptSpan);
    }

    /** A sample event, signed with {@code secrets} as if at {@code signedAt}. */
    public static WebhookRequest test(String id, URI url, String payload, Instant at, List<String> secrets,
            EndpointAuthentication authentication) {
        return new WebhookRequest(id, url, payload, at, secrets, at, true, authentication, null);
    }

    public byte[] body() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
