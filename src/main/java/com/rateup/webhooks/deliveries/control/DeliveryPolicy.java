package com.rateup.webhooks.deliveries.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The delivery settings from configuration, and the times derived from them. */
@ApplicationScoped
public class DeliveryPolicy {

    @Inject
    @ConfigProperty(name = "rateup.delivery.timeout-ms", defaultValue = "5000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "rateup.delivery.max-retries", defaultValue = "3")
    int maxRetries;

    @Inject
    @ConfigProperty(name = "rateup.delivery.backoff-initial-ms", defaultValue = "1000")
    long backoffInitialMs;

    @Inject
    @ConfigProperty(name = "rateup.delivery.backoff-max-ms", defaultValue = "300000")
    long backoffMaxMs;

    @Inject
    @ConfigProperty(name = "rateup.delivery.lease-ms", defaultValue = "30000")
    long leaseMs;

    public long timeoutMs() {
        return timeoutMs;
    }

    public int maxAttempts() {
        return 1 + maxRetries;
    }

    public Duration backoffBefore(int retry) {
        return new Backoff(backoffInitialMs, backoffMaxMs).before(retry);
    }

    /**
     * How long a delivery stays reserved for whoever holds it, counted from the moment its next
     * attempt is due: the attempt itself plus a margin. Past it, a crashed holder's work is resumed.
     */
    public Instant leaseFrom(Instant due) {
        return due.plusMillis(timeoutMs + leaseMs);
    }
}
