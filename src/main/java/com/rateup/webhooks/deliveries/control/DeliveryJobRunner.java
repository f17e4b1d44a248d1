package com.rateup.webhooks.deliveries.control;

import com.rateup.webhooks.dispatch.control.DeliverySweep;
import com.rateup.webhooks.platform.control.DatabaseOutage;
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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves the running recovery jobs on ({@link DeliveryJobs#handOverNext}), every {@value #TICK_MS} ms
 * while any runs, and asks the sweep to dispatch what they handed over. Jobs are rows, so a restart
 * (or another instance) resumes them where they got to; without a running job it looks for one only
 * every {@link #IDLE_LOOK}.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryJobRunner {

    private static final Logger LOG = Logger.getLogger(DeliveryJobRunner.class.getName());

    static final long TICK_MS = 250;
    static final Duration IDLE_LOOK = Duration.ofSeconds(5);

    @Resource
    TimerService timers;

    @Inject
    DeliveryJobs jobs;

    @Inject
    DeliverySweep sweep;

    @Inject
    DatabaseOutage outage;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean anyRunning = true;
    private volatile Instant lastLook = Instant.EPOCH;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(TICK_MS, TICK_MS, new TimerConfig(null, false));
    }

    /** A job was started here, from the API or a page: move it on from the next tick. */
    public void started(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryJobs.Started started) {
        anyRunning = true;
    }

    @Timeout
    void tick() {
        if (!anyRunning && Instant.now().isBefore(lastLook.plus(IDLE_LOOK)) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            lastLook = Instant.now();
            List<String> ids = jobs.running();
            anyRunning = !ids.isEmpty();
            int handed = 0;
            for (String id : ids) {
                handed += jobs.handOverNext(id);
            }
            if (handed > 0) {
                sweep.sweep();
            }
        } catch (RuntimeException e) {
            if (!outage.noticed(e)) {
                LOG.log(Level.WARNING, "recovery jobs could not move on; they do at the next tick", e);
            }
        } finally {
            running.set(false);
        }
    }
}
