package com.rateup.webhooks.deliveries.control;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The interval before retry {@code n} (1-based): {@code initial × 2^(n-1)}, scaled by a random
 * factor in [0.75, 1.25) so that receivers that failed together are not retried in lockstep,
 * and capped. The jitter band is narrower than the doubling, so each interval is longer than
 * the one before (until the cap).
 */
public record Backoff(long initialMs, long maxMs) {

    static final double JITTER = 0.25;

    public Backoff {
        if (initialMs < 1 || maxMs < initialMs) {
            throw new IllegalArgumentException("backoff needs 1 <= initial <= max, got " + initialMs + " and " + maxMs);
        }
    }

    public Duration before(int retry) {
        return before(retry, ThreadLocalRandom.current().nextDouble());
    }

    /** {@code sample} is uniform in [0, 1). */
    Duration before(int retry, double sample) {
        double base = initialMs * Math.pow(2, Math.max(0, retry - 1));
        double jittered = base * (1 - JITTER + 2 * JITTER * sample);
        return Duration.ofMillis((long) Math.min(maxMs, jittered));
    }
}
