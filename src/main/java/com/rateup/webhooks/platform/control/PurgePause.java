package com.rateup.webhooks.platform.control;

import java.time.Duration;

/**
 * How often a purge of expired rows runs: a fraction of how long they are kept, but at least every
 * {@link #LONGEST} (a long retention still purges steadily, in small batches) and at most every
 * {@link #SHORTEST} (a short one, as tests set, does not spin the timer).
 */
public final class PurgePause {

    public static final Duration LONGEST = Duration.ofMinutes(10);
    public static final Duration SHORTEST = Duration.ofSeconds(1);

    private PurgePause() {
    }

    /** {@code kept} divided by {@code fraction}, within {@link #SHORTEST} and {@link #LONGEST}. */
    public static Duration of(Duration kept, int fraction) {
        Duration pause = kept.dividedBy(fraction);
        return pause.compareTo(LONGEST) > 0 ? LONGEST : pause.compareTo(SHORTEST) < 0 ? SHORTEST : pause;
    }
}
