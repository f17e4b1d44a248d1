package com.rateup.webhooks.outbox.entity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * What one POST to the receiver came to: a status code, or an error when none arrived in time.
 * The excerpt is the start of the receiver's answer body; {@code retryAfter} is the wait a 429 or
 * 503 asked for with {@code Retry-After}. {@code sent}: false when the POST never left (the egress
 * rules refused the endpoint), which says nothing of the receiver.
 */
public record AttemptResult(Instant startedAt, long durationMs, Integer statusCode, String error, String excerpt,
        Duration retryAfter, boolean sent) implements Serializable {

    public static AttemptResult answered(Instant startedAt, long durationMs, int statusCode, String excerpt, Duration retryAfter) {
        return new AttemptResult(startedAt, durationMs, statusCode, null, excerpt, retryAfter, true);
    }

    /** Sent, but no status line came back: refused, reset, unknown host, TLS failure, or no answer in time. */
    public static AttemptResult failed(Instant startedAt, long durationMs, String error) {
        return new AttemptResult(startedAt, durationMs, null, error, null, null, true);
    }

    /** Not sent: {@code reason} says which rule kept it from the endpoint. */
    public static AttemptResult notSent(Instant startedAt, String reason) {
        return new AttemptResult(startedAt, 0, null, "not sent: " + reason, null, null, false);
    }

    public boolean succeeded() {
        return error == null && statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** Sent and not answered: the endpoint may be down, whatever this payload holds. */
    public boolean noAnswer() {
        return sent && statusCode == null;
    }

    /**
     * Signs that the receiver is down or overloaded rather than answering this payload: no answer at
     * all (connection refused or reset, TLS failure, timeout), 429, 502, 503 or 504. Only these open an
     * endpoint's circuit (ADR 0002).
     */
    public boolean receiverUnavailable() {
        return noAnswer() || statusCode != null && (statusCode == 429 || statusCode == 502 || statusCode == 503 || statusCode == 504);
    }

    /** What it came to, for a reason a person reads: "answered 500", or the error. */
    public String outcome() {
        return statusCode != null ? "answered " + statusCode : error;
    }

    /** 410: the receiver says this endpoint is gone for good. */
    public boolean gone() {
        return error == null && statusCode != null && statusCode == 410;
    }
}
