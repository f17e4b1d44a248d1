package com.rateup.webhooks.outbox.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * The intervals before each retry of a delivery; their number is the number of retries (ADR 0001).
 * Each is scaled by a random factor in [0.75, 1.25), so that receivers that failed together are not
 * retried in lockstep.
 */
public record RetrySchedule(List<Duration> intervals) {

    /**
     * The default: three retries spread over about three hours, so that a receiver that fails for a
     * deploy, a restart or a bug fixed the same afternoon still gets the delivery (1 s, 2 s, 4 s was
     * over before most incidents are noticed).
     */
    public static final RetrySchedule DEFAULT = parse("PT1M,PT10M,PT3H");

    static final double JITTER = 0.25;

    public RetrySchedule {
        intervals = List.copyOf(intervals);
        if (intervals.stream().anyMatch(interval -> interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("retry intervals must be positive, got " + intervals);
        }
    }

    /** {@code rateup.delivery.retry-schedule}: ISO-8601 durations, comma-separated ({@code PT1M,PT10M,PT3H}); empty: no retries. */
    public static RetrySchedule parse(String durations) {
        List<Duration> intervals = new ArrayList<>();
        for (String part : durations.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                intervals.add(Duration.parse(part.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("rateup.delivery.retry-schedule: '" + part.strip()
                        + "' is not an ISO-8601 duration such as PT30S, PT10M or PT3H", e);
            }
        }
        return new RetrySchedule(intervals);
    }

    /** The shorthand of {@code max-retries} and {@code backoff-initial-ms}: each interval twice the one before, capped. */
    public static RetrySchedule doubling(long initialMs, long maxMs, int retries) {
        if (initialMs < 1 || maxMs < initialMs || retries < 0) {
            throw new IllegalArgumentException("backoff needs 1 <= initial <= max and retries >= 0, got "
                    + initialMs + ", " + maxMs + " and " + retries);
        }
        return new RetrySchedule(IntStream.range(0, retries)
                .mapToObj(n -> Duration.ofMillis((long) Math.min(maxMs, initialMs * Math.pow(2, n))))
                .toList());
    }

    public int retries() {
        return intervals.size();
    }

    /** The wait before retry {@code retry} (1-based); past the schedule, its last interval. */
    public Duration before(int retry) {
        return before(retry, ThreadLocalRandom.current().nextDouble());
    }

    /** {@code sample} is uniform in [0, 1). */
    Duration before(int retry, double sample) {
        if (intervals.isEmpty()) {
            return Duration.ZERO;
        }
        Duration base = intervals.get(Math.min(Math.max(retry, 1), intervals.size()) - 1);
        return Duration.ofMillis((long) (base.toMillis() * (1 - JITTER + 2 * JITTER * sample)));
    }
}
