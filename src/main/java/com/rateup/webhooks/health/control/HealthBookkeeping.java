package com.rateup.webhooks.health.control;

import com.rateup.webhooks.platform.control.DatabaseOutage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the endpoint health figures noted since the last time ({@link EndpointHealth#record}), every
 * {@link #EVERY}: one transaction for all the attempts that ended meanwhile, instead of one per attempt.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthBookkeeping {

    private static final Logger LOG = Logger.getLogger(HealthBookkeeping.class.getName());

    static final Duration EVERY = Duration.ofMillis(500);

    @Resource
    TimerService timers;

    @Inject
    EndpointHealth health;

    @Inject
    DatabaseOutage outage;

    private final AtomicBoolean writing = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(EVERY.toMillis(), EVERY.toMillis(), new TimerConfig(null, false));
    }

    /** At undeploy; Payara Micro stopped by SIGTERM does not undeploy, and loses the figures of its last moments. */
    @PreDestroy
    void writeLast() {
        write();
    }

    @Timeout
    void write() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        try {
            SortedMap<String, List<EndpointHealth.Noted>> attempts = health.takeNoted();
            if (!attempts.isEmpty()) {
                health.record(attempts);
            }
        } catch (RuntimeException e) {
            if (!outage.noticed(e)) {
                LOG.log(Level.WARNING, "the endpoint health figures of the last " + EVERY.toMillis() + " ms are lost", e);
            }
        } finally {
            writing.set(false);
        }
    }
}
