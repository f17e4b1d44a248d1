package com.rateup.webhooks.deliveries.control;

import com.rateup.webhooks.health.control.EndpointHealth;
import com.rateup.webhooks.outbox.control.DeliveryPolicy;
import com.rateup.webhooks.platform.control.DatabaseOutage;
import com.rateup.webhooks.platform.control.PurgePause;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps deliveries {@code rateup.delivery.retention} (P30D) after they ended, then deletes them with
 * their attempts ({@link ExpiredRecords}), off the delivery path: a timer, every tenth of the payload retention
 * ({@link PurgePause}: at most every ten minutes), deleting {@value #BATCH} at a time. Pending deliveries are
 * never deleted, however old. Hourly health figures are kept for the retention too, and at least for
 * the {@link #HEALTH_WINDOW} the stats read. Payloads and receivers' answers go earlier, after
 * {@code rateup.delivery.payload-retention} (P7D), on the same timer.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class.getName());

    static final int BATCH = 200;
    /** The stats read the hour rows of the last 24 hours from the start of the hour: up to 25 of them. */
    static final Duration HEALTH_WINDOW = EndpointHealth.WINDOW.plusHours(1);

    @Resource
    TimerService timers;

    @Inject
    DeliveryPolicy policy;

    @Inject
    ExpiredRecords expired;

    @Inject
    DatabaseOutage outage;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        Duration pause = PurgePause.of(policy.payloadRetention(), 10); // the shorter of the two
        timers.createIntervalTimer(pause.toMillis(), pause.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void purge() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant cutoff = Instant.now().minus(policy.retention());
            long deliveries = 0;
            for (int deleted = BATCH; deleted == BATCH; deliveries += deleted) {
                deleted = expired.deleteDeliveriesEndedBefore(cutoff, BATCH);
            }
            Instant payloadCutoff = Instant.now().minus(policy.payloadRetention());
            long payloads = 0;
            for (int removed = BATCH; removed == BATCH; payloads += removed) {
                removed = expired.removePayloadsEndedBefore(payloadCutoff, BATCH);
            }
            int jobs = expired.deleteJobsEndedBefore(cutoff);
            Instant healthCutoff = Instant.now().minus(HEALTH_WINDOW);
            expired.deleteHoursBefore(cutoff.isBefore(healthCutoff) ? cutoff : healthCutoff);
            if (deliveries > 0 || jobs > 0) {
                long count = deliveries;
                LOG.info(() -> "retention: deleted " + count + " deliveries and " + jobs + " recovery jobs that ended before " + cutoff);
            }
            if (payloads > 0) {
                long count = payloads;
                LOG.info(() -> "payload retention: removed the payloads of " + count + " deliveries that ended before " + payloadCutoff);
            }
        } catch (RuntimeException e) {
            if (!outage.noticed(e)) {
                LOG.log(Level.WARNING, "retention could not delete expired deliveries; it tries again later", e);
            }
        } finally {
            running.set(false);
        }
    }
}
