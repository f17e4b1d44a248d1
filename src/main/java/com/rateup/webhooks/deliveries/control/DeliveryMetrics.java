package com.rateup.webhooks.deliveries.control;

import com.rateup.webhooks.deliveries.entity.AttemptResult;
import com.rateup.webhooks.deliveries.entity.Delivery;
import com.rateup.webhooks.deliveries.entity.DeliveryStatus;
import com.rateup.webhooks.platform.entity.InstantConverter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.Gauge;

/**
 * MicroProfile Metrics of the delivery pipeline, at {@code /metrics?scope=application}: attempts
 * by outcome and their latency, deliveries by final status, the pending backlog and its oldest
 * age. The backlog gauges read the database at most every few seconds, however often scraped.
 * On a server without MicroProfile Metrics (WildFly 39) nothing is recorded.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class.getName());
    private static final Duration BACKLOG_FRESHNESS = Duration.ofSeconds(5);
    private static final Metadata ATTEMPT_DURATION = Metadata.builder()
            .withName("rateup_delivery_attempt_duration_milliseconds")
            .withDescription("Duration of delivery attempts, connect to answer (or timeout), in milliseconds")
            .withUnit(MetricUnits.NONE)
            .build();

    @Inject
    Instance<MetricRegistry> registries;

    private MetricRegistry registry;

    @PersistenceContext
    EntityManager em;

    private volatile Backlog backlog = new Backlog(0, 0, Instant.EPOCH);

    @PostConstruct
    void findRegistry() {
        if (registries.isResolvable()) {
            registry = registries.get();
        } else {
            LOG.info("this server has no MicroProfile Metrics: delivery metrics are not recorded");
        }
    }

    public void attempted(AttemptResult result) {
        if (registry == null) {
            return;
        }
        registry.counter("rateup_delivery_attempts", new Tag("outcome", result.succeeded() ? "success" : "failure")).inc();
        // a histogram in ms: Payara 6.2025.10 prints Timer quantiles in nanoseconds under a "seconds" name
        registry.histogram(ATTEMPT_DURATION).update(result.durationMs());
    }

    public void completed(DeliveryStatus status) {
        if (registry == null) {
            return;
        }
        registry.counter("rateup_deliveries", new Tag("status", status.name())).inc();
    }

    @Gauge(name = "rateup_deliveries_pending", unit = MetricUnits.NONE, absolute = true,
            description = "Deliveries waiting for their next attempt or in one")
    public long pending() {
        return backlog().pending();
    }

    @Gauge(name = "rateup_deliveries_oldest_pending_age", unit = MetricUnits.SECONDS, absolute = true,
            description = "Age of the oldest pending delivery")
    public long oldestPendingAgeSeconds() {
        return backlog().oldestAgeSeconds();
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
