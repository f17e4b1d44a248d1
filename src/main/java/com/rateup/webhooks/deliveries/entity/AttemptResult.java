package com.rateup.webhooks.deliveries.entity;

import java.time.Instant;

/**
 * What one POST to the receiver came to: a status code, or an error when none arrived in time.
 * The excerpt is the start of the receiver's answer body.
 */
public record AttemptResult(Instant startedAt, long durationMs, Integer statusCode, String error, String excerpt) {

    public static AttemptResult answered(Instant startedAt, long durationMs, int statusCode, String excerpt) {
        return new AttemptResult(startedAt, durationMs, statusCode, null, excerpt);
    }

    public static AttemptResult failed(Instant startedAt, long durationMs, String error) {
        return new AttemptResult(startedAt, durationMs, null, error, null);
    }

    public boolean succeeded() {
        return error == null && statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
