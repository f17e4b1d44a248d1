package com.rateup.webhooks.health.control;

import com.rateup.webhooks.health.entity.EndpointState;
import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.outbox.entity.AttemptResult;
import com.rateup.webhooks.outbox.entity.Delivery;
import com.rateup.webhooks.outbox.entity.DeliveryStatus;
import com.rateup.webhooks.platform.entity.InstantConverter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Metrics of the delivery pipeline, at {@code /metrics}: attempts by outcome, their duration as a
 * histogram, deliveries by final status, the pending backlog and its oldest age, webhooks by state. The backlog gauges
 * read the database at most every few seconds, however often scraped.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Duration BACKLOG_FRESHNESS = Duration.ofSeconds(5);

    @Inject
    MeterRegistry registry;

    @Inject
    DeliveryPolicy policy;

    @Inject
    EndpointHealth health;

    @PersistenceContext
    EntityManager em;

    private Timer attemptDuration;
    private volatile Backlog backlog = new Backlog(0, 0, Instant.EPOCH);

    @PostConstruct
    void register() {
        attemptDuration = Timer.builder("rateup.delivery.attempt.duration")
                .description("Duration of delivery attempts, connect to answer (or timeout)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMillis(policy.timeoutMs()).multipliedBy(2))
                .register(registry);
        Gauge.builder("rateup.deliveries.pending", this, metrics -> metrics.backlog().pending())
                .description("Deliveries waiting for their next attempt or in one")
                .register(registry);
        Gauge.builder("rateup.deliveries.oldest.pending.age", this, metrics -> metrics.backlog().oldestAgeSeconds())
                .description("Age of the oldest pending delivery")
                .baseUnit("seconds")
                .register(registry);
        for (EndpointState state : EndpointState.values()) {
            // one series per state, none per webhook: bounded cardinality
            Gauge.builder("rateup.webhooks", health, figures -> figures.countsByState().get(state))
                    .description("Webhooks by the state of their endpoint")
                    .tag("state", state.name())
                    .register(registry);
        }
    }

    public void attempted(AttemptResult result) {
        Counter.builder("rateup.delivery.attempts")
                .description("Delivery attempts by outcome")
                .tag("outcome", result.succeeded() ? "success" : "failure")
                .register(registry)
                .increment();
        attemptDuration.record(result.durationMs(), TimeUnit.MILLISECONDS);
    }

    public void completed(DeliveryStatus status) {
        Counter.builder("rateup.deliveries")
                .description("Deliveries that reached a final status")
                .tag("status", status.name())
                .register(registry)
                .increment();
    }

    private Backlog backlog() {
        Backlog current = backlog;
        if (current.readAt().plus(BACKLOG_FRESHNESS).isAfter(Instant.now())) {
            return current;
        }
        Object[] row = em.createNamedQuery(Delivery.BACKLOG, Object[].class).getSingleResult();
        long pending = ((Number) row[0]).longValue();
        long oldest = row[1] == null ? 0 : Duration.between(InstantConverter.fromResult(row[1]), Instant.now()).toSeconds();
        backlog = new Backlog(pending, oldest, Instant.now());
        return backlog;
    }

    private record Backlog(long pending, long oldestAgeSeconds, Instant readAt) {
    }
}
