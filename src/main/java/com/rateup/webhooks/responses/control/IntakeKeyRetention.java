package com.rateup.webhooks.responses.control;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forgets idempotency keys once {@code rateup.intake.idempotency-window} has passed: a timer, every
 * twenty-fourth of the window ({@link PurgePause}: between a second and ten minutes), deleting {@value #BATCH} at a time.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IntakeKeyRetention {

    private static final Logger LOG = Logger.getLogger(IntakeKeyRetention.class.getName());

    static final int BATCH = 500;

    @Resource
    TimerService timers;

    @Inject
    ResponseIntake intake;

    @Inject
    IntakeKeys keys;

    @Inject
    DatabaseOutage outage;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        Duration pause = PurgePause.of(intake.idempotencyWindow(), 24);
        timers.createIntervalTimer(pause.toMillis(), pause.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void forget() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (keys.forgetExpired(intake.idempotencyWindow(), BATCH) == BATCH) {
                // a backlog (after a long stop): the next batch at once
            }
        } catch (RuntimeException e) {
            if (!outage.noticed(e)) {
                LOG.log(Level.WARNING, "expired idempotency keys could not be deleted; they are tried again later", e);
            }
        } finally {
            running.set(false);
        }
    }
}
